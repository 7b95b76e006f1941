import type Router from '@koa/router';
import { exactRouter } from '../exact-router.js';
import type { Context } from 'koa';
import { z } from 'zod';
import type { CommunityQr, CommunityQrCodes } from '../../services/residents/qr-codes.js';
import { emptyRequestBody, errorResponse, parseWith } from './validation.js';

const scene = z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, 'must be a community code or id (letters, digits, _ and -)');

const present = (qr: CommunityQr) => ({ ...qr, png: `/api/qr-codes/${encodeURIComponent(qr.scene)}/png` });

/**
 * Community QR codes for the residents' service account (微信客服):
 * - `POST /api/qr-codes` and `GET /api/qr-codes` → every community's link (made once, then kept);
 * - `GET /api/qr-codes/sheet` → a print-ready HTML page, each code with its community's name;
 * - `GET /api/qr-codes/:scene/png` → one community's code as a PNG.
 */
export function qrRouter(deps: { qrCodes: CommunityQrCodes }): Router {
  const router = exactRouter();

  const list = async (ctx: Context) => {
    const items = (await deps.qrCodes.all()).map(present);
    ctx.body = { items, total: items.length };
  };
  router.post('/api/qr-codes', list);
  router.get('/api/qr-codes', list);

  router.get('/api/qr-codes/sheet', async (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = await deps.qrCodes.sheet();
  });

  router.get('/api/qr-codes/:scene/png', async (ctx) => {
    const qr = await deps.qrCodes.one(parseWith(scene, ctx.params.scene));
    ctx.type = 'image/png';
    ctx.set('content-disposition', `inline; filename="qr-${qr.scene}.png"`);
    ctx.body = await deps.qrCodes.png(qr.url);
  });
  return router;
}

const qrItem = {
  type: 'object',
  properties: { community: { type: 'string' }, scene: { type: 'string' }, url: { type: 'string' }, png: { type: 'string' } },
};
const listAnswer = {
  200: {
    description: 'Every community with its link',
    content: {
      'application/json': {
        schema: { type: 'object', properties: { items: { type: 'array', items: qrItem }, total: { type: 'integer' } } },
      },
    },
  },
  409: errorResponse,
};

export const qrOpenapiPaths = {
  '/api/qr-codes': {
    post: {
      summary: 'Make the customer-service link (kf/add_contact_way, scene = community code) of every community that has none yet',
      requestBody: emptyRequestBody,
      responses: listAnswer,
    },
    get: { summary: "Every community's customer-service link (missing ones are made)", responses: listAnswer },
  },
  '/api/qr-codes/sheet': {
    get: {
      summary: "Print-ready HTML sheet: every community's QR code with its name under it",
      responses: { 200: { description: 'HTML page', content: { 'text/html': {} } }, 409: errorResponse },
    },
  },
  '/api/qr-codes/{scene}/png': {
    get: {
      summary: "One community's QR code (PNG)",
      parameters: [{ name: 'scene', in: 'path', required: true, schema: { type: 'string' }, description: 'The community code (or id)' }],
      responses: { 200: { description: 'PNG image', content: { 'image/png': {} } }, 404: errorResponse, 409: errorResponse },
    },
  },
};
