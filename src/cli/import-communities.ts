import type { Messages } from '../i18n/messages.js';
import type { DictionaryEntry, DictionaryRepository, NewDictionaryEntry } from '../services/opinions/dictionary-records.js';
import { FirstSeen, writeAll } from './import-runner.js';
import { CliError } from './operator-context.js';
import { mapHeader, readTable, type Table } from './tables.js';

type Field = 'name' | 'keywords' | 'code';

const COLUMNS: Record<string, Field> = {
  name: 'name',
  名称: 'name',
  村社区: 'name',
  '村/社区': 'name',
  社区: 'name',
  keywords: 'keywords',
  关键词: 'keywords',
  code: 'code',
  二维码: 'code',
  场景值: 'code',
  二维码场景值: 'code',
};

/** Every row checked (names and codes unique in the file and not yet registered), or a CliError naming the line. */
export function checkCommunities(table: Table, t: Messages, existing: readonly DictionaryEntry[]): NewDictionaryEntry[] {
  const m = t.operations.cli.import;
  const { fields, unknown } = mapHeader(table.header, COLUMNS);
  if (unknown.length > 0 || !fields.includes('name')) throw new CliError(m.header(m.field.communityName!, unknown));
  const seen = new FirstSeen();
  const names = new Set(existing.map((entry) => entry.name));
  const codes = new Map(existing.filter((entry) => entry.code).map((entry) => [entry.code!, entry.name]));
  return table.rows.map(({ line, cells }) => {
    const value = (field: Field) => cells[fields.indexOf(field)]?.trim() ?? '';
    const name = value('name');
    const code = value('code');
    const keywords = value('keywords')
      .split(/[,，、;；\s]+/)
      .filter(Boolean);
    if (!name) throw new CliError(m.badRow(line, `${m.field.communityName}${m.required}`));
    if (name.length > 50) throw new CliError(m.badRow(line, `${m.field.communityName}${m.tooLong(50)}`));
    if (keywords.some((word) => word.length > 30)) throw new CliError(m.badRow(line, `${m.field.keywords}${m.tooLong(30)}`));
    const first = seen.check(`name:${name}`, line) ?? (code ? seen.check(`code:${code}`, line) : undefined);
    if (first !== undefined) throw new CliError(m.repeats(line, code && !name ? code : name, first));
    if (names.has(name)) throw new CliError(m.exists(line, name, name));
    if (code && codes.has(code)) throw new CliError(m.exists(line, `${m.field.code} ${code}`, codes.get(code)!));
    return { name, keywords, ...(code ? { code } : {}) };
  });
}

/** `yishi import communities <file>`: the whole file or nothing. */
export async function importCommunities(path: string, deps: { communities: DictionaryRepository; t: Messages }): Promise<number> {
  const rows = checkCommunities(await readTable(path, deps.t), deps.t, await deps.communities.list());
  return writeAll(
    rows,
    deps.t,
    async (batch) => {
      const ids: string[] = [];
      for (const entry of batch) ids.push((await deps.communities.create(entry)).id);
      return ids;
    },
    async (ids) => {
      for (const id of ids) await deps.communities.remove(id);
    },
  );
}
