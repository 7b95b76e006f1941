import type { Messages } from '../i18n/messages.js';
import { DuplicateRecordError, isYishiError } from '../core/errors.js';
import { InvalidRequestError, type FieldProblem } from './invalid-request.js';

type HttpMessages = Messages['http'];

/** What an error answers: a status, a stable code, and one sentence in the caller's language. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
}

function sentenceOf(problem: FieldProblem, t: HttpMessages['field']): string {
  const field = problem.field || t.body;
  switch (problem.kind) {
    case 'missing':
      return t.missing(field);
    case 'wrong_type':
      return t.wrongType(field, t.types[problem.expected] ?? problem.expected);
    case 'too_small':
      return t.tooSmall(field, problem.limit, problem.origin);
    case 'too_big':
      return t.tooBig(field, problem.limit, problem.origin);
    case 'bad_format':
      return t.badFormat(field);
    case 'one_of':
      return t.oneOf(field, problem.values);
    case 'unknown_keys':
      return t.unknownKeys(problem.keys);
    case 'invalid':
      return t.invalid(field);
    case 'mobile':
      return t.mobile(field);
  }
}

/** At most this many problems are spelled out, so a body with 10,000 bad keys gets a short answer. */
const MAX_PROBLEMS = 10;

/** Each problem as a phrase in the caller's language (the first few, each said once). */
export function describeProblems(problems: readonly FieldProblem[], t: HttpMessages): string[] {
  return [...new Set(problems.slice(0, MAX_PROBLEMS).map((problem) => sentenceOf(problem, t.field)))];
}

/** The sentence for an error code: the one written for it, or the one for its status. */
export function sentenceFor(code: string, status: number, t: HttpMessages): string {
  return t.errors[code] ?? t.byStatus(status);
}

/**
 * A Yishi error as the caller reads it. Its own sentence when it has one (`userMessage`, already in
 * the configured language); otherwise the sentence for its code. `detail` (which may carry a
 * library's text, e.g. OpenSSL's) goes only to the log.
 */
export function answerForYishiError(error: unknown, t: HttpMessages): ErrorAnswer | undefined {
  if (!isYishiError(error)) return undefined;
  if (error instanceof InvalidRequestError) {
    return { status: error.status, code: error.code, message: t.invalidFields(describeProblems(error.problems, t)) };
  }
  // A route that says nothing more specific: 409 naming the field the store refused.
  if (error instanceof DuplicateRecordError) return { status: 409, code: error.code, message: t.duplicateRecord(error.field) };
  return { status: error.status, code: error.code, message: error.userMessage ?? sentenceFor(error.code, error.status, t) };
}

const CODE_BY_STATUS: Record<number, string> = { 404: 'not_found', 405: 'method_not_allowed', 413: 'body_too_large' };

/** The code of a bare status (Koa's 404, the router's 405/501, an `http-errors` throw). */
export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
}

/**
 * Library errors that can only come from what the caller sent: an `http-errors` error marked
 * `expose` with a 4xx status (Koa, the router), and mongoose's CastError (a value from the request
 * that does not fit a field). They are the caller's mistake, so a 4xx, never a 500.
 */
export function answerForCallerError(error: unknown, t: HttpMessages): ErrorAnswer | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeForStatus(status);
    return { status, code, message: sentenceFor(code, status, t) };
  }
  if (error.name === 'CastError') return { status: 400, code: 'invalid_request', message: sentenceFor('invalid_request', 400, t) };
  return undefined;
}
