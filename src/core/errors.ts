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
