import type Router from '@koa/router';
import { exactRouter } from '../exact-router.js';
import { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import {
  GROUP_CHANNELS_MAX,
  GROUP_KEY_PATTERN,
  GROUP_NAME_MAX,
  type GroupRecord,
  type GroupRepository,
} from '../../services/groups/group-records.js';
import { addressSchema } from './address-schema.js';
import { errorResponse, jsonBody, parseWith } from './validation.js';

const groupKey = z
  .string({ error: 'is required: a key such as staff or 无党派' })
  .trim()
  .min(1, 'is required: a key such as staff or 无党派')
  .max(50, 'must be at most 50 characters')
  .regex(GROUP_KEY_PATTERN, 'must not contain spaces or / ? # % \\');
const groupName = z.string().trim().min(1, 'must not be empty').max(GROUP_NAME_MAX, `must be at most ${GROUP_NAME_MAX} characters`);
const channels = z.array(addressSchema).max(GROUP_CHANNELS_MAX, `at most ${GROUP_CHANNELS_MAX} channels per group`);

const createSchema = z.strictObject({ key: groupKey, name: groupName.optional(), channels: channels.optional() });
const patchSchema = z
  .strictObject({ name: groupName.optional(), channels: channels.optional() })
  .refine((body) => body.name !== undefined || body.channels !== undefined, 'give name and/or channels to change');

function groupNotFound(key: string): YishiError {
  return new YishiError('group_not_found', { status: 404, detail: `No group with key "${key}". Create it with POST /api/groups.` });
}

const present = (group: GroupRecord) => ({
  key: group.key,
  name: group.name,
  channels: group.channels,
  createdAt: group.createdAt,
  updatedAt: group.updatedAt,
});

/**
 * The committee groups directory under `/api/groups`: which channels (robot webhooks, DingTalk
 * conversations, …) reach each group. Key `staff` is the office group that hears about problems.
 * Replacing a group's channels clears their "broken" flags.
 */
export function groupsRouter(deps: { groups: GroupRepository; bodyLimitBytes: number }): Router {
  const router = exactRouter();
  const keyOf = (raw: string | undefined) => parseWith(groupKey, raw ?? '');

  router.post('/api/groups', async (ctx) => {
    const body = await jsonBody(ctx, createSchema, deps.bodyLimitBytes);
    const group = await deps.groups.create({ key: body.key, name: body.name ?? body.key, channels: body.channels ?? [] });
    if (!group)
      throw new YishiError('group_exists', {
        status: 409,
        detail: `A group with key "${body.key}" already exists; change it with PATCH /api/groups/${encodeURIComponent(body.key)}.`,
      });
    ctx.status = 201;
    ctx.body = present(group);
  });
  router.get('/api/groups', async (ctx) => {
    const items = (await deps.groups.list()).map(present);
    ctx.body = { items, total: items.length };
  });
  router.get('/api/groups/:key', async (ctx) => {
    const key = keyOf(ctx.params.key);
    const group = await deps.groups.findByKey(key);
    if (!group) throw groupNotFound(key);
    ctx.body = present(group);
  });
  router.patch('/api/groups/:key', async (ctx) => {
    const key = keyOf(ctx.params.key);
    const changes = await jsonBody(ctx, patchSchema, deps.bodyLimitBytes);
    const group = await deps.groups.update(key, changes);
    if (!group) throw groupNotFound(key);
    ctx.body = present(group);
  });
  router.delete('/api/groups/:key', async (ctx) => {
    const key = keyOf(ctx.params.key);
    if (!(await deps.groups.remove(key))) throw groupNotFound(key);
    ctx.status = 204;
  });
  return router;
}

const channelDoc = {
  type: 'object',
  required: ['platform', 'kind'],
  description:
    'An address: {platform:"wecom-group-robot",kind:"group",webhookKey} | {platform:"wecom-aibot",kind:"group",chatId} | {platform:"dingtalk",kind:"group",openConversationId} | {platform:"dingtalk-custom-robot",kind:"group",accessToken,secret?} | {platform:"wecom-app",kind:"user",userId} | {platform:"dingtalk",kind:"user",staffId} | {platform:"console",kind:"group"|"user",id}. Read back with broken:{reason,at} once the platform reports it gone.',
};
const groupDoc = {
  type: 'object',
  required: ['key'],
  properties: {
    key: { type: 'string', description: '"staff" for the office group, a sector name such as 无党派, or any slug' },
    name: { type: 'string' },
    channels: { type: 'array', items: channelDoc },
  },
};
const keyParam = [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }];

/** OpenAPI paths of the groups directory. */
export const groupsOpenapiPaths = {
  '/api/groups': {
    get: { summary: 'List committee groups and their channels', responses: { 200: { description: '{ items, total }' } } },
    post: {
      summary: 'Create a group',
      requestBody: { required: true, content: { 'application/json': { schema: groupDoc } } },
      responses: { 201: { description: 'The group' }, 400: errorResponse, 409: errorResponse },
    },
  },
  '/api/groups/{key}': {
    get: { summary: 'One group', parameters: keyParam, responses: { 200: { description: 'The group' }, 404: errorResponse } },
    patch: {
      summary: 'Rename, or replace its channels (clears broken flags)',
      parameters: keyParam,
      requestBody: { content: { 'application/json': { schema: { ...groupDoc, required: [] } } } },
      responses: { 200: { description: 'The group' }, 400: errorResponse, 404: errorResponse },
    },
    delete: { summary: 'Remove a group', parameters: keyParam, responses: { 204: { description: 'Removed' }, 404: errorResponse } },
  },
};
