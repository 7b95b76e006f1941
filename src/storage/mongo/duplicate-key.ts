import { DuplicateRecordError } from '../../core/errors.js';

/**
 * How each store behind the Mongo driver reports a unique-index clash:
 * - MongoDB: code 11000 (11001 from old servers), with `keyPattern`/`keyValue` or `index: <name>` in the text;
 * - FerretDB on an insert: code 11000 without the index;
 * - FerretDB on an update (SQLite): code 1 `InternalError` "UNIQUE constraint failed: index '<table>_<hash>_<index>'";
 * - FerretDB on PostgreSQL: "duplicate key value violates unique constraint".
 * A bulk write carries the clash in its first write error.
 */
const DUPLICATE_CODES: ReadonlySet<number> = new Set([11000, 11001]);
const DUPLICATE_TEXT = /UNIQUE constraint failed|duplicate key value violates unique constraint/;

interface DriverError {
  code?: unknown;
  message?: unknown;
  keyPattern?: unknown;
  writeErrors?: unknown;
  errorResponse?: unknown;
}

function codeAndText(error: unknown): { code: unknown; text: string } {
  const e = (error ?? {}) as DriverError;
  return { code: e.code, text: typeof e.message === 'string' ? e.message : '' };
}

function firstWriteError(error: unknown): unknown {
  const writeErrors = (error as DriverError | undefined)?.writeErrors;
  return Array.isArray(writeErrors) ? writeErrors[0] : undefined;
}

/** True when `error` is a store refusing a write because of a unique index, whichever store said it. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (error instanceof DuplicateRecordError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, text } = codeAndText(error);
  if (typeof code === 'number' && DUPLICATE_CODES.has(code)) return true;
  if (DUPLICATE_TEXT.test(text)) return true;
  const inner = firstWriteError(error);
  return inner !== undefined && inner !== error && isDuplicateKeyError(inner);
}

/** `wecomUserId_1` → `wecomUserId`; `eventId_1_seat_1` → `eventId, seat`. */
function fieldsOfIndexName(name: string): string | undefined {
  const fields = name
    .split(/_-?1(?:_|$)/)
    .map((part) => part.trim())
    .filter(Boolean);
  return fields.length > 0 ? fields.join(', ') : undefined;
}

/** The unique field that clashed, when the store's error names it. */
export function duplicateFieldOf(error: unknown): string | undefined {
  const e = (error ?? {}) as DriverError;
  if (e.keyPattern && typeof e.keyPattern === 'object') {
    const keys = Object.keys(e.keyPattern);
    if (keys.length > 0) return keys.join(', ');
  }
  const { text } = codeAndText(error);
  const mongo = /index: (\S+)/.exec(text);
  if (mongo) return fieldsOfIndexName(mongo[1]!);
  // FerretDB's SQLite index names are `<table>_<8 hex>_<mongo index name>`.
  const sqlite = /index '[^']*?_[0-9a-f]{8}_([^']+)'/.exec(text);
  if (sqlite) return fieldsOfIndexName(sqlite[1]!);
  const inner = firstWriteError(error);
  return inner !== undefined && inner !== error ? duplicateFieldOf(inner) : undefined;
}

/** A duplicate-key error of any store as a {@link DuplicateRecordError}; any other error unchanged. */
export function asDuplicateRecord(error: unknown, collection: string): unknown {
  if (error instanceof DuplicateRecordError || !isDuplicateKeyError(error)) return error;
  return new DuplicateRecordError(collection, duplicateFieldOf(error), { cause: error });
}

/**
 * Runs a write that a unique index may refuse; the refusal comes out as a {@link DuplicateRecordError}.
 *
 * @example
 * return refusingDuplicates('members', () => this.model.create(member));
 */
export async function refusingDuplicates<T>(collection: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asDuplicateRecord(error, collection);
  }
}
