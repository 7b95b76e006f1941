import { describeRecipient } from '../services/outbox-failures.js';
import { CliError, type OperatorContext } from './operator-context.js';

const shortTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');
const firstLine = (text: string) => {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
};

/** `yishi outbox failed [--limit N]`: the failed notices, oldest first, one block each. */
export async function listFailed(ctx: OperatorContext, limit: number): Promise<string> {
  const m = ctx.t.operations.cli.outbox;
  const { items, total } = await ctx.outbox.listFailed(limit);
  if (total === 0) return m.none;
  const lines = [m.header];
  for (const item of items) {
    lines.push(
      m.line(
        item.id,
        shortTime(item.dueAt),
        item.attempts,
        await describeRecipient(item.recipient, ctx.members, ctx.t),
        item.lastError ?? '',
        firstLine(item.message.text),
      ),
    );
  }
  if (total > items.length) lines.push(m.more(items.length, total));
  return lines.join('\n');
}

/** `yishi outbox retry <id…> | --all`: failed notices go back in the queue, due now. */
export async function retryFailed(
  ctx: OperatorContext,
  ids: readonly string[],
  all: boolean,
): Promise<{ text: string; warnings: string[] }> {
  const m = ctx.t.operations.cli.outbox;
  const now = ctx.clock.now();
  if (all) return { text: m.retried(await ctx.outbox.retryAll(now)), warnings: [] };
  if (ids.length === 0) throw new CliError(m.nothingToRetry, 2);
  const queued = await ctx.outbox.retry(ids, now);
  return { text: m.retried(queued.length), warnings: ids.filter((id) => !queued.includes(id)).map((id) => m.notFailed(id)) };
}
