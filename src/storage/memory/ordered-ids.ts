/**
 * Record ids that sort in the order they were made, shaped like MongoDB's ObjectIds (24 hex
 * digits: seconds, then a per-process counter), for the in-memory stores whose callers page or
 * order by id (the outbox queue, the console's inbox cursor).
 */
let counter = 0;

export function orderedRecordId(now: Date = new Date()): string {
  counter += 1;
  const seconds = Math.floor(now.getTime() / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + counter.toString(16).padStart(16, '0');
}
