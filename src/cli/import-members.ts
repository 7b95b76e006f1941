import type { Messages } from '../i18n/messages.js';
import { checkMemberFile, memberWriter } from '../services/members/member-import.js';
import type { MemberRepository, NewMember } from '../services/members/member-records.js';
import { writeAll } from './import-runner.js';
import { CliError } from './operator-context.js';
import { readTable } from './tables.js';

/** `yishi import members <file>`: the whole file or nothing; every bad line is listed. Returns how many were imported. */
export async function importMembers(path: string, deps: { members: MemberRepository; t: Messages }): Promise<number> {
  const m = deps.t.operations.cli.import;
  const table = await readTable(path, deps.t);
  const check = checkMemberFile(table, deps.t, await deps.members.list({ activeOnly: false }));
  const wholeFile = check.problems.find((problem) => problem.wholeFile);
  if (wholeFile) throw new CliError(wholeFile.message);
  if (check.problems.length > 0) throw new CliError(check.problems.map((p) => p.message).join('\n') + m.nothingImported);
  const writer = memberWriter(deps.members);
  const write = async (batch: readonly NewMember[]) => (await writer.write(batch)).map((member) => member.id);
  return writeAll(
    check.rows.map((row) => row.member),
    deps.t,
    write,
    writer.undo,
  );
}
