import { afterAll, beforeAll, expect } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import { FakeDingtalk } from '../fakes/dingtalk-server.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { APP_KEY, APP_SECRET, ROBOT_CODE, dingtalkEnv } from '../platforms/dingtalk/dingtalk-support.js';
import { openAppReply, postToApp, textMessageXml, VECTOR_A, wecomEnv } from '../platforms/wecom/wecom-client.js';
import { OPEN_KFID, residentSays } from '../services/residents/kf-support.js';
import { say } from '../services/opinions/opinion-chat.js';
import { ownPostgresStores } from './stores.js';
import { onMemoryStores, startTestYishi, type TestYishi } from './yishi.js';

type StartOptions = NonNullable<Parameters<typeof startTestYishi>[1]>;

/**
 * What a test needs around one Yishi: which fake platforms, wired how. Everything else is passed
 * to startTestYishi as it is (`env` is added after the fakes' keys, so it may override them).
 */
export interface ScenarioOptions extends StartOptions {
  /**
   * A fake WeCom. `true`: the app and smart-robot keys of the tests (wecomEnv); `'api-only'`: only
   * WECOM_API_BASE, for tests of group robots that need no WeCom app.
   */
  wecom?: boolean | 'api-only';
  /** The 微信客服 account of the tests (WECOM_KF_OPEN_KFID); implies `wecom: true`. */
  kf?: boolean;
  /** A fake DingTalk (open API, session webhooks, Stream gateway); `true` is HTTP callback mode. */
  dingtalk?: boolean | 'http' | 'stream';
  /** The fakes keep the wall clock even when Yishi runs on `clock` (default: they share it). */
  fakesOnWallClock?: boolean;
  /** useScenario: how long starting and `setup` may take together (default: the config's hookTimeout). */
  setupTimeoutMs?: number;
  /** In the stores project, MongoDB on a FerretDB over PostgreSQL of this file's own when installed (ownPostgresStores). */
  ownPostgres?: boolean;
}

/** One Yishi with its fake platforms, and how a test talks to it. */
export interface Scenario {
  yishi: TestYishi;
  /** The fake WeCom (throws when the scenario has none). */
  wecom: FakeWecomServer;
  /** The fake DingTalk (throws when the scenario has none). */
  dingtalk: FakeDingtalk;
  clock: Clock;
  /** A member writes to the WeCom app (signed, encrypted, as WeCom does); the passive reply's text. */
  wecomSays(from: string, content: string): Promise<string>;
  /** Someone writes in the console (POST /console/messages); the replies joined. */
  say(from: string, text: string): Promise<string>;
  /** A resident writes to the 微信客服 account; what Yishi sent back, joined. */
  residentSays(userId: string, text: string): Promise<string>;
  /** Stops Yishi, then the fakes. */
  stop(): Promise<void>;
}

/** Starts the fakes asked for, then Yishi wired to them (see {@link useScenario} for a whole file). */
export async function startScenario(fileUrl: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const { wecom: wantWecom, kf, dingtalk: wantDingtalk, fakesOnWallClock, setupTimeoutMs: _timeout, ownPostgres, env, ...start } = options;
  const fakeClock = fakesOnWallClock ? undefined : start.clock;
  const started: { wecom?: FakeWecomServer; dingtalk?: FakeDingtalk; yishi?: TestYishi; store?: { stop(): Promise<void> } } = {};
  const stop = async () => {
    await started.yishi?.stop();
    await started.wecom?.stop();
    await started.dingtalk?.close();
    await started.store?.stop();
  };
  try {
    if (ownPostgres && !onMemoryStores() && !start.stores) {
      const own = await ownPostgresStores(fileUrl);
      started.store = own;
      start.stores = own.stores;
    }
    const platformEnv: Record<string, string> = {};
    if (wantWecom || kf) {
      started.wecom = await FakeWecomServer.start({
        corpId: VECTOR_A.corpId,
        secret: VECTOR_A.secret,
        ...(fakeClock ? { clock: fakeClock } : {}),
      });
      Object.assign(
        platformEnv,
        wantWecom === 'api-only' && !kf ? { WECOM_API_BASE: started.wecom.url } : wecomEnv(started.wecom.url),
        kf ? { WECOM_KF_OPEN_KFID: OPEN_KFID } : {},
      );
    }
    if (wantDingtalk) {
      started.dingtalk = await FakeDingtalk.start({
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        robotCode: ROBOT_CODE,
        ...(fakeClock ? { now: () => fakeClock.now().getTime() } : {}),
      });
      Object.assign(platformEnv, dingtalkEnv(started.dingtalk, wantDingtalk === 'stream' ? 'stream' : 'http'));
    }
    started.yishi = await startTestYishi(fileUrl, { ...start, env: { ...platformEnv, ...env } });
  } catch (error) {
    await stop();
    throw error;
  }
  return scenarioOf(() => started, stop);
}

