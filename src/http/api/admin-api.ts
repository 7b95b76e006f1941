import Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { Config } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { OpinionService } from '../../services/opinions/opinion-service.js';
import type { DictionaryRepository } from '../../storage/mongo/keyword-dictionary.js';
import type { MemberRepository } from '../../storage/mongo/member-repository.js';
import type { MemberService } from '../../services/members/member-service.js';
import { requireAdminToken } from '../admin-auth.js';
import { dictionaryRoutes } from './dictionary-routes.js';
import { membersRoutes } from './members-routes.js';
import { openApiRoute } from './openapi.js';
import { opinionsRoutes } from './opinions-routes.js';
import { settingsRoutes } from './settings-routes.js';

export interface AdminApiDeps {
  config: Config;
  /** The accepted admin token now (ADMIN_TOKEN, or a rotated one). */
  adminToken: () => string;
  clock: Clock;
  members: MemberRepository;
  memberAdmin: MemberService;
  communities: DictionaryRepository;
  categories: DictionaryRepository;
  opinions: OpinionService;
  bodyLimitBytes: number;
}

const PUBLIC_PATHS = new Set(['/api/openapi.json']);

/** The admin API under `/api`: bearer token on every path but the OpenAPI document. */
export function adminApiRouter(deps: AdminApiDeps): Router {
  const router = new Router();
  const guard = requireAdminToken(deps.adminToken);
  router.use(async (ctx: Context, next: Next) => (PUBLIC_PATHS.has(ctx.path) ? next() : guard(ctx, next)));
  openApiRoute(router);
  membersRoutes(router, deps);
  dictionaryRoutes(router, 'communities', deps.communities, deps.bodyLimitBytes);
  dictionaryRoutes(router, 'categories', deps.categories, deps.bodyLimitBytes);
  opinionsRoutes(router, deps);
  settingsRoutes(router, deps);
  return router;
}
