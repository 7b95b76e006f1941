#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { readToolEnvironment } from '../config.js';
import { YishiError } from '../core/errors.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { calendarCommand } from './calendar-command.js';
import { ANNUAL_EXPORTS, exportAnnual, type AnnualExport } from './annual-report-command.js';
import { exportData } from './export-command.js';
import { importCommunities } from './import-communities.js';
import { importMembers } from './import-members.js';
import { CliError, openOperatorContext, type OperatorContext } from './operator-context.js';
import { listFailed, retryFailed } from './outbox-command.js';
import { generateRoster } from './roster-command.js';
import { tokenCommand } from './token-command.js';

/**
 * The operator CLI: `npm run yishi -- <command>`, or `node dist/src/cli/yishi.js …` after a build
 * (e.g. inside the Docker container; the package's `bin` is `yishi` for global installs). It talks to MongoDB directly through the
 * repositories and services, so it works while the service is stopped and needs no admin token:
 * whoever may run it on the server already holds the database credentials. Results go to stdout,
 * messages and progress to stderr; exit 0 done, 1 failed, 2 a usage mistake.
 */
const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  month: { type: 'string' },
  members: { type: 'string' },
  place: { type: 'string' },
  'half-days': { type: 'boolean' },
  holidays: { type: 'string' },
  workdays: { type: 'string' },
  limit: { type: 'string' },
  all: { type: 'boolean' },
  out: { type: 'string' },
  year: { type: 'string' },
  name: { type: 'string' },
  member: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function run(ctx: OperatorContext, words: string[], values: Values): Promise<void> {
  const m = ctx.t.operations.cli;
  const [command, sub, ...rest] = words;
  const say = (text: string) => console.error(text);
  if (command === 'import' && (sub === 'members' || sub === 'communities')) {
    const path = rest[0];
    if (!path) throw new CliError(m.import.missingFile, 2);
    const count = sub === 'members' ? await importMembers(path, ctx) : await importCommunities(path, ctx);
    return say(m.import.done(count, sub === 'members' ? m.import.members : m.import.communities));
  }
  if (command === 'roster' && sub === 'generate') {
    return say(await generateRoster(ctx, { ...values, halfDays: values['half-days'] }));
  }
  if (command === 'calendar') {
    return void console.log(await calendarCommand(ctx, sub, rest, values));
  }
  if (command === 'outbox' && sub === 'failed') {
    const limit = Number(values.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError(m.badOption(`--limit ${values.limit}`), 2);
    return void console.log(await listFailed(ctx, limit));
  }
  if (command === 'outbox' && sub === 'retry') {
    const result = await retryFailed(ctx, rest, values.all === true);
    result.warnings.forEach(say);
    return say(result.text);
  }
  if (command === 'export' && (ANNUAL_EXPORTS as readonly string[]).includes(sub ?? '')) {
    const result = await exportAnnual(ctx, sub as AnnualExport, values);
    return say(m.export.annualWritten(result.count, result.path));
  }
  if (command === 'export' && sub) {
    const result = await exportData(ctx, sub, values);
    return say(m.export.written(result.count, result.path));
  }
  if (command === 'token') {
    const result = await tokenCommand(ctx, sub);
    result.notes.slice(0, 1).forEach(say);
    if (result.stdout) console.log(result.stdout);
    return void result.notes.slice(1).forEach(say);
  }
  throw new CliError(m.unknownCommand([command, sub].filter(Boolean).join(' ')), 2);
}

async function main(): Promise<number> {
  const t: Messages = messagesFor(readToolEnvironment().locale);
  const m = t.operations.cli;
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(m.badOption((error as Error).message));
    return 2;
  }
  const words = parsed.positionals;
  if (parsed.values.help || words.length === 0 || words[0] === 'help') {
    console.log(m.usage);
    return 0;
  }
  if (!['import', 'roster', 'calendar', 'outbox', 'export', 'token'].includes(words[0]!)) {
    console.error(m.unknownCommand(words.join(' ')));
    return 2;
  }
  let ctx: OperatorContext | undefined;
  try {
    ctx = await openOperatorContext(process.cwd());
    await run(ctx, words, parsed.values);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      return error.exitCode;
    }
    const message = error instanceof YishiError && error.userMessage ? error.userMessage : (error as Error).message;
    console.error(m.failed(message));
    return 1;
  } finally {
    await ctx?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
