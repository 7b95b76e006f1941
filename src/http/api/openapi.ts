import { MEMBER_ROLES } from '../../core/roles.js';
import type Router from '@koa/router';
import { dictionaryOpenapiPaths } from './dictionary-routes.js';
import { membersOpenapiPaths } from './members-routes.js';
import { opinionsOpenapiPaths } from './opinions-routes.js';
import { settingsOpenapiPaths } from './settings-routes.js';
import { eventsOpenapiPaths } from './events-routes.js';
import { rosterOpenapiPaths } from './roster-routes.js';
import { qrOpenapiPaths } from './qr-routes.js';
import { recordsOpenapiPaths } from './records-routes.js';
import { annualReportOpenapiPaths } from './annual-report-routes.js';
import { groupsOpenapiPaths } from './groups-routes.js';
import { photosOpenapiPaths } from './photos-routes.js';
import { erasureOpenapiPaths } from './erasure-routes.js';
import { socialReportsOpenapiPaths } from './social-report-routes.js';
import { outcomesOpenapiPaths } from './outcome-routes.js';
import { pointsOpenapiPaths } from './points-routes.js';
import { workbenchOpenapiPaths } from '../workbench/openapi-paths.js';
import { eventDeskOpenapiPaths } from '../workbench/event-desk-routes.js';
import { rosterDeskOpenapiPaths } from '../workbench/roster-desk-routes.js';
import { outboxOpenapiPaths } from './outbox-routes.js';

/** OpenAPI `paths` entries, keyed by path (`/api/members/{id}`) then method. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

/**
 * Every area's documented paths. An area adds its API by exporting an `openapiPaths` object from
 * its own routes file and listing it here (one import, one entry).
 */
export const OPENAPI_SOURCES: OpenApiPaths[] = [
  membersOpenapiPaths,
  erasureOpenapiPaths,
  dictionaryOpenapiPaths,
  opinionsOpenapiPaths,
  settingsOpenapiPaths,
  rosterOpenapiPaths,
  eventsOpenapiPaths,
  groupsOpenapiPaths,
  recordsOpenapiPaths,
  annualReportOpenapiPaths,
  socialReportsOpenapiPaths,
  pointsOpenapiPaths,
  outcomesOpenapiPaths,
  qrOpenapiPaths,
  photosOpenapiPaths,
  workbenchOpenapiPaths,
  eventDeskOpenapiPaths,
  rosterDeskOpenapiPaths,
  outboxOpenapiPaths,
];

/** The OpenAPI 3 document for the admin API, merged from the sources (later sources add methods). */
export function buildOpenApiDocument(sources: readonly OpenApiPaths[] = OPENAPI_SOURCES): Record<string, unknown> {
  const paths: OpenApiPaths = {};
  for (const source of sources) for (const [path, methods] of Object.entries(source)) paths[path] = { ...paths[path], ...methods };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Yishi (议事) admin API',
      version: '0.1.0',
      description:
        'JSON admin API. Every path except this document needs `Authorization: Bearer <ADMIN_TOKEN>`. Errors are `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Member: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            sector: { type: 'string' },
            role: { type: 'string', enum: [...MEMBER_ROLES] },
            wecomUserId: { type: 'string' },
            dingtalkStaffId: { type: 'string' },
            phone: { type: 'string' },
            isConvenor: { type: 'boolean' },
            active: { type: 'boolean' },
            createdAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
    paths,
  };
}

/** Serves `GET /api/openapi.json` (public: it holds no data, only the shape of the API). */
export function openApiRoute(router: Router): void {
  const document = buildOpenApiDocument();
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = document;
  });
}
