import { OPINION_GRADES } from '../../services/opinions/opinion-records.js';
import { BOARD_ACTIONS } from '../../services/workbench/board-actions.js';
import { emptyRequestBody, errorResponse } from '../api/validation.js';

const cookieNote =
  'With the workbench session cookie (`yishi_session`) instead of the bearer token, non-GET requests need `X-CSRF-Token` (from GET /api/session); who may call it is in src/http/route-access.ts.';
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'id or number (MY-2026-000123)' }];
const json = (properties: Record<string, unknown>, required: string[] = []) => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', required, properties } } },
});
const actionBody = json(
  {
    action: { type: 'string', enum: [...BOARD_ACTIONS] },
    grade: { type: 'string', enum: [...OPINION_GRADES] },
    handlerId: { type: 'string' },
    result: { type: 'string' },
    reason: { type: 'string' },
    into: { type: 'string', description: 'the number of the opinion to merge into' },
    community: { type: 'string' },
    category: { type: 'string' },
  },
  ['action'],
);
const denied = { 401: errorResponse, 403: errorResponse };

/** The workbench's routes under /api: the session and the opinion board (docs/workbench-api.md). */
export const workbenchOpenapiPaths = {
  '/api/session': {
    get: {
      summary: `The signed-in member, the CSRF token and when the session ends. ${cookieNote}`,
      responses: { 200: { description: '{ member: { id, name, role, sector }, csrfToken, expiresAt }' }, 401: errorResponse },
    },
  },
  '/api/session/sign-out': {
    post: {
      summary: 'Ends the session (cookie and store).',
      requestBody: emptyRequestBody,
      responses: { 204: { description: 'Signed out' }, ...denied },
    },
  },
  '/api/records/me': {
    get: { summary: "The signed-in member's 履职档案 for this year, as text.", responses: { 200: { description: '{ text }' }, ...denied } },
  },
  '/api/opinions/meta': {
    get: {
      summary: 'Labels of states, grades and board actions, as chat says them.',
      responses: { 200: { description: '{ states, grades, actions }' } },
    },
  },
  '/api/opinions/changes': {
    get: {
      summary: 'The change cursor the board polls; `changed` is true when `since` is not the current cursor.',
      parameters: [{ name: 'since', in: 'query', schema: { type: 'string' } }],
      responses: { 200: { description: '{ cursor, changed }' } },
    },
  },
  '/api/opinions/assign': {
    post: {
      summary: '分派 several opinions to one member; each on its own.',
      requestBody: json({ ids: { type: 'array', items: { type: 'string' } }, handlerId: { type: 'string' } }, ['ids', 'handlerId']),
      responses: { 200: { description: '{ results: [{ id, ok, message? }] }' }, 400: errorResponse, ...denied },
    },
  },
  '/api/opinions/{id}/contact': {
    post: {
      summary: '查看联系方式: the unmasked contact, written to the audit trail as in chat (staff and the handler only).',
      parameters: idParam,
      requestBody: emptyRequestBody,
      responses: { 200: { description: '{ contact: { name?, phone? } }' }, 404: errorResponse, ...denied },
    },
  },
  '/api/opinions/{id}/preview': {
    post: {
      summary: 'What an action will change and who will be told; changes nothing.',
      parameters: idParam,
      requestBody: actionBody,
      responses: { 200: { description: '{ changes: string[], notified: string[] }' }, 400: errorResponse, ...denied },
    },
  },
  '/api/opinions/{id}/actions': {
    post: {
      summary: 'Runs an action through the same service as its chat command (the same notices go out); answers the board detail.',
      parameters: idParam,
      requestBody: actionBody,
      responses: { 200: { description: 'The opinion detail' }, 400: errorResponse, 409: errorResponse, ...denied },
    },
  },
};
