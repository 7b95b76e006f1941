import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../src/http/api/openapi.js';

type Operation = { requestBody?: { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> } };
const paths = buildOpenApiDocument().paths as Record<string, Record<string, Operation>>;
/** The body's schema: JSON's, else the one media type it has (the member import takes CSV). */
const bodySchema = (path: string, method: string) => {
  const content = paths[path]?.[method]?.requestBody?.content ?? {};
  return (content['application/json'] ?? Object.values(content)[0])?.schema;
};

/** The workbench sends a body (JSON, at least `{}`) with every POST, PUT and PATCH: each must be described. */
describe('the OpenAPI document describes every request body', () => {
  const withBody = Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((method) => ['post', 'put', 'patch'].includes(method))
      .map((method) => [method.toUpperCase(), path] as const),
  );

  it('covers the routes of 活动 and the body-less POSTs the workbench sends {} to', () => {
    const listed = withBody.map(([method, path]) => `${method} ${path}`);
    for (const route of [
      'POST /api/programmes',
      'PATCH /api/programmes/{id}',
      'POST /api/events',
      'PATCH /api/events/{ref}',
      'POST /api/events/{ref}/outcome',
      'POST /api/events/{ref}/outcome/preview',
      'POST /api/events/{ref}/check-ins',
      'POST /api/qr-codes',
      'POST /api/session/sign-out',
      'POST /api/outcomes',
      'PATCH /api/outcomes/{number}',
      'POST /api/outcomes/{number}/extension',
      'POST /api/outcomes/{number}/extension/preview',
    ])
      expect(listed).toContain(route);
  });

  it.each(withBody)('%s %s has a request body schema', (method, path) => {
    const schema = bodySchema(path, method.toLowerCase());
    expect(schema).toBeTypeOf('object');
    expect(['type', 'anyOf', 'oneOf', 'allOf', '$ref'].filter((key) => key in schema!)).not.toHaveLength(0);
  });

  it('documents the fields the routes parse, from the same zod schemas', () => {
    expect(bodySchema('/api/events', 'post')).toMatchObject({
      required: expect.arrayContaining(['title', 'sectors', 'startAt', 'endAt', 'place']),
      additionalProperties: false,
      properties: { startAt: { type: 'string', format: 'date-time' }, capacity: { type: 'integer', minimum: 1 } },
    });
    expect(bodySchema('/api/events/{ref}/outcome', 'post')).toMatchObject({ required: ['outcome'] });
    expect(bodySchema('/api/events/{ref}', 'patch')).toMatchObject({ properties: { outcome: { type: 'object' } } });
    expect(paths['/api/qr-codes']!.post!.requestBody!.required).toBe(false);
    expect(bodySchema('/api/outcomes', 'post')).toMatchObject({
      required: expect.arrayContaining(['text', 'dueDate']),
      additionalProperties: false,
      properties: { responsibleUnit: { type: 'string' }, opinionNumbers: { type: 'array' } },
    });
    expect(bodySchema('/api/outcomes/{number}', 'patch')).toMatchObject({
      required: ['state'],
      properties: { state: { enum: ['in-progress', 'delivered', 'not-delivered'] } },
    });
    expect(bodySchema('/api/outcomes/{number}/extension', 'post')).toMatchObject({
      required: ['dueDate', 'reason'],
      additionalProperties: false,
    });
  });
});
