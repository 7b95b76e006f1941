import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { YishiError } from '../core/errors.js';
import type { ReportFile } from '../services/records/annual-report/annual-reports.js';
import { EXPORTS_FOLDER } from './export-command.js';
import { CliError, type OperatorContext } from './operator-context.js';

export const ANNUAL_EXPORTS = ['annual-report', 'annual-summary'] as const;
export type AnnualExport = (typeof ANNUAL_EXPORTS)[number];

/** A refusal of the reports (a bad year, an unknown member) becomes the operator's usage mistake. */
async function asked<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof YishiError && error.userMessage && error.status < 500) throw new CliError(error.userMessage, 2);
    throw error;
  }
}

async function write(path: string, file: ReportFile): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.bytes);
  return path;
}

/**
 * `yishi export annual-report [--member 姓名|编号] [--year 2026] [--out 文件.docx]`: a member's 述职表,
 * or without --member every active member's into exports/述职表-2026/; `yishi export annual-summary
 * [--year 2026] [--out 文件.docx]`: the office's summary. The same files as the API's.
 */
export async function exportAnnual(
  ctx: OperatorContext,
  what: AnnualExport,
  options: { year?: string; member?: string; out?: string },
): Promise<{ count: number; path: string }> {
  const m = ctx.t.operations.cli.export;
  const reports = ctx.annualReports();
  const year = await asked(() => reports.year(options.year));
  const into = (fileName: string) => resolve(ctx.cwd, options.out ?? join(EXPORTS_FOLDER, fileName));
  if (what === 'annual-summary') {
    const file = await asked(() => reports.summaryFile(year));
    return { count: 1, path: await write(into(file.fileName), file) };
  }
  if (options.member) {
    const wanted = options.member.trim();
    const everyone = await ctx.members.list({ activeOnly: false });
    const matches = everyone.filter((member) => member.id === wanted || member.name === wanted);
    if (matches.length === 0) throw new CliError(m.noSuchMember(wanted), 2);
    if (matches.length > 1)
      throw new CliError(
        m.sameName(
          wanted,
          matches.map((member) => member.id),
        ),
        2,
      );
    const file = await asked(() => reports.memberFile(matches[0]!.id, year));
    return { count: 1, path: await write(into(file.fileName), file) };
  }
  if (options.out) throw new CliError(m.outNeedsMember, 2);
  const folder = resolve(ctx.cwd, EXPORTS_FOLDER, m.annualFolder(year));
  const members = (await ctx.members.list({ role: 'member', activeOnly: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const member of members) {
    const file = await reports.memberFile(member.id, year);
    // Two members may share a name: the id keeps their files apart.
    const clash = members.some((other) => other.id !== member.id && other.name === member.name);
    await write(join(folder, clash ? file.fileName.replace(/\.docx$/, `-${member.id}.docx`) : file.fileName), file);
  }
  return { count: members.length, path: folder };
}
