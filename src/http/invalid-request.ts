import { YishiError } from '../core/errors.js';

/** One thing wrong with a request, without words: the error boundary says it in the caller's language. */
export type FieldProblem =
  | { field: string; kind: 'missing' }
  | { field: string; kind: 'wrong_type'; expected: string }
  | { field: string; kind: 'too_small' | 'too_big'; limit: string; origin: string }
  | { field: string; kind: 'bad_format' | 'invalid' | 'mobile' }
  | { field: string; kind: 'one_of'; values: string[] }
  | { field: string; kind: 'unknown_keys'; keys: string[] };

/** 400 `invalid_request` with each bad field; never zod's own (English) sentences. */
export class InvalidRequestError extends YishiError {
  constructor(readonly problems: FieldProblem[]) {
    super('invalid_request', { status: 400, detail: `invalid request: ${JSON.stringify(problems)}` });
  }
}
