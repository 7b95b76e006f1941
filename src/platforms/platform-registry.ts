import type Router from '@koa/router';
import { SenderRegistry } from './sender-registry.js';
import type { Address, ConnectionStatus, MemberIds, Platform, PlatformDirectory, PlatformName, PlatformPeople } from './types.js';

/** Every platform connected: their routes, one sender registry, and start/stop for all of them. */
export interface ConnectedPlatforms {
  routers: Router[];
  senders: SenderRegistry;
  start(): void;
  stop(): Promise<void>;
  /** The outward connections' states (platforms that keep one). */
  statuses(): ConnectionStatus[];
}

/**
 * The platforms of one Yishi, in order of preference (a member reachable on two is notified on
 * the first). The composition fills it from one list; core and services see it as a
 * {@link PlatformDirectory}.
 *
 * @example
 * const platforms = new PlatformRegistry([wecomPlatform, dingtalkPlatform, consolePlatform]);
 * const { routers, senders } = platforms.connect(context);
 */
export class PlatformRegistry<Context> implements PlatformDirectory {
  private readonly byName = new Map<PlatformName, Platform<Context>>();

  constructor(private readonly platforms: ReadonlyArray<Platform<Context>>) {
    for (const platform of platforms) {
      for (const name of platform.delivers) {
        const taken = this.byName.get(name);
        if (taken) throw new Error(`${platform.name} and ${taken.name} both deliver messages as ${name}`);
        this.byName.set(name, platform);
      }
    }
  }

  of(name: PlatformName): PlatformPeople {
    const platform = this.byName.get(name);
    if (!platform) throw new Error(`no platform delivers messages as ${name} (is it in the composition's list?)`);
    return platform;
  }

  memberAddresses(member: MemberIds): Address[] {
    return this.platforms.flatMap((platform) => platform.memberAddress(member) ?? []);
  }

  /** Connects every platform in order; their senders go into one registry for the outbox. */
  connect(context: Context): ConnectedPlatforms {
    const connections = this.platforms.map((platform) => platform.connect(context));
    const senders = new SenderRegistry();
    for (const connection of connections) senders.registerAll(connection.senders);
    return {
      routers: connections.flatMap((connection) => connection.routers),
      senders,
      start: () => connections.forEach((connection) => connection.start?.()),
      stop: async () => {
        for (const connection of connections) await connection.stop?.();
      },
      statuses: () => connections.flatMap((connection) => connection.status?.() ?? []),
    };
  }
}
