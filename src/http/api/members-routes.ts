import { MEMBER_ROLES } from '../../core/roles.js';
import type Router from '@koa/router';
import { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import type { MemberService } from '../../services/members/member-service.js';
import type { Messages } from '../../i18n/messages.js';
import { errorResponse, isDuplicateKey, jsonBody, mobileNumber, notFound, parseWith } from './validation.js';
import { memberImportOpenapiPaths, memberImportRoutes } from './member-import-routes.js';

const optionalText = z.string().trim().min(1).max(100).optional();
const memberSchema = z.object({
  name: z.string().trim().min(1).max(50),
  sector: z.string().trim().min(1).max(50),
  role: z.enum(MEMBER_ROLES),
  wecomUserId: optionalText,
  dingtalkStaffId: optionalText,
  phone: mobileNumber.optional(),
  isConvenor: z.boolean().optional(),
});
const patchSchema = memberSchema.partial().extend({ active: z.boolean().optional() });

/** The members part of the admin API. */
export function membersRoutes(
  router: Router,
  deps: { members: MemberRepository; memberAdmin: MemberService; bodyLimitBytes: number; messages: Messages },
): void {
  const { members } = deps;
  const t = deps.messages.http.membersImport;
  const duplicate = () => new YishiError('member_duplicate', { status: 409, userMessage: t.duplicate });

  memberImportRoutes(router, deps);

  router.post('/api/members', async (ctx) => {
    const body = await jsonBody(ctx, memberSchema, deps.bodyLimitBytes);
    try {
      ctx.status = 201;
      ctx.body = await members.create(body);
    } catch (error) {
      if (isDuplicateKey(error)) throw duplicate();
      throw error;
    }
  });

  router.get('/api/members', async (ctx) => {
    const query = parseWith(
      z.object({
        role: z.enum(MEMBER_ROLES).optional(),
        sector: z.string().optional(),
        includeInactive: z.enum(['true', 'false']).optional(),
      }),
      ctx.query,
    );
    const items = await members.list({
      ...(query.role ? { role: query.role } : {}),
      ...(query.sector ? { sector: query.sector } : {}),
      activeOnly: query.includeInactive !== 'true',
    });
    ctx.body = { items, total: items.length };
  });

  router.get('/api/members/:id', async (ctx) => {
    const member = await members.findById(ctx.params.id!);
    if (!member) throw notFound('member', ctx.params.id!);
    ctx.body = member;
  });

  router.patch('/api/members/:id', async (ctx) => {
    const changes = await jsonBody(ctx, patchSchema, deps.bodyLimitBytes);
    try {
      const member = await deps.memberAdmin.update(ctx.params.id!, changes);
      if (!member) throw notFound('member', ctx.params.id!);
      ctx.body = member;
    } catch (error) {
      if (isDuplicateKey(error)) throw duplicate();
      throw error;
    }
  });

  // Deactivates, as 删除成员 does in chat: the record and its history stay (MemberService).
  router.delete('/api/members/:id', async (ctx) => {
    await deps.memberAdmin.deactivate(ctx.params.id!);
    ctx.status = 204;
  });
}

const memberJson = { $ref: '#/components/schemas/Member' };
const memberSchemaDoc = {
  type: 'object',
  required: ['name', 'sector', 'role'],
  properties: {
    name: { type: 'string' },
    sector: { type: 'string' },
    role: { type: 'string', enum: [...MEMBER_ROLES] },
    wecomUserId: { type: 'string' },
    dingtalkStaffId: { type: 'string' },
    phone: { type: 'string' },
    isConvenor: { type: 'boolean' },
  },
};
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

export const membersOpenapiPaths = {
  '/api/members': {
    get: {
      summary: 'List members',
      parameters: [
        { name: 'role', in: 'query', schema: { type: 'string' } },
        { name: 'sector', in: 'query', schema: { type: 'string' } },
      ],
      responses: { 200: { description: '{ items, total }' }, 401: errorResponse },
    },
    post: {
      summary: 'Register a member',
      requestBody: { required: true, content: { 'application/json': { schema: memberSchemaDoc } } },
      responses: {
        201: { description: 'The member', content: { 'application/json': { schema: memberJson } } },
        400: errorResponse,
        409: errorResponse,
      },
    },
  },
  '/api/members/{id}': {
    get: { summary: 'One member', parameters: idParam, responses: { 200: { description: 'The member' }, 404: errorResponse } },
    patch: {
      summary: 'Change a member',
      parameters: idParam,
      requestBody: { content: { 'application/json': { schema: { ...memberSchemaDoc, required: [] } } } },
      responses: { 200: { description: 'The member' }, 404: errorResponse },
    },
    delete: {
      summary: 'Deactivate a member (the record and its history stay)',
      parameters: idParam,
      responses: { 204: { description: 'Removed' }, 404: errorResponse },
    },
  },
  ...memberImportOpenapiPaths,
};
