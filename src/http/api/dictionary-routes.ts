import type Router from '@koa/router';
import { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import { MIN_KEYWORD_CHARS } from '../../services/opinions/classification.js';
import type { DictionaryRepository } from '../../services/opinions/dictionary-records.js';
import { errorResponse, isDuplicateKey, jsonBody, notFound } from './validation.js';

const entrySchema = z.object({
  name: z.string().trim().min(1, 'is required').max(50),
  // A keyword is a word: one character would match everywhere (MIN_KEYWORD_CHARS in classification.ts).
  keywords: z.array(z.string().trim().min(MIN_KEYWORD_CHARS).max(30)).max(200).optional(),
  code: z.string().trim().min(1).max(64).optional(),
});

/** CRUD for a keyword dictionary: `/api/communities` or `/api/categories`. */
export function dictionaryRoutes(
  router: Router,
  kind: 'communities' | 'categories',
  repository: DictionaryRepository,
  bodyLimitBytes: number,
): void {
  const base = `/api/${kind}`;
  const what = kind === 'communities' ? 'community' : 'category';
  const duplicate = () =>
    new YishiError(`${what}_duplicate`, {
      status: 409,
      detail: `Another ${what} already has this name${kind === 'communities' ? ' or code' : ''}.`,
    });
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isDuplicateKey(error)) throw duplicate();
      throw error;
    }
  };

  router.post(base, async (ctx) => {
    const body = await jsonBody(ctx, entrySchema, bodyLimitBytes);
    ctx.body = await guarded(() => repository.create(body));
    ctx.status = 201;
  });
  router.get(base, async (ctx) => {
    const items = await repository.list();
    ctx.body = { items, total: items.length };
  });
  router.get(`${base}/:id`, async (ctx) => {
    const entry = await repository.findById(ctx.params.id!);
    if (!entry) throw notFound(what, ctx.params.id!);
    ctx.body = entry;
  });
  router.patch(`${base}/:id`, async (ctx) => {
    const changes = await jsonBody(ctx, entrySchema.partial(), bodyLimitBytes);
    const entry = await guarded(() => repository.update(ctx.params.id!, changes));
    if (!entry) throw notFound(what, ctx.params.id!);
    ctx.body = entry;
  });
  router.delete(`${base}/:id`, async (ctx) => {
    if (!(await repository.remove(ctx.params.id!))) throw notFound(what, ctx.params.id!);
    ctx.status = 204;
  });
}

const entryDoc = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    keywords: { type: 'array', items: { type: 'string' } },
    code: { type: 'string', description: 'communities: the QR-code scene value' },
  },
};
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

function pathsFor(kind: string) {
  return {
    [`/api/${kind}`]: {
      get: { summary: `List ${kind} with their keywords`, responses: { 200: { description: '{ items, total }' } } },
      post: {
        summary: `Add to ${kind}`,
        requestBody: { required: true, content: { 'application/json': { schema: entryDoc } } },
        responses: { 201: { description: 'Created' }, 400: errorResponse, 409: errorResponse },
      },
    },
    [`/api/${kind}/{id}`]: {
      get: { summary: 'One entry', parameters: idParam, responses: { 200: { description: 'The entry' }, 404: errorResponse } },
      patch: {
        summary: 'Change name, keywords or code',
        parameters: idParam,
        requestBody: { content: { 'application/json': { schema: { ...entryDoc, required: [] } } } },
        responses: { 200: { description: 'The entry' }, 404: errorResponse },
      },
      delete: { summary: 'Remove', parameters: idParam, responses: { 204: { description: 'Removed' }, 404: errorResponse } },
    },
  };
}

export const dictionaryOpenapiPaths = { ...pathsFor('communities'), ...pathsFor('categories') };
