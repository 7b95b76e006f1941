import type { OutcomeService } from '../../services/outcomes/outcome-service.js';
import type Router from '@koa/router';
import { exactRouter } from '../exact-router.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { CalendarService } from '../../services/calendar/calendar-service.js';
import type { OpinionService } from '../../services/opinions/opinion-service.js';
import type { DictionaryRepository } from '../../services/opinions/dictionary-records.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import type { MemberService } from '../../services/members/member-service.js';
import type { PersonErasure } from '../../services/privacy/person-erasure.js';
import { erasureRoutes } from './erasure-routes.js';
import { dictionaryRoutes } from './dictionary-routes.js';
import { messagesFor } from '../../i18n/messages.js';
import { membersRoutes } from './members-routes.js';
import { openApiRoute } from './openapi.js';
import { opinionsRoutes } from './opinions-routes.js';
import { settingsRoutes } from './settings-routes.js';

export interface AdminApiDeps {
  config: Config;
  clock: Clock;
  members: MemberRepository;
  memberAdmin: MemberService;
  /** Erasing a person's personal data (audited; separate from deactivation). */
  erasure: PersonErasure;
  communities: DictionaryRepository;
  categories: DictionaryRepository;
  opinions: OpinionService;
  calendar: CalendarService;
  /** 协商成果 shown with each opinion they settle. */
  outcomes?: OutcomeService;
  bodyLimitBytes: number;
}

/** The admin API under `/api` (the admin gate in front of every router asks for the token). */
export function adminApiRouter(deps: AdminApiDeps): Router {
  const router = exactRouter();
  openApiRoute(router);
  membersRoutes(router, { ...deps, messages: messagesFor(deps.config.locale) });
  erasureRoutes(router, deps);
  dictionaryRoutes(router, 'communities', deps.communities, deps.bodyLimitBytes);
  dictionaryRoutes(router, 'categories', deps.categories, deps.bodyLimitBytes);
  opinionsRoutes(router, deps);
  settingsRoutes(router, { ...deps, messages: messagesFor(deps.config.locale) });
  return router;
}
