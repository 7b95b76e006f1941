import Koa from 'koa';
import type Router from '@koa/router';
import type { Config } from './config.js';
import type { Clock } from './core/clock.js';
import { messagesFor } from './i18n/messages.js';
import type { Logger } from './logger.js';
import type { Coordination } from './core/coordination.js';
import type { MemberRepository } from './services/members/member-records.js';
import { requireAdminTokenOrSession } from './http/workbench-auth.js';
import type { WorkbenchSessions } from './services/workbench/workbench-sessions.js';
import { adminGate } from './http/admin-gate.js';
import { isExactWhereItMatters } from './http/exact-router.js';
import { healthRoutes, type StoreProbe } from './http/health-routes.js';
import type { Metrics } from './http/metrics.js';
import { errorBoundary, requestContext, requestMetrics } from './http/middleware.js';
import { securityHeaders } from './http/security-headers.js';
import type { ConnectionStatus } from './platforms/types.js';

/** Everything the HTTP app needs, built by `src/main.ts` (or by a test) and passed in by hand. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  coordination: Coordination;
  /** What `/readyz` pings: MongoDB, or the in-memory stores. */
  store: StoreProbe;
  members: MemberRepository;
  /** The accepted admin token now (ADMIN_TOKEN, or a rotated one): read on every request. */
  adminToken: () => string;
  /** Workbench sessions: with them, the admin gate also accepts a signed-in member (route-access.ts). */
  sessions?: WorkbenchSessions;
  /** Feature routers (platform callbacks, admin API), mounted in the order given. */
  routers: Router[];
  isShuttingDown?: () => boolean;
  /** The platforms' outward connections (WeCom smart robot, …): /readyz shows them. */
  connections?: () => ConnectionStatus[];
}

/**
 * Builds the Koa app without listening, so tests can drive it through real HTTP requests.
 * Order matters: security headers on every answer, errors turned into bodies, then the one admin
 * gate, and only then any router.
 */
export function createApp(deps: AppDeps): Koa {
  const loose = deps.routers.filter((router) => !isExactWhereItMatters(router));
  if (loose.length > 0) {
    const paths = loose.flatMap((router) => router.stack.map((layer) => String(layer.path)));
    throw new Error(`admin routes must be matched exactly (exactRouter()): ${paths.join(', ')}`);
  }
  const app = new Koa();
  app.proxy = true;
  app.silent = true;
  app.use(requestContext(deps.logger));
  app.use(requestMetrics(deps.metrics));
  app.use(securityHeaders());
  app.use(errorBoundary(messagesFor(deps.config.locale)));
  app.use(
    adminGate(
      requireAdminTokenOrSession({ currentToken: deps.adminToken, sessions: deps.sessions, messages: messagesFor(deps.config.locale) }),
    ),
  );
  const health = healthRoutes({
    ...deps,
    isShuttingDown: deps.isShuttingDown ?? (() => false),
    connections: deps.connections ?? (() => []),
  });
  app.use(health.routes()).use(health.allowedMethods());
  for (const router of deps.routers) app.use(router.routes()).use(router.allowedMethods());
  return app;
}
