import Koa from 'koa';
import type Router from '@koa/router';
import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import type { Clock } from './core/clock.js';
import { messagesFor } from './i18n/messages.js';
import type { Logger } from './logger.js';
import type { Coordination } from './storage/coordination.js';
import type { MemberRepository } from './storage/mongo/member-repository.js';
import { healthRoutes } from './http/health-routes.js';
import type { Metrics } from './http/metrics.js';
import { errorBoundary, requestContext, requestMetrics } from './http/middleware.js';

/** Everything the HTTP app needs, built by `src/main.ts` (or by a test) and passed in by hand. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  coordination: Coordination;
  mongo: Connection;
  members: MemberRepository;
  /** Feature routers (platform callbacks, admin API), mounted in the order given. */
  routers: Router[];
  isShuttingDown?: () => boolean;
}

/** Builds the Koa app without listening, so tests can drive it through real HTTP requests. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.proxy = true;
  app.silent = true;
  app.use(requestContext(deps.logger));
  app.use(requestMetrics(deps.metrics));
  app.use(errorBoundary(messagesFor(deps.config.locale)));
  const health = healthRoutes({ ...deps, isShuttingDown: deps.isShuttingDown ?? (() => false) });
  app.use(health.routes()).use(health.allowedMethods());
  for (const router of deps.routers) app.use(router.routes()).use(router.allowedMethods());
  return app;
}
