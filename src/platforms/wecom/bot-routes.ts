import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { WecomBotConfig } from '../../config.js';
import type { Bot } from '../../core/bot.js';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import type { OutgoingMessage, Sender } from '../types.js';
import { answerInTime } from './answer.js';
import { readBotCallback, type BotReplyHandle } from './bot-inbound.js';
import { ackEmpty, answerUrlCheck, freshSignedQuery, readCallbackText, unixSeconds } from './callback-request.js';
import { WecomCipher } from './crypto.js';
import { MARKDOWN_LIMIT_BYTES } from './split.js';

export interface WecomBotRouteDeps {
  robot: WecomBotConfig;
  bot: Bot;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  bodyLimitBytes: number;
  replyWithinMs: number;
  /** Delivers late answers through the message's response_url. */
  responseUrlSender: Sender;
}

/** The internal smart robot's receive-id is the empty string (path/101033). */
const SMART_ROBOT_RECEIVE_ID = '';
const WELCOME_EVERY_MS = 12 * 60 * 60 * 1000;

const joinReplies = (replies: OutgoingMessage[]) => replies.map((reply) => reply.text).join('\n\n');

function encryptedField(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new YishiError('wecom_envelope_invalid', { status: 400, detail: 'the smart-robot body is not JSON' });
  }
  const encrypted = (parsed as { encrypt?: unknown } | null)?.encrypt;
  if (typeof encrypted !== 'string' || encrypted === '')
    throw new YishiError('wecom_envelope_invalid', { status: 400, detail: 'the smart-robot body has no encrypt' });
  return encrypted;
}

/** `GET /wecom/bot` (URL check) and `POST /wecom/bot` (messages) of the smart robot (智能机器人). */
export function wecomBotRouter(deps: WecomBotRouteDeps): Router {
  const cipher = new WecomCipher(deps.robot.token, deps.robot.encodingAesKey, SMART_ROBOT_RECEIVE_ID);
  const router = new Router();

  router.get('/wecom/bot', (ctx) => answerUrlCheck(ctx, cipher, deps.clock));

  router.post('/wecom/bot', async (ctx) => {
    const query = freshSignedQuery(ctx, deps.clock);
    const encrypted = encryptedField(await readCallbackText(ctx, deps.bodyLimitBytes));
    const callback = readBotCallback(cipher.open(query, encrypted), deps.clock.now());
    const log: Logger = ctx.state.log ?? deps.logger;

    switch (callback.kind) {
      case 'message': {
        const { message } = callback;
        const handle = message.replyHandle as BotReplyHandle | undefined;
        const replies = await answerInTime({ ...deps, logger: log }, message, {
          fitsPassive: (list) => Buffer.byteLength(joinReplies(list), 'utf8') <= MARKDOWN_LIMIT_BYTES,
          sendLater: async (list) => {
            if (!handle)
              throw new YishiError('wecom_response_url_missing', { detail: 'a late smart-robot answer has no response_url to go to' });
            await deps.responseUrlSender.send(
              { platform: 'wecom-bot', kind: 'response-url', url: handle.responseUrl },
              { text: joinReplies(list), format: 'markdown' },
            );
          },
        });
        if (!replies) return ackEmpty(ctx);
        // A finished stream: the whole answer at once, shown as markdown.
        return replyPassively(ctx, {
          msgtype: 'stream',
          stream: { id: randomBytes(8).toString('hex'), finish: true, content: joinReplies(replies) },
        });
      }
      case 'welcome':
        if (await deps.coordination.claimOnce(`wecom-bot:welcome:${callback.userId}`, WELCOME_EVERY_MS))
          return replyPassively(ctx, { msgtype: 'text', text: { content: deps.messages.wecom.welcome } });
        return ackEmpty(ctx);
      case 'unsupported':
        return replyPassively(ctx, {
          msgtype: 'stream',
          stream: { id: randomBytes(8).toString('hex'), finish: true, content: deps.messages.wecom.onlyText },
        });
      case 'ignore':
        log.debug({ what: callback.what }, 'smart-robot callback acknowledged without an answer');
        return ackEmpty(ctx);
    }
  });

  /** The encrypted JSON reply: note `msgsignature` has no underscore here. */
  function replyPassively(ctx: Context, plaintext: unknown): void {
    const sealed = cipher.seal(JSON.stringify(plaintext), unixSeconds(deps.clock.now()));
    ctx.status = 200;
    ctx.body = { encrypt: sealed.encrypt, msgsignature: sealed.signature, timestamp: sealed.timestamp, nonce: sealed.nonce };
  }

  return router;
}
