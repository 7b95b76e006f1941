import type { Context } from 'koa';
import { z } from 'zod';
import { isIsoDate } from '../../core/dates.js';
import { mobileDigits } from '../../core/mobile.js';
import { DuplicateRecordError, YishiError } from '../../core/errors.js';
import { InvalidRequestError, type FieldProblem } from '../invalid-request.js';
import { readJsonBody } from '../raw-body.js';

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** What is wrong with one field, from a zod issue and the value that was parsed. */
export function problemOf(issue: z.core.$ZodIssue, input: unknown): FieldProblem {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? { field, kind: 'missing' }
        : { field, kind: 'wrong_type', expected: issue.expected };
    case 'too_small':
      return { field, kind: 'too_small', limit: String(issue.minimum), origin: issue.origin };
    case 'too_big':
      return { field, kind: 'too_big', limit: String(issue.maximum), origin: issue.origin };
    case 'invalid_format':
      return { field, kind: 'bad_format' };
    case 'invalid_value':
      return { field, kind: 'one_of', values: issue.values.map(String) };
    case 'unrecognized_keys':
      return { field, kind: 'unknown_keys', keys: issue.keys };
    case 'custom':
      return issue.params?.problem === 'mobile' ? { field, kind: 'mobile' } : { field, kind: 'invalid' };
    default:
      return { field, kind: 'invalid' };
  }
}

/**
 * A date in a query or body: a Beijing date `YYYY-MM-DD` that exists (not 2026-99-99 or 2026-02-30),
 * or an ISO date-time with its zone. Anything else is refused here, before it can become an
 * Invalid Date in a query.
 */
export const dateOrInstant = z.union([z.iso.datetime({ offset: true }), z.string().refine(isIsoDate)]);

/** A mainland mobile number in any usual writing (`139 1234 5678`, `+86…`), read as its 11 digits. */
export const mobileNumber = z
  .string()
  .refine((typed) => mobileDigits(typed) !== undefined, { params: { problem: 'mobile' } })
  .transform((typed) => mobileDigits(typed)!);

/** Parses a value with a zod schema; failure → 400 `invalid_request` naming each bad field. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequestError(result.error.issues.map((issue) => problemOf(issue, value)));
}

/** Reads and validates a JSON body. */
export async function jsonBody<T>(ctx: Context, schema: z.ZodType<T>, limitBytes: number): Promise<T> {
  return parseWith(schema, await readJsonBody(ctx, limitBytes));
}

/** 404 `not_found`; the caller reads the sentence for the code in their language, the log the record asked for. */
export function notFound(what: string, id: string): YishiError {
  return new YishiError('not_found', { status: 404, detail: `no ${what} with id ${id}` });
}

/** A store refused a write for a duplicate unique value (every store raises {@link DuplicateRecordError}); routes answer 409. */
export function isDuplicateKey(error: unknown): error is DuplicateRecordError {
  return error instanceof DuplicateRecordError;
}

/** A JSON-schema-ish fragment used by the OpenAPI paths below. */
export const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/**
 * An OpenAPI `requestBody` made from the very zod schema the route parses with (its input side),
 * so the document cannot drift from what the route accepts.
 */
export function requestBodyOf(schema: z.ZodType, options: { required?: boolean; description?: string } = {}) {
  return {
    required: options.required ?? true,
    ...(options.description ? { description: options.description } : {}),
    content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' }) } },
  };
}

/** The body of a POST that takes no fields: the workbench sends `{}`, machines may send nothing. */
export const emptyRequestBody = requestBodyOf(z.strictObject({}), { required: false, description: 'No fields: `{}` or nothing' });
