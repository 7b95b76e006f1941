import { MEMBER_ROLES } from '../../core/roles.js';
import type Router from '@koa/router';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { mobileDigits } from '../../core/mobile.js';
import { YishiError } from '../../core/errors.js';
import type { MemberRepository, NewMember } from '../../services/members/member-records.js';
import type { MemberService } from '../../services/members/member-service.js';
import { parseJsonText, readRawBody } from '../raw-body.js';
import type { Messages } from '../../i18n/messages.js';
import { describeProblems } from '../error-body.js';
import { errorResponse, isDuplicateKey, jsonBody, notFound, parseWith, problemOf } from './validation.js';

const optionalText = z.string().trim().min(1).max(100).optional();
const memberSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(50),
  sector: z.string().trim().min(1, 'is required').max(50),
  role: z.enum(MEMBER_ROLES),
  wecomUserId: optionalText,
  dingtalkStaffId: optionalText,
  phone: z
    .string()
    .refine((typed) => mobileDigits(typed) !== undefined, 'must be a mobile number: 11 digits starting with 1')
    .transform((typed) => mobileDigits(typed)!)
    .optional(),
  isConvenor: z.boolean().optional(),
});
const patchSchema = memberSchema.partial().extend({ active: z.boolean().optional() });

/** CSV header names (English or Chinese) → member fields. */
const CSV_COLUMNS: Record<string, keyof z.infer<typeof memberSchema>> = {
  name: 'name',
  姓名: 'name',
  sector: 'sector',
  界别: 'sector',
  role: 'role',
  角色: 'role',
  wecomuserid: 'wecomUserId',
  企业微信: 'wecomUserId',
  dingtalkstaffid: 'dingtalkStaffId',
  钉钉: 'dingtalkStaffId',
  phone: 'phone',
  电话: 'phone',
  isconvenor: 'isConvenor',
  召集人: 'isConvenor',
};
const ROLE_WORDS: Record<string, string> = { 委员: 'member', 工作人员: 'staff', 管理员: 'admin' };
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);

const invalidCsv = (message: string) => new YishiError('csv_invalid', { status: 400, userMessage: message });

/** Reads the whole file first; any bad row rejects the file (with its line number) and nothing is stored. */
export function parseMembersCsv(text: string, messages: Messages): NewMember[] {
  const t = messages.http.membersImport;
  let rows: Array<{ record: string[]; line: number }>;
  try {
    rows = (
      parse(text.replace(/^\uFEFF/, ''), { info: true, skip_empty_lines: true, trim: true }) as unknown as Array<{
        record: string[];
        info: { lines: number };
      }>
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalidCsv(t.malformed(line));
  }
  const [header, ...body] = rows;
  if (!header) throw invalidCsv(t.empty);
  const fields = header.record.map((name) => CSV_COLUMNS[name.replace(/\s/g, '').toLowerCase()] ?? CSV_COLUMNS[name.trim()]);
  const unknown = header.record.filter((_, i) => !fields[i]);
  if (unknown.length > 0 || !fields.includes('name') || !fields.includes('sector') || !fields.includes('role')) {
    throw invalidCsv(t.header(unknown));
  }
  const seen = new Map<string, number>();
  return body.map(({ record, line }) => {
    const raw: Record<string, unknown> = {};
    record.forEach((value, i) => {
      const field = fields[i]!;
      if (value === '') return;
      raw[field] =
        field === 'isConvenor'
          ? TRUE_WORDS.has(value.toLowerCase())
          : field === 'role'
            ? Object.hasOwn(ROLE_WORDS, value)
              ? ROLE_WORDS[value]!
              : value
            : value;
    });
    const result = memberSchema.safeParse(raw);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => problemOf(issue, raw));
      throw invalidCsv(t.row(line, describeProblems(problems, messages.http)));
    }
    for (const key of [
      result.data.wecomUserId && `wecom:${result.data.wecomUserId}`,
      result.data.dingtalkStaffId && `dingtalk:${result.data.dingtalkStaffId}`,
    ]) {
      if (!key) continue;
      if (seen.has(key)) throw invalidCsv(t.repeats(line, key, seen.get(key)!));
      seen.set(key, line);
    }
    return result.data;
  });
}

/** The members part of the admin API. */
export function membersRoutes(
  router: Router,
  deps: { members: MemberRepository; memberAdmin: MemberService; bodyLimitBytes: number; messages: Messages },
): void {
  const { members } = deps;
  const t = deps.messages.http.membersImport;
  const duplicate = () => new YishiError('member_duplicate', { status: 409, userMessage: t.duplicate });

  router.post('/api/members/import', async (ctx) => {
    const raw = (await readRawBody(ctx, deps.bodyLimitBytes)).toString('utf8');
    let text = raw;
    if (ctx.is('application/json') && /^\s*[{"]/.test(raw)) {
      // A JSON body may carry the CSV as a string or as { "csv": "…" }.
      const parsed = parseWith(z.union([z.string(), z.object({ csv: z.string() })]), parseJsonText(raw));
      text = typeof parsed === 'string' ? parsed : parsed.csv;
    }
    const rows = parseMembersCsv(text, deps.messages);
    for (const row of rows) {
      const clash =
        (row.wecomUserId && (await members.findByPlatformId('wecom', row.wecomUserId))) ||
        (row.dingtalkStaffId && (await members.findByPlatformId('dingtalk', row.dingtalkStaffId)));
      if (clash) throw invalidCsv(t.registered(row.name, (row.wecomUserId ?? row.dingtalkStaffId)!, clash.name));
    }
    try {
      const created = await members.createMany(rows);
      ctx.status = 201;
      ctx.body = { imported: created.length, members: created };
    } catch (error) {
      if (isDuplicateKey(error)) throw duplicate();
      throw error;
    }
  });

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
  '/api/members/import': {
    post: {
      summary:
        'Import members from CSV (header: name,sector,role[,wecomUserId,dingtalkStaffId,phone,isConvenor]); a bad row rejects the whole file with its line number',
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: { 201: { description: '{ imported, members }' }, 400: errorResponse },
    },
  },
};
