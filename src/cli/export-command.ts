import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { beijingDate, formatBeijingDateTime, isIsoDate } from '../core/dates.js';
import { writeCsv } from '../services/csv-file.js';
import { MEMBER_FILE_HEADER, memberFileRow } from '../services/members/member-import.js';
import { opinionTable } from '../services/records/opinion-table.js';
import { CliError, type OperatorContext } from './operator-context.js';
import { Progress } from './progress.js';

export const EXPORTABLE = ['members', 'communities', 'opinions', 'roster', 'events'] as const;
export type Exportable = (typeof EXPORTABLE)[number];

const PAGE = 500;
/** Where an export goes without --out (relative to the working directory; in .gitignore). */
export const EXPORTS_FOLDER = 'exports';
const beijing = (date?: Date) => (date ? formatBeijingDateTime(date) : '');

type Rows = { header: string[]; rows: Array<Array<string | number>> };

/** Active members, in the columns `import members` reads, so an export can be edited and imported elsewhere. */
async function members(ctx: OperatorContext): Promise<Rows> {
  return { header: MEMBER_FILE_HEADER, rows: (await ctx.members.list()).map(memberFileRow) };
}

async function communities(ctx: OperatorContext): Promise<Rows> {
  const list = await ctx.communities.list();
  return { header: ['名称', '关键词', '二维码'], rows: list.map((c) => [c.name, c.keywords.join('、'), c.code ?? '']) };
}

/** Opinions without anyone's contact details (those stay with the resident record), page by page. */
async function opinions(ctx: OperatorContext): Promise<Rows> {
  const m = ctx.t.operations.cli;
  const names = new Map((await ctx.members.list({ activeOnly: false })).map((member) => [member.id, member.name]));
  const first = await ctx.opinions.list({}, { skip: 0, limit: PAGE });
  const progress = new Progress(process.stderr, (done, total) => m.progress(m.export.verb, done, total), first.total);
  const items = [...first.items];
  progress.update(items.length);
  while (items.length < first.total) {
    const page = await ctx.opinions.list({}, { skip: items.length, limit: PAGE });
    if (page.items.length === 0) break;
    items.push(...page.items);
    progress.update(items.length);
  }
  // Oldest first, as the API's export; +1s counted; states and times as people read them.
  items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const rows = items.map((o) => ({ ...o, plusOnes: o.plusOnes.count }));
  const { header, rows: cells } = opinionTable(ctx.t, rows, await ctx.privacy.forExport(items), (id) => names.get(id));
  return { header, rows: cells };
}

async function roster(ctx: OperatorContext, from: string | undefined, to: string | undefined): Promise<Rows> {
  const m = ctx.t.operations.cli;
  if (!from || !to) throw new CliError(m.export.needRange, 2);
  for (const date of [from, to]) if (!isIsoDate(date)) throw new CliError(m.roster.badDate(date), 2);
  const names = new Map((await ctx.members.list({ activeOnly: false })).map((member) => [member.id, member.name]));
  const shifts = await ctx.shifts.listRange(from, to);
  return {
    header: ['日期', '时段', '委员', '地点', '状态'],
    rows: shifts.map((s) => [s.date, s.slot, names.get(s.memberId) ?? s.memberId, s.place, ctx.t.roster.states[s.state] ?? s.state]),
  };
}

/** Events with times in Beijing time and states as people read them. */
async function events(ctx: OperatorContext): Promise<Rows> {
  const list = await ctx.events.list({});
  return {
    header: ['编号', '标题', '界别', '开始', '结束', '地点', '状态', '报名人数', '签到人数'],
    rows: list.map((e) => [
      e.number,
      e.title,
      e.sectors.join('、'),
      beijing(e.startAt),
      beijing(e.endAt),
      e.place,
      ctx.t.events.states[e.state] ?? e.state,
      e.signups.length,
      e.attendance.length,
    ]),
  };
}

/** `yishi export <what> [--out file] [--from --to]`: a UTF-8 CSV with a BOM (Excel opens it correctly). */
export async function exportData(
  ctx: OperatorContext,
  what: string,
  options: { out?: string; from?: string; to?: string },
): Promise<{ count: number; path: string }> {
  const m = ctx.t.operations.cli.export;
  if (!(EXPORTABLE as readonly string[]).includes(what)) throw new CliError(m.unknownWhat(what), 2);
  const kind = what as Exportable;
  const data =
    kind === 'members'
      ? await members(ctx)
      : kind === 'communities'
        ? await communities(ctx)
        : kind === 'opinions'
          ? await opinions(ctx)
          : kind === 'roster'
            ? await roster(ctx, options.from, options.to)
            : await events(ctx);
  // Without --out: the exports/ folder (git-ignored), never loose in the current directory.
  const path = resolve(ctx.cwd, options.out ?? join(EXPORTS_FOLDER, `${kind}-${beijingDate(ctx.clock.now())}.csv`));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, writeCsv([data.header, ...data.rows]));
  return { count: data.rows.length, path };
}
