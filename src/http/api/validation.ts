import type { Context } from 'koa';
import type { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import { readJsonBody } from '../raw-body.js';

/** Parses a value with a zod schema; failure → 400 `invalid_request` naming each bad field. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new YishiError('invalid_request', { status: 400, userMessage: `The request is invalid: ${problems.join('; ')}` });
}

/** Reads and validates a JSON body. */
export async function jsonBody<T>(ctx: Context, schema: z.ZodType<T>, limitBytes: number): Promise<T> {
  return parseWith(schema, await readJsonBody(ctx, limitBytes));
}

export function notFound(what: string, id: string): YishiError {
  return new YishiError('not_found', { status: 404, userMessage: `No ${what} with id ${id}.` });
}

/** MongoDB duplicate key (unique index) → 409 with a plain message. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

/** A JSON-schema-ish fragment used by the OpenAPI paths below. */
export const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
