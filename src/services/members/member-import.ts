import { mobileDigits } from '../../core/mobile.js';
import { z } from 'zod';
import { MEMBER_ROLES } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import { FirstSeen, mapHeader, writeAllOrNothing, type Table } from '../spreadsheet-table.js';
import type { MemberRecord, MemberRepository, NewMember } from './member-records.js';

type Field = 'name' | 'sector' | 'role' | 'wecomUserId' | 'dingtalkStaffId' | 'phone' | 'isConvenor';

/** Header names an office may use (Chinese or English, case and spaces ignored). */
const COLUMNS: Record<string, Field> = {
  name: 'name',
  姓名: 'name',
  sector: 'sector',
  界别: 'sector',
  role: 'role',
  角色: 'role',
  身份: 'role',
  wecomuserid: 'wecomUserId',
  企业微信: 'wecomUserId',
  企业微信账号: 'wecomUserId',
  dingtalkstaffid: 'dingtalkStaffId',
  钉钉: 'dingtalkStaffId',
  钉钉账号: 'dingtalkStaffId',
  phone: 'phone',
  电话: 'phone',
  手机: 'phone',
  isconvenor: 'isConvenor',
  召集人: 'isConvenor',
};
const ROLE_WORDS: Record<string, MemberRecord['role']> = {
  委员: 'member',
  工作人员: 'staff',
  管理员: 'admin',
  member: 'member',
  staff: 'staff',
  admin: 'admin',
};
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '√']);

/** The columns an export writes and an import reads back (Chinese headers). */
export const MEMBER_FILE_HEADER = ['姓名', '界别', '角色', '企业微信', '钉钉', '电话', '召集人'];
const ROLE_NAMES: Record<MemberRecord['role'], string> = { member: '委员', staff: '工作人员', admin: '管理员' };

/** A member as a row of MEMBER_FILE_HEADER, so an export can be edited and imported again. */
export function memberFileRow(member: MemberRecord): string[] {
  return [
    member.name,
    member.sector,
    ROLE_NAMES[member.role],
    member.wecomUserId ?? '',
    member.dingtalkStaffId ?? '',
    member.phone ?? '',
    member.isConvenor ? '是' : '',
  ];
}

function rowSchema(t: Messages) {
  const m = t.operations.cli.import;
  // An empty cell is left out of the row, so "missing" must say 不能为空 too (not zod's English).
  const text = (max: number) => z.string({ error: m.required }).min(1, m.required).max(max, m.tooLong(max));
  const account = z.string().max(100, m.tooLong(100)).regex(/^\S+$/, m.required).optional();
  return z.object({
    name: text(50),
    sector: text(50),
    role: z.enum(MEMBER_ROLES, { error: m.notRole }),
    wecomUserId: account,
    dingtalkStaffId: account,
    phone: z
      .string()
      .refine((typed) => mobileDigits(typed) !== undefined, m.notPhone)
      .transform((typed) => mobileDigits(typed)!)
      .optional(),
    isConvenor: z.boolean().optional(),
  });
}

/** Why one line cannot be imported: a whole sentence naming the line. */
export interface ImportProblem {
  line?: number;
  message: string;
  /** The file as a whole cannot be read (header, format): the message already says nothing is imported. */
  wholeFile?: boolean;
}

export interface MemberFileCheck {
  /** The rows that passed, in file order (all of them when `problems` is empty). */
  rows: Array<{ line: number; member: NewMember }>;
  /** Every bad line, in file order; a bad header is the only problem (line 1) when present. */
  problems: ImportProblem[];
}

/**
 * The rules of a member file, used by `yishi import members` and the API's import and preview:
 * every row is checked (format, required fields, role, phone, accounts repeated in the file or
 * already registered) and every bad one is reported; nothing is written here.
 */
export function checkMemberFile(table: Table, t: Messages, existing: readonly MemberRecord[]): MemberFileCheck {
  const m = t.operations.cli.import;
  const { fields, unknown } = mapHeader(table.header, COLUMNS);
  if (unknown.length > 0 || !['name', 'sector', 'role'].every((f) => fields.includes(f as Field))) {
    const message = m.header(['name', 'sector', 'role'].map((f) => m.field[f]).join('、'), unknown);
    return { rows: [], problems: [{ line: 1, message, wholeFile: true }] };
  }
  const schema = rowSchema(t);
  const seen = new FirstSeen();
  const owners = new Map<string, string>();
  for (const member of existing) {
    if (member.wecomUserId) owners.set(`wecom:${member.wecomUserId}`, member.name);
    if (member.dingtalkStaffId) owners.set(`dingtalk:${member.dingtalkStaffId}`, member.name);
  }
  const check: MemberFileCheck = { rows: [], problems: [] };
  for (const { line, cells } of table.rows) {
    const raw: Record<string, unknown> = {};
    cells.forEach((value, i) => {
      const field = fields[i];
      if (!field || value === '') return;
      raw[field] =
        field === 'isConvenor'
          ? TRUE_WORDS.has(value.toLowerCase())
          : field === 'role'
            ? (ROLE_WORDS[value.toLowerCase()] ?? value)
            : value;
    });
    const result = schema.safeParse(raw);
    if (!result.success) {
      const problems = result.error.issues
        .map((issue) => `${m.field[String(issue.path[0])] ?? String(issue.path[0])}${issue.message}`)
        .join('；');
      check.problems.push({ line, message: m.rowProblem(line, problems) });
      continue;
    }
    const row = result.data;
    const clashes: string[] = [];
    for (const [key, label, value] of [
      [`wecom:${row.wecomUserId}`, m.field.wecomUserId, row.wecomUserId],
      [`dingtalk:${row.dingtalkStaffId}`, m.field.dingtalkStaffId, row.dingtalkStaffId],
    ] as const) {
      if (!value) continue;
      const first = seen.check(key, line);
      if (first !== undefined) clashes.push(m.repeatsWhat(`${label} ${value}`, first));
      const owner = owners.get(key);
      if (owner) clashes.push(m.existsWhat(`${label} ${value}`, owner));
    }
    if (clashes.length > 0) check.problems.push({ line, message: m.rowProblem(line, clashes.join('；')) });
    else check.rows.push({ line, member: row });
  }
  return check;
}

/** How a checked member file is written and, on a failure midway, taken back (CLI and API). */
export function memberWriter(members: MemberRepository) {
  return {
    write: async (batch: readonly NewMember[]) => await members.createMany([...batch]),
    undo: async (ids: readonly string[]) => {
      for (const id of ids) await members.remove(id);
    },
  };
}

/** Stores checked members, all or none (a failure midway removes what this run wrote, then throws). */
export async function storeMembers(members: MemberRepository, rows: readonly NewMember[]): Promise<MemberRecord[]> {
  const writer = memberWriter(members);
  const created: MemberRecord[] = [];
  const write = async (batch: readonly NewMember[]) => {
    const stored = await writer.write(batch);
    created.push(...stored);
    return stored.map((member) => member.id);
  };
  await writeAllOrNothing(rows, write, writer.undo);
  return created;
}
