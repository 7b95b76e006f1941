import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import {
  checkMemberFile,
  MEMBER_FILE_HEADER,
  memberFileRow,
  storeMembers,
  type ImportProblem,
  type MemberFileCheck,
} from '../../services/members/member-import.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import { readTableBytes, TableFileError, tableKindOf, type TableKind } from '../../services/spreadsheet-table.js';
import { parseJsonText, readRawBody } from '../raw-body.js';
import { CONTENT_TYPES, toCsv, toXlsx } from './spreadsheet.js';
import { errorResponse, isDuplicateKey, parseWith } from './validation.js';

/** A JSON body may carry the file as CSV text (`"…"` or `{ csv }`), or any file as `{ fileName, content }` in base64. */
const fileBody = z.union([
  z.string(),
  z.object({ csv: z.string() }),
  z.object({
    fileName: z.string().trim().min(1).max(200),
    content: z
      .string()
      .max(20_000_000)
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64'),
  }),
]);

interface MemberImportDeps {
  members: MemberRepository;
  bodyLimitBytes: number;
  messages: Messages;
}

/** The file's bytes and kind, from a raw CSV body or one of the JSON shapes above. */
async function fileOf(ctx: Context, deps: MemberImportDeps): Promise<{ bytes: Buffer; kind: TableKind }> {
  const raw = await readRawBody(ctx, deps.bodyLimitBytes);
  const text = raw.toString('utf8');
  if (!(ctx.is('application/json') && /^\s*[{"]/.test(text))) return { bytes: raw, kind: 'csv' };
  const body = parseWith(fileBody, parseJsonText(text));
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), kind: 'csv' };
  if ('csv' in body) return { bytes: Buffer.from(body.csv, 'utf8'), kind: 'csv' };
  const kind = tableKindOf(body.fileName);
  if (!kind) throw new YishiError('import_invalid', { userMessage: deps.messages.operations.cli.import.unsupported(body.fileName) });
  return { bytes: Buffer.from(body.content, 'base64'), kind };
}

/** The CLI's rules (checkMemberFile) over the sent file; a file that cannot be read is one problem. */
async function checkFile(ctx: Context, deps: MemberImportDeps): Promise<MemberFileCheck & { total: number }> {
  const { bytes, kind } = await fileOf(ctx, deps);
  try {
    const table = await readTableBytes(bytes, kind, deps.messages);
    const check = checkMemberFile(table, deps.messages, await deps.members.list({ activeOnly: false }));
    return { ...check, total: table.rows.length };
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    const problem: ImportProblem = { message: error.message, wholeFile: true, ...(error.line ? { line: error.line } : {}) };
    return { rows: [], problems: [problem], total: 0 };
  }
}

/** Every problem in one answer: the sentences, and the list for a table (`problems`). */
function refusal(problems: readonly ImportProblem[], t: Messages): YishiError {
  const m = t.operations.cli.import;
  const wholeFile = problems.find((problem) => problem.wholeFile);
  const message = wholeFile ? wholeFile.message : problems.map((problem) => problem.message).join('\n') + m.nothingImported;
  return new YishiError('csv_invalid', { status: 400, userMessage: message });
}

/**
 * Member files (CSV or XLSX), with the same rules as `yishi import members`:
 * - `POST /api/members/import/preview` → every bad line with its number and why, and the good rows; writes nothing;
 * - `POST /api/members/import` → the whole file or nothing (400 naming every bad line);
 * - `GET /api/members/export.csv|.xlsx` → the active members in the import's columns, Chinese headers.
 */
export function memberImportRoutes(router: Router, deps: MemberImportDeps): void {
  router.post('/api/members/import/preview', async (ctx) => {
    const check = await checkFile(ctx, deps);
    ctx.body = {
      total: check.total,
      problems: check.problems.map(({ line, message }) => ({ ...(line ? { line } : {}), message })),
      members: check.rows.map(({ line, member }) => ({ line, ...member })),
    };
  });

  router.post('/api/members/import', async (ctx) => {
    const check = await checkFile(ctx, deps);
    if (check.problems.length > 0) throw refusal(check.problems, deps.messages);
    try {
      const created = await storeMembers(
        deps.members,
        check.rows.map((row) => row.member),
      );
      ctx.status = 201;
      ctx.body = { imported: created.length, members: created };
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new YishiError('member_duplicate', { status: 409, userMessage: deps.messages.http.membersImport.duplicate });
      }
      throw error;
    }
  });

  for (const format of ['csv', 'xlsx'] as const) {
    router.get(`/api/members/export.${format}`, async (ctx) => {
      const table = { sheet: '成员', header: MEMBER_FILE_HEADER, rows: (await deps.members.list()).map(memberFileRow) };
      ctx.type = CONTENT_TYPES[format];
      ctx.set(
        'Content-Disposition',
        `attachment; filename="members.${format}"; filename*=UTF-8''${encodeURIComponent('成员名单')}.${format}`,
      );
      ctx.body = format === 'csv' ? toCsv(table) : await toXlsx(table);
    });
  }
}

const fileBodyDoc = {
  required: true,
  content: {
    'text/csv': { schema: { type: 'string', description: 'header: 姓名,界别,角色[,企业微信,钉钉,电话,召集人] (or English names)' } },
    'application/json': {
      schema: {
        oneOf: [
          { type: 'string', description: 'the CSV text' },
          { type: 'object', required: ['csv'], properties: { csv: { type: 'string' } } },
          {
            type: 'object',
            required: ['fileName', 'content'],
            properties: {
              fileName: { type: 'string', description: 'ends in .csv or .xlsx' },
              content: { type: 'string', format: 'byte', description: 'the file, base64' },
            },
          },
        ],
      },
    },
  },
};
const problemDoc = {
  type: 'object',
  required: ['message'],
  properties: { line: { type: 'integer' }, message: { type: 'string', description: 'Chinese sentence naming the line and why' } },
};

export const memberImportOpenapiPaths = {
  '/api/members/import/preview': {
    post: {
      summary: 'Check a member file (CSV or XLSX) by the CLI’s rules and list every bad line; writes nothing',
      requestBody: fileBodyDoc,
      responses: {
        200: {
          description: 'The check',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  total: { type: 'integer', description: 'data rows in the file' },
                  problems: { type: 'array', items: problemDoc },
                  members: { type: 'array', items: { type: 'object', description: 'a good row: line plus the member fields' } },
                },
              },
            },
          },
        },
        400: errorResponse,
      },
    },
  },
  '/api/members/import': {
    post: {
      summary: 'Import members from CSV or XLSX; any bad line rejects the whole file (every bad line named), nothing is written',
      requestBody: fileBodyDoc,
      responses: { 201: { description: '{ imported, members }' }, 400: errorResponse, 409: errorResponse },
    },
  },
  '/api/members/export.csv': {
    get: {
      summary: 'Active members as CSV (BOM, Chinese headers, the import’s columns)',
      responses: { 200: { description: 'CSV', content: { [CONTENT_TYPES.csv]: { schema: { type: 'string' } } } } },
    },
  },
  '/api/members/export.xlsx': {
    get: {
      summary: 'Active members as XLSX (Chinese headers, the import’s columns)',
      responses: { 200: { description: 'XLSX', content: { [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } } } },
    },
  },
};
