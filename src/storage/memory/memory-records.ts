import { randomBytes } from 'node:crypto';

/**
 * A new record id shaped like the Mongo ones (24 hex digits), so API schemas and links that
 * check an id's shape accept in-memory records too.
 */
export function newRecordId(): string {
  return randomBytes(12).toString('hex');
}

/** True when a string can be an id this process handed out. */
export function isRecordId(id: string): boolean {
  return /^[0-9a-f]{24}$/i.test(id);
}

/**
 * The error a unique index raises, in the shape callers already check (`code` 11000, as MongoDB
 * reports it), so a duplicate is told apart the same way whichever store is behind.
 */
export function duplicateKeyError(collection: string, field: string, value: string): Error {
  return Object.assign(new Error(`E11000 duplicate key error collection: ${collection} index: ${field}_1 dup key: "${value}"`), {
    code: 11000,
  });
}

/** A copy the caller may change without changing what is stored (Dates survive). */
export function copyOf<T>(value: T): T {
  return structuredClone(value);
}

/** The keys whose value is not `undefined` ($set skips those, so the in-memory stores do too). */
export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** mongoose's `trim: true` for the optional string fields a schema trims. */
export function trimmed<T extends object>(changes: T, fields: readonly (keyof T)[]): T {
  const result = { ...changes };
  for (const field of fields) {
    const value = result[field];
    if (typeof value === 'string') result[field] = value.trim() as T[keyof T];
  }
  return result;
}

/**
 * Gap-free numbers per calendar year held in this process (the Mongo stores keep theirs in
 * `counters`, storage/mongo/year-sequence.ts): each year starts at 1.
 */
export class MemoryYearSequence {
  private readonly last = new Map<number, number>();

  next(year: number): number {
    const seq = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, seq);
    return seq;
  }
}