/**
 * Starts a scenario before the file's (or the describe block's) tests and stops it after them.
 * Its `yishi`, `wecom` and `dingtalk` stand in for the real ones from the moment they are started,
 * so a file may take them apart at once: `const { yishi, wecom: fake } = useScenario(…)`.
 * `setup` runs once everything is up (register members, add groups…).
 */
export function useScenario(fileUrl: string, options: ScenarioOptions = {}, setup?: (scenario: Scenario) => Promise<void>): Scenario {
  let running: Scenario | undefined;
  beforeAll(async () => {
    running = await startScenario(fileUrl, options);
    await setup?.(running);
  }, options.setupTimeoutMs);
  afterAll(async () => {
    await running?.stop();
  });
  const current = () => {
    if (!running) throw new Error('the scenario is not started yet: use it inside a test or a hook');
    return running;
  };
  return {
    yishi: standIn(() => current().yishi),
    wecom: standIn(() => current().wecom),
    dingtalk: standIn(() => current().dingtalk),
    get clock() {
      return current().clock;
    },
    wecomSays: (from, content) => current().wecomSays(from, content),
    say: (from, text) => current().say(from, text),
    residentSays: (userId, text) => current().residentSays(userId, text),
    stop: () => current().stop(),
  };
}

function scenarioOf(
  started: () => { wecom?: FakeWecomServer; dingtalk?: FakeDingtalk; yishi?: TestYishi },
  stop: () => Promise<void>,
): Scenario {
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`this scenario has no ${what}: ask for it in the options`);
    return value;
  };
  let msgId = 0;
  const scenario: Scenario = {
    get yishi() {
      return need(started().yishi, 'Yishi');
    },
    get wecom() {
      return need(started().wecom, 'fake WeCom (wecom: true)');
    },
    get dingtalk() {
      return need(started().dingtalk, 'fake DingTalk (dingtalk: true)');
    },
    get clock() {
      return scenario.yishi.clock;
    },
    async wecomSays(from, content) {
      msgId += 1;
      const xml = textMessageXml({ from, content, msgId: `91000000${String(msgId).padStart(8, '0')}` });
      const response = await postToApp(scenario.yishi.url, xml);
      expect(response.status).toBe(200);
      return openAppReply(await response.text()).Content ?? '';
    },
    say: (from, text) => say(scenario.yishi, from, text),
    residentSays: (userId, text) => residentSays(scenario.yishi, scenario.wecom, userId, text),
    stop,
  };
  return scenario;
}

/**
 * An object that forwards every read, write and call to `target()`, so a name can be bound before
 * the thing it names is started (in a `beforeAll`). Methods run on the real object.
 */
function standIn<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_, property) {
      const real = target();
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
    set(_, property, value) {
      return Reflect.set(target(), property, value);
    },
    has(_, property) {
      return Reflect.has(target(), property);
    },
    ownKeys() {
      return Reflect.ownKeys(target());
    },
    getOwnPropertyDescriptor(_, property) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), property);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
}
