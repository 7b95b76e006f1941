import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { exactRouter } from '../../http/exact-router.js';
import { z } from 'zod';
import type { Bot } from '../../core/bot.js';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import { jsonBody, parseWith } from '../../http/api/validation.js';
import type { Messages } from '../../i18n/messages.js';
import type { ConsoleMessageRepository } from '../../services/console-message-records.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import {
  SIMULATOR_OPEN_KFID,
  simulatorMailbox,
  simulatorWelcomeCode,
  type ResidentMessage,
} from '../../services/residents/resident-desk.js';
import { inboundBodyLimit, UNDOCUMENTED_INBOUND_LIMITS, type InboundLimits, type IncomingMessage } from '../types.js';

/** The console is Yishi's own simulator: the limits of a platform that documents none. */
export const CONSOLE_INBOUND_LIMITS: InboundLimits = UNDOCUMENTED_INBOUND_LIMITS;

export interface ConsoleRoutesDeps {
  bodyLimitBytes: number;
  bot: Bot;
  members: MemberRepository;
  consoleMessages: ConsoleMessageRepository;
  clock: Clock;
  messages: Messages;
  /** The residents' desk, for the simulator's 微信客服 account (POST /console/kf). */
  residents: { desk: { handlePage(messages: readonly ResidentMessage[]): Promise<void> } };
}

/** 微信客服's origins (protocols.md §4.1): a customer's message, a system event. */
const KF_ORIGIN_CUSTOMER = 3;
const KF_ORIGIN_EVENT = 4;

const personId = z.string().trim().min(1).max(100);

const messageBody = z.object({
  from: personId,
  /** Any length the body limit lets through: the bot's length gate answers a long one, as on WeCom and DingTalk. */
  text: z.string(),
  /** A group chat id; without it the message is a direct chat with Yishi. */
  chat: z.string().trim().min(1).max(100).optional(),
  messageId: z.string().trim().min(1).max(100).optional(),
  /** Member ids @-mentioned (as a platform's mention list would carry them). */
  mentions: z.array(personId).max(50).optional(),
  /** In a group: whether Yishi was @-mentioned (default: when the text names it with @). */
  mentionedBot: z.boolean().optional(),
});

const inboxQuery = z.object({
  to: personId,
  after: z
    .string()
    .regex(/^[0-9a-f]{24}$/)
    .optional(),
});

/** A simulated resident on 微信客服: scans a community's code (`scene`), or says something (`text`). */
const kfBody = z.union([
  z.strictObject({ from: z.string().trim().min(1).max(50), scene: z.string().trim().max(64) }),
  z.strictObject({ from: z.string().trim().min(1).max(50), text: z.string() }),
]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The console platform: the local chat simulator behind `npm run chat` and the tests. It takes
 * the same path as WeCom and DingTalk after their adapters (`bot.handle`). Guarded by the admin
 * token, since it lets the caller speak as anyone.
 *
 * - `POST /console/messages` `{ from, text, chat? }` → `{ replies, duplicate }`; `from` is a
 *   member id, `resident:<name>` or `guest:<name>`.
 * - `GET /console/people` → the members, staff and admins one may speak as.
 * - `GET /console/inbox?to=<id>&after=<cursor>` → notices the outbox delivered to the console.
 * - `POST /console/kf` `{ from, scene }` (the resident scans a community's QR code) or `{ from, text }`
 *   → the simulator's 微信客服 account; what residents are sent is read from the mailbox `kf:<from>`.
 */
export function consoleRoutes(deps: ConsoleRoutesDeps): Router {
  const router = exactRouter();
  const botMention = new RegExp(`[@＠](?:${deps.messages.core.botNames.map(escapeRegExp).join('|')})`, 'i');

  router.post('/console/messages', async (ctx) => {
    const body = await jsonBody(ctx, messageBody, inboundBodyLimit(CONSOLE_INBOUND_LIMITS, deps.bodyLimitBytes));
    const from = body.from;
    const named = /^(resident|guest):(.+)$/.exec(from);
    const member = named ? null : await deps.members.findById(from);
    if (!named && (!member || !member.active)) {
      throw new YishiError('console_unknown_person', {
        status: 400,
        detail: `Unknown "from": ${from}. Use a member id, "resident:<name>" or "guest:<name>".`,
      });
    }
    const kind = body.chat ? 'group' : 'direct';
    const message: IncomingMessage = {
      platform: 'console',
      messageId: body.messageId ?? randomUUID(),
      chat: {
        id: body.chat ?? `direct:${from}`,
        kind,
        ...(body.chat ? { address: { platform: 'console', kind: 'group', id: body.chat } } : {}),
      },
      sender: {
        platformUserId: from,
        displayName: member?.name ?? named?.[2] ?? from,
        identityKey: `console:${from.replace(/^resident:/, '')}`,
        address: { platform: 'console', kind: 'user', id: from },
      },
      source: 'console',
      text: body.text.trim(),
      maxTextLength: CONSOLE_INBOUND_LIMITS.maxTextLength,
      mentionedBot: kind === 'direct' || (body.mentionedBot ?? botMention.test(body.text)),
      mentions: body.mentions ?? [],
      receivedAt: deps.clock.now(),
    };
    const handled = await deps.bot.handle(message);
    ctx.body = {
      duplicate: handled.duplicate,
      replies: handled.replies.map((reply) => ({
        text: reply.text,
        format: reply.format,
        ...(reply.mentionUserIds ? { mentionUserIds: reply.mentionUserIds } : {}),
      })),
    };
  });

  // The simulator's 微信客服 account: the same desk as WeCom's (the conversation, the 48 h / 5
  // messages rule, priorities); what it sends lands in the mailbox `kf:<from>` (GET /console/inbox).
  router.post('/console/kf', async (ctx) => {
    const body = await jsonBody(ctx, kfBody, inboundBodyLimit(CONSOLE_INBOUND_LIMITS, deps.bodyLimitBytes));
    const nonce = randomUUID();
    const base = { msgId: `console-${nonce}`, openKfId: SIMULATOR_OPEN_KFID, externalUserId: body.from, sendTime: deps.clock.now() };
    const message: ResidentMessage =
      'scene' in body
        ? {
            ...base,
            origin: KF_ORIGIN_EVENT,
            msgType: 'event',
            event: {
              type: 'enter_session',
              welcomeCode: simulatorWelcomeCode(body.from, nonce),
              ...(body.scene ? { scene: body.scene } : {}),
            },
          }
        : { ...base, origin: KF_ORIGIN_CUSTOMER, msgType: 'text', text: body.text, maxTextLength: CONSOLE_INBOUND_LIMITS.maxTextLength };
    await deps.residents.desk.handlePage([message]);
    ctx.body = { mailbox: simulatorMailbox(body.from) };
  });

  router.get('/console/people', async (ctx) => {
    const members = await deps.members.list();
    ctx.body = { people: members.map((m) => ({ id: m.id, name: m.name, role: m.role, sector: m.sector })) };
  });

  router.get('/console/inbox', async (ctx) => {
    const query = parseWith(inboxQuery, ctx.query);
    ctx.body = await deps.consoleMessages.listFor(query.to, query.after, 100);
  });

  return router;
}
