import Router from '@koa/router';
import { enabledPlatforms, type Config } from '../config.js';
import type { Coordination } from '../core/coordination.js';
import { YishiError } from '../core/errors.js';
import { hasBearerToken } from './admin-auth.js';
import type { Metrics } from './metrics.js';
import type { ConnectionStatus } from '../platforms/types.js';

/** The data store as `/readyz` sees it: its name in the answer ('mongodb', 'memory') and a ping. */
export interface StoreProbe {
  kind: 'mongodb' | 'memory';
  ping(): Promise<void>;
}

async function check(probe: () => Promise<void>, timeoutMs = 2000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return `error: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` (alive), `/readyz` (stores reachable, platforms on) and `/metrics` (Prometheus; with
 * METRICS_TOKEN set, only for `Authorization: Bearer <METRICS_TOKEN>`). Not behind the admin token:
 * probes and Prometheus must not hold it.
 */
export function healthRoutes(deps: {
  config: Config;
  store: StoreProbe;
  coordination: Coordination;
  metrics: Metrics;
  isShuttingDown: () => boolean;
  /** Outward connections; one that cannot work until a person fixes it (a refused secret) makes the instance not ready. */
  connections: () => ConnectionStatus[];
}): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const [store, coordination] = await Promise.all([check(() => deps.store.ping()), check(() => deps.coordination.ping())]);
    const shuttingDown = deps.isShuttingDown();
    const connections = deps.connections();
    const broken = connections.filter((connection) => !connection.ready);
    const ready = store === 'ok' && coordination === 'ok' && !shuttingDown && broken.length === 0;
    const reason = shuttingDown
      ? 'shutting down'
      : broken.map((connection) => `${connection.name}: ${connection.detail ?? connection.state}`).join('; ');
    ctx.status = ready ? 200 : 503;
    ctx.body = {
      status: ready ? 'ready' : 'not ready',
      ...(reason ? { reason } : {}),
      [deps.store.kind]: store,
      coordination: { kind: deps.coordination.kind, status: coordination },
      platforms: enabledPlatforms(deps.config),
      ...(connections.length > 0 ? { connections } : {}),
    };
  });
  router.get('/metrics', async (ctx) => {
    const token = deps.config.metricsToken;
    if (token !== undefined && !hasBearerToken(ctx, token)) {
      ctx.set('WWW-Authenticate', 'Bearer');
      throw new YishiError('metrics_unauthorized', { status: 401, detail: 'no valid metrics token' });
    }
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
  return router;
}
