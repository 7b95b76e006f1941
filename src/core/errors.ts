/**
 * An error with a stable code. `userMessage` is set when a person may read it (already in their
 * language); otherwise the person gets a short apology and the details go to the log.
 *
 * @example
 * throw new YishiError('opinion_not_found', { userMessage: t.opinions.notFound(number) });
 */
export class YishiError extends Error {
  readonly code: string;
  readonly userMessage: string | undefined;
  readonly status: number;

  constructor(code: string, options: { userMessage?: string; status?: number; cause?: unknown; detail?: string } = {}) {
    super(options.detail ?? options.userMessage ?? code, { cause: options.cause });
    this.name = 'YishiError';
    this.code = code;
    this.userMessage = options.userMessage;
    this.status = options.status ?? 400;
  }

  /** True when the message may be shown to a person. */
  get isUserFacing(): boolean {
    return this.userMessage !== undefined;
  }
}

/** True for Yishi's own errors. */
export function isYishiError(error: unknown): error is YishiError {
  return error instanceof YishiError;
}

/**
 * A write refused because another record already holds a value that must be unique (a store's
 * unique index). Every store raises this one type, whatever its driver calls the clash, so a
 * caller tells a duplicate apart in one way; the admin API answers it with 409.
 *
 * @example
 * if (error instanceof DuplicateRecordError && error.field === 'wecomUserId') …
 */
export class DuplicateRecordError extends YishiError {
  /** Where the clash happened (a collection name), for the log. */
  readonly collection: string;
  /** The unique field that clashed, when the store says which (e.g. `wecomUserId`). */
  readonly field: string | undefined;

  constructor(collection: string, field: string | undefined, options: { cause?: unknown } = {}) {
    super('duplicate_record', {
      status: 409,
      detail: `another record in ${collection} already has this ${field ?? 'unique value'}`,
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.name = 'DuplicateRecordError';
    this.collection = collection;
    this.field = field;
  }
}
