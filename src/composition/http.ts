import type Router from '@koa/router';
import type Koa from 'koa';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import type { Clock } from '../core/clock.js';
import { AdminTokenKeeper } from '../http/admin-token-rotation.js';
import { adminApiRouter } from '../http/api/admin-api.js';
import { eventsRoutes } from '../http/api/events-routes.js';
import { groupsRouter } from '../http/api/groups-routes.js';
import { outboxRouter } from '../http/api/outbox-routes.js';
import { photosRouter } from '../http/api/photos-routes.js';
import { qrRouter } from '../http/api/qr-routes.js';
import { recordsRouter } from '../http/api/records-routes.js';
import { annualReportRouter } from '../http/api/annual-report-routes.js';
import { socialReportsRouter } from '../http/api/social-report-routes.js';
import { outcomesRouter } from '../http/api/outcome-routes.js';
import { pointsRouter } from '../http/api/points-routes.js';
import { rosterRouter } from '../http/api/roster-routes.js';
import type { StoreProbe } from '../http/health-routes.js';
import type { Metrics } from '../http/metrics.js';
import { builtWorkbenchDir, workbenchStaticRouter } from '../http/workbench-static.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { RecordsExports } from '../services/records/exports.js';
import { AnnualReports } from '../services/records/annual-report/annual-reports.js';
import type { CommunityQrCodes } from '../services/residents/qr-codes.js';
import type { Coordination } from '../core/coordination.js';
import type { CommitteeServices } from './services.js';
import { sessionRouter } from '../http/workbench/session-routes.js';
import { boardRouter } from '../http/workbench/board-routes.js';
import { eventDeskRouter } from '../http/workbench/event-desk-routes.js';
import { rosterDeskRouter } from '../http/workbench/roster-desk-routes.js';
import type { PlatformSignIn } from '../services/workbench/platform-sign-in.js';
import type { Repositories } from './stores.js';
import type { ConnectionStatus } from '../platforms/types.js';

/**
 * Admin token: ADMIN_TOKEN until `yishi token rotate` stores a new one (hashed) in settings.
 * Every admin route asks `current()` per request, so a rotation takes effect within a refresh.
 */
export async function openAdminTokens(repositories: Repositories, config: Config, logger: Logger): Promise<AdminTokenKeeper> {
  const adminTokens = new AdminTokenKeeper(repositories.settings, config.adminToken);
  await adminTokens.refresh();
  adminTokens.start((error) => logger.warn({ err: error }, 'could not re-read the rotated admin token'));
  return adminTokens;
}

export interface RouterDeps {
  config: Config;
  clock: Clock;
  messages: Messages;
  repositories: Repositories;
  committee: CommitteeServices;
  /** Platform callbacks (console, DingTalk, WeCom). */
  platformRouters: Router[];
  qrCodes: CommunityQrCodes;
  /** 工作台: WeCom/DingTalk sign-in (only the platforms that are configured). */
  platformSignIn: PlatformSignIn;
  /** The address people open (PUBLIC_URL, or where this instance listens). */
  publicUrl: () => string;
}

/** Every feature router, in the order createApp mounts them (all exact, so no path shadows another). */
export function buildRouters(deps: RouterDeps): Router[] {
  const { config, clock, messages, repositories: repos, committee } = deps;
  const { bodyLimitBytes } = config;
  const { members, memberAdmin, erasure, opinions, events, roster, records, privacy } = committee;
  return [
    // 工作台: sign-in, the session, and the opinion board (before the admin API's /api/opinions/:id).
    sessionRouter({
      sessions: committee.workbench,
      platforms: deps.platformSignIn,
      messages,
      publicUrl: deps.publicUrl,
      bodyLimitBytes,
      wecomAuthorizeBase: config.wecom.oauthBase,
      wecomWebLoginBase: config.wecom.webLoginBase,
      dingtalkLoginBase: config.dingtalk?.loginBase,
    }),
    boardRouter({
      opinions,
      members,
      workbench: committee.workbench,
      records,
      messages,
      clock,
      bodyLimitBytes,
      opinionChanges: committee.opinionChanges,
      boardReads: committee.boardReads,
      photos: repos.kf.photos,
      outcomes: committee.outcomes,
    }),
    // The event desk first: its /api/events/meta must not be read as an event number.
    eventDeskRouter({ events, members, messages, bodyLimitBytes }),
    // 工作台的值班页: today, previews, swap requests, a member's own shifts (before the admin API's /api/roster/*).
    rosterDeskRouter({ roster, clock, messages, bodyLimitBytes }),
    rosterRouter({ roster, messages, bodyLimitBytes }),
    eventsRoutes({ config, events, outcomes: committee.outcomes }),
    // Admin API under /api (members, communities, categories, opinions, settings, openapi.json).
    adminApiRouter({
      config,
      clock,
      members,
      memberAdmin,
      erasure,
      communities: repos.communities,
      categories: repos.categories,
      opinions,
      calendar: committee.calendar,
      outcomes: committee.outcomes,
      bodyLimitBytes,
    }),
    ...deps.platformRouters,
    qrRouter({ qrCodes: deps.qrCodes }),
    photosRouter({ clock, messages, opinions, photos: repos.kf.photos }),
    groupsRouter({ groups: repos.groups, bodyLimitBytes }),
    // 通知: failed notices and sending them again (the CLI's `yishi outbox`).
    outboxRouter({ maintenance: repos.outboxMaintenance, members, clock, messages, bodyLimitBytes }),
    // Records and rates (/api/records/…) and their exports (CSV with BOM, XLSX) under /api/export.
    recordsRouter({ clock, messages, records, exports: new RecordsExports(records, messages, privacy) }),
    // 述职表 (DOCX): one member's year, and the office's summary of all members.
    annualReportRouter({
      messages,
      annualReports: new AnnualReports({
        records,
        points: committee.points,
        members,
        events: repos.events,
        opinions: repos.opinions,
        proposals: repos.proposals,
        socialReports: repos.socialReports,
        privacy,
        clock,
        messages,
      }),
    }),
    // 社情民意信息 for the office: list, edit, move on, adoption figures, export.
    socialReportsRouter({ socialReports: committee.socialReports, members, records, clock, messages, bodyLimitBytes }),
    // 协商成果 and 督办: list (overdue too), enter, settle.
    outcomesRouter({ outcomes: committee.outcomes, events, messages, bodyLimitBytes }),
    // 履职积分 for assessment, and the office's rules for it.
    pointsRouter({ points: committee.points, members, clock, messages, bodyLimitBytes }),
    // The workbench's Vue app at /workbench/: last, so the sign-in routes under /workbench answer first.
    workbenchStaticRouter({ root: builtWorkbenchDir() }),
  ];
}

export interface HttpDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  coordination: Coordination;
  store: StoreProbe;
  repositories: Repositories;
  adminToken: () => string;
  routers: Router[];
  sessions?: CommitteeServices['workbench'];
  /** The platforms' outward connections, for /readyz. */
  connections?: () => ConnectionStatus[];
}

/** The Koa app, counting requests in flight and answering health checks with 503 once shutdown begins. */
export function buildHttp(deps: HttpDeps): { app: Koa; inFlight(): number; beginShutdown(): void } {
  let shuttingDown = false;
  let inFlight = 0;
  const { repositories, ...rest } = deps;
  const app = createApp({ ...rest, members: repositories.members, isShuttingDown: () => shuttingDown });
  app.middleware.unshift(async (_ctx, next) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
  return { app, inFlight: () => inFlight, beginShutdown: () => void (shuttingDown = true) };
}
