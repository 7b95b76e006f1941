import type { Connection } from 'mongoose';

const BATCH = 1_000;

/**
 * Loads `count` earlier opinions (closed, numbered in 2020 so they never meet this year's
 * numbers), `count` earlier inbox records (answered messages, a day old) and `count` sent outbox
 * items (their notices, a day old: within the month the housekeeping keeps) straight into the
 * store, as a deployment has after a while: the history variant measures whether a message costs
 * more when the collections have grown.
 */
export async function preloadHistory(db: Connection, count: number): Promise<{ opinions: number; messages: number; seconds: number }> {
  const started = Date.now();
  const dayAgo = new Date(Date.now() - 24 * 60 * 60_000);
  const opinions = db.collection('opinions');
  const inbox = db.collection('inbound_messages');
  const outbox = db.collection('outbox');
  for (let first = 0; first < count; first += BATCH) {
    const n = Math.min(BATCH, count - first);
    const seqs = Array.from({ length: n }, (_, k) => first + k + 1);
    await opinions.insertMany(
      seqs.map((seq) => ({
        number: `MY-2020-${String(seq).padStart(6, '0')}`,
        year: 2020,
        seq,
        content: `早先的第${seq}条反映：小区门口的路灯不亮`,
        source: 'member-chat',
        filer: { kind: 'member', id: 'history-filer' },
        state: 'closed',
        round: 0,
        ladderLevel: 0,
        plusOnes: { count: 0, by: [] },
        audit: [],
        createdAt: dayAgo,
        updatedAt: dayAgo,
      })),
      { ordered: false },
    );
    await outbox.insertMany(
      seqs.map((seq) => ({
        idempotencyKey: `history:${seq}:staff-new`,
        recipient: { kind: 'group', groupKey: 'staff' },
        message: { text: `新反映 MY-2020-${String(seq).padStart(6, '0')}`, format: 'text' },
        dueAt: dayAgo,
        state: 'sent',
        attempts: 1,
        sentAt: dayAgo,
        createdAt: dayAgo,
        claimSeq: 1,
      })),
      { ordered: false },
    );
    await inbox.insertMany(
      seqs.map((seq) => ({
        _id: `wecom-app:history-${seq}` as never,
        state: 'done',
        replies: [{ text: '已收到', format: 'text' }],
        startedAt: dayAgo,
        finishedAt: dayAgo,
      })),
      { ordered: false },
    );
  }
  return { opinions: count, messages: count, seconds: (Date.now() - started) / 1000 };
}
