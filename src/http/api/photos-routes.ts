import type Router from '@koa/router';
import { exactRouter } from '../exact-router.js';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import { MEDIA_LIFETIME_MS, photoFailureReason } from '../../services/residents/photo-keeper.js';
import type { KfPhotoInfo } from '../../services/residents/kf-channel-stores.js';
import { errorResponse, notFound, parseWith } from './validation.js';

export interface PhotosRoutesDeps {
  clock: Clock;
  messages: Messages;
  opinions: { find(idOrNumber: string): Promise<{ number: string } | null> };
  photos: {
    listFor(opinionNumber: string): Promise<KfPhotoInfo[]>;
    file(id: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  };
}

/**
 * A photo never downloaded within WeCom's 3 days is lost, whatever its record still says. `reason`
 * says why in the office's language; `lastError` keeps WeCom's own words.
 */
function present(photo: KfPhotoInfo, index: number, opinionNumber: string, now: Date, t: Messages) {
  const expired = photo.state === 'waiting' && photo.receivedAt.getTime() < now.getTime() - MEDIA_LIFETIME_MS;
  const reason = photoFailureReason(photo, expired, t);
  return {
    index,
    state: expired ? 'lost' : photo.state,
    receivedAt: photo.receivedAt,
    ...(photo.contentType ? { contentType: photo.contentType } : {}),
    ...(photo.size !== undefined ? { size: photo.size } : {}),
    ...(photo.keptAt ? { keptAt: photo.keptAt } : {}),
    ...(expired
      ? { lastError: 'WeCom keeps a media file for 3 days; it was not downloaded in time' }
      : photo.lastError
        ? { lastError: photo.lastError }
        : {}),
    ...(reason ? { reason } : {}),
    ...(photo.state === 'kept' ? { url: `/api/opinions/${opinionNumber}/photos/${index}` } : {}),
  };
}

const indexParam = z.object({ index: z.coerce.number().int().min(1) });
const SAFE_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * Residents' photos of an opinion (from 微信客服), for staff: the list, and each kept photo's bytes.
 * Groups never see photos; they may show a face or a door number.
 */
export function photosRouter(deps: PhotosRoutesDeps): Router {
  const router = exactRouter();

  const photosOf = async (id: string) => {
    const opinion = await deps.opinions.find(id);
    if (!opinion) throw notFound('opinion', id);
    return { number: opinion.number, photos: await deps.photos.listFor(opinion.number) };
  };

  router.get('/api/opinions/:id/photos', async (ctx) => {
    const { number, photos } = await photosOf(ctx.params.id!);
    const now = deps.clock.now();
    ctx.body = { items: photos.map((photo, i) => present(photo, i + 1, number, now, deps.messages)), total: photos.length };
  });

  router.get('/api/opinions/:id/photos/:index', async (ctx) => {
    const { index } = parseWith(indexParam, ctx.params);
    const { number, photos } = await photosOf(ctx.params.id!);
    const photo = photos[index - 1];
    const words = deps.messages.residents.photos;
    if (!photo) throw new YishiError('not_found', { status: 404, userMessage: words.noSuchPhoto(number, photos.length, index) });
    const file = photo.state === 'kept' ? await deps.photos.file(photo.id) : null;
    if (!file) {
      const shown = present(photo, index, number, deps.clock.now(), deps.messages);
      throw new YishiError('photo_unavailable', {
        status: 404,
        userMessage:
          shown.state === 'waiting' ? words.waiting(number, index) : words.unavailable(number, index, shown.reason ?? words.gaveUp),
        ...(shown.lastError ? { detail: shown.lastError } : {}),
      });
    }
    // Only known image types are shown inline; anything else is a download, never rendered here.
    const inline = SAFE_IMAGE_TYPES.has(file.contentType);
    ctx.set('Content-Type', inline ? file.contentType : 'application/octet-stream');
    if (!inline) ctx.set('Content-Disposition', `attachment; filename="${number}-photo-${index}"`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = file.bytes;
  });
  return router;
}

const params = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'id or number (MY-2026-000123)' }];

export const photosOpenapiPaths = {
  '/api/opinions/{id}/photos': {
    get: {
      summary: "A resident's photos of an opinion: state kept / waiting (not downloaded yet) / lost, and the url of each kept one",
      parameters: params,
      responses: {
        200: {
          description:
            '{ items: [{ index, state, receivedAt, contentType?, size?, keptAt?, lastError? (WeCom’s words), reason? (why, in the office’s language), url? }], total }',
        },
        404: errorResponse,
      },
    },
  },
  '/api/opinions/{id}/photos/{index}': {
    get: {
      summary: 'One kept photo (1-based index), as the image WeCom sent',
      parameters: [...params, { name: 'index', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: {
        200: { description: 'The image', content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } },
        400: errorResponse,
        404: errorResponse,
      },
    },
  },
};
