import Router from '@koa/router';
import type { Context } from 'koa';
import type { WecomAppConfig } from '../../config.js';
import type { Bot } from '../../core/bot.js';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import type { OutgoingMessage, Sender } from '../types.js';
import { answerInTime } from './answer.js';
import { readAppCallback } from './app-inbound.js';
import { ackEmpty, answerUrlCheck, freshSignedQuery, readCallbackText, unixSeconds } from './callback-request.js';
import { WecomCipher } from './crypto.js';
import { TEXT_LIMIT_BYTES } from './split.js';
import { buildWecomXml, parseWecomXml } from './xml.js';

/** A 微信客服 notice: its Token lets the residents' module pull the new messages (kf/sync_msg). */
export interface KfEvent {
  token: string;
  openKfId: string;
}

export interface WecomAppRouteDeps {
  app: WecomAppConfig;
  bot: Bot;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  bodyLimitBytes: number;
  replyWithinMs: number;
  /** Delivers late answers to members (`message/send`). */
  appSender: Sender;
  /** Where 微信客服 notices go; until the residents' module plugs in, they are logged and acked. */
  onKfEvent?: (event: KfEvent) => Promise<void>;
}

const WELCOME_EVERY_MS = 12 * 60 * 60 * 1000;

const joinReplies = (replies: OutgoingMessage[]) => replies.map((reply) => reply.text).join('\n\n');

/** `GET /wecom/app` (URL check) and `POST /wecom/app` (messages and events) of the self-built app. */
export function wecomAppRouter(deps: WecomAppRouteDeps): Router {
  const cipher = new WecomCipher(deps.app.token, deps.app.encodingAesKey, deps.app.corpId);
  const router = new Router();

  router.get('/wecom/app', (ctx) => answerUrlCheck(ctx, cipher, deps.clock));

  router.post('/wecom/app', async (ctx) => {
    const query = freshSignedQuery(ctx, deps.clock);
    const envelope = parseWecomXml(await readCallbackText(ctx, deps.bodyLimitBytes), 'envelope');
    const encrypted = envelope.Encrypt;
    if (!encrypted) throw new YishiError('wecom_envelope_invalid', { status: 400, detail: 'the envelope has no Encrypt' });
    const fields = parseWecomXml(cipher.open(query, encrypted), 'message');
    const callback = readAppCallback(fields, deps.clock.now());
    const log: Logger = ctx.state.log ?? deps.logger;

    switch (callback.kind) {
      case 'message': {
        const { message } = callback;
        const replies = await answerInTime({ ...deps, logger: log }, message, {
          fitsPassive: (list) => Buffer.byteLength(joinReplies(list), 'utf8') <= TEXT_LIMIT_BYTES,
          sendLater: async (list) => {
            for (const reply of list)
              await deps.appSender.send({ platform: 'wecom-app', kind: 'user', userId: message.sender.platformUserId }, reply);
          },
        });
        return replies ? replyPassively(ctx, callback.message.sender.platformUserId, joinReplies(replies)) : ackEmpty(ctx);
      }
      case 'welcome':
        // Opening the app fires enter_agent every time; greet at most twice a day.
        if (await deps.coordination.claimOnce(`wecom-app:welcome:${callback.userId}`, WELCOME_EVERY_MS))
          return replyPassively(ctx, callback.userId, deps.messages.wecom.welcome);
        return ackEmpty(ctx);
      case 'unsupported':
        return replyPassively(ctx, callback.userId, deps.messages.wecom.onlyText);
      case 'kf':
        log.info({ openKfId: callback.openKfId }, 'WeCom customer-service event received');
        deps
          .onKfEvent?.({ token: callback.token, openKfId: callback.openKfId })
          .catch((error: unknown) => log.error({ err: error }, 'the customer-service event could not be handled'));
        return ackEmpty(ctx);
      case 'ignore':
        log.debug({ what: callback.what }, 'WeCom callback acknowledged without an answer');
        return ackEmpty(ctx);
    }
  });

  /** The encrypted passive reply (§1.5): a text message to the member, sealed and signed. */
  function replyPassively(ctx: Context, userId: string, text: string): void {
    const now = unixSeconds(deps.clock.now());
    const inner = buildWecomXml({ ToUserName: userId, FromUserName: deps.app.corpId, CreateTime: now, MsgType: 'text', Content: text }, [
      'CreateTime',
    ]);
    const sealed = cipher.seal(inner, now);
    ctx.status = 200;
    ctx.type = 'application/xml';
    ctx.body = buildWecomXml(
      { Encrypt: sealed.encrypt, MsgSignature: sealed.signature, TimeStamp: sealed.timestamp, Nonce: sealed.nonce },
      ['TimeStamp'],
    );
  }

  return router;
}
