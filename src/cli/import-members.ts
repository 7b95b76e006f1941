import { mobileDigits } from '../core/mobile.js';
import { MEMBER_ROLES } from '../core/roles.js';
import { z } from 'zod';
import type { Messages } from '../i18n/messages.js';
import type { MemberRecord, MemberRepository, NewMember } from '../services/members/member-records.js';
import { FirstSeen, writeAll } from './import-runner.js';
import { CliError } from './operator-context.js';
import { mapHeader, readTable, type Table } from './tables.js';

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

function rowSchema(t: Messages) {
  const m = t.operations.cli.import;
  // A column left empty is missing: said as 不能为空, never zod's English.
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

/** Every row checked, or a CliError naming the first bad line; nothing is written here. */
export function checkMembers(table: Table, t: Messages, existing: readonly MemberRecord[]): NewMember[] {
  const m = t.operations.cli.import;
  const { fields, unknown } = mapHeader(table.header, COLUMNS);
  if (unknown.length > 0 || !['name', 'sector', 'role'].every((f) => fields.includes(f as Field))) {
    throw new CliError(m.header(['name', 'sector', 'role'].map((f) => m.field[f]).join('、'), unknown));
  }
  const schema = rowSchema(t);
  const seen = new FirstSeen();
  const owners = new Map<string, string>();
  for (const member of existing) {
    if (member.wecomUserId) owners.set(`wecom:${member.wecomUserId}`, member.name);
    if (member.dingtalkStaffId) owners.set(`dingtalk:${member.dingtalkStaffId}`, member.name);
  }
  return table.rows.map(({ line, cells }) => {
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
      throw new CliError(m.badRow(line, problems));
    }
    const row = result.data;
    for (const [key, label, value] of [
      [`wecom:${row.wecomUserId}`, m.field.wecomUserId, row.wecomUserId],
      [`dingtalk:${row.dingtalkStaffId}`, m.field.dingtalkStaffId, row.dingtalkStaffId],
    ] as const) {
      if (!value) continue;
      const first = seen.check(key, line);
      if (first !== undefined) throw new CliError(m.repeats(line, `${label} ${value}`, first));
      const owner = owners.get(key);
      if (owner) throw new CliError(m.exists(line, `${label} ${value}`, owner));
    }
    return row;
  });
}

/** `yishi import members <file>`: the whole file or nothing. Returns how many were imported. */
export async function importMembers(path: string, deps: { members: MemberRepository; t: Messages }): Promise<number> {
  const table = await readTable(path, deps.t);
  const rows = checkMembers(table, deps.t, await deps.members.list({ activeOnly: false }));
  return writeAll(
    rows,
    deps.t,
    async (batch) => (await deps.members.createMany([...batch])).map((member) => member.id),
    async (ids) => {
      for (const id of ids) await deps.members.remove(id);
    },
  );
}
