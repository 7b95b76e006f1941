import { createHmac, timingSafeEqual } from 'node:crypto';
import { exactRouter } from '../../../src/http/exact-router.js';
import { readRawBody } from '../../../src/http/raw-body.js';
import { YishiError } from '../../../src/core/errors.js';
import type { PlatformContext } from '../../../src/platforms/platform-context.js';
import {
  SendError,
  UNDOCUMENTED_INBOUND_LIMITS,
  type Address,
  type IncomingMessage,
  type Platform,
  type Sender,
} from '../../../src/platforms/types.js';

// The names Fake Chat's messages and addresses go by, added to the neutral types from here.
declare module '../../../src/platforms/types.js' {
  interface PlatformNames {
    'fake-chat': true;
  }
  interface AddressFamilies {
    'fake-chat': { kind: 'user'; userId: string } | { kind: 'room'; roomId: string };
  }
}

/** Where Fake Chat's server is, and the secret it signs its callbacks with (a real platform reads these from config). */
export interface FakeChatSettings {
  serverUrl: string;
  secret: string;
}

/** What Fake Chat POSTs to `/fake-chat/events`, signed with `x-fake-signature: hex(HMAC-SHA256(secret, body))`. */
interface FakeChatEvent {
  id: string;
  /** Fake Chat's users sign in with their Yishi member id. */
  from: string;
  text: string;
  room?: string;
  mentions?: string[];
}

export function signFakeChat(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

function isSigned(secret: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(signFakeChat(secret, body.toString('utf8')));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function toIncoming(event: FakeChatEvent, receivedAt: Date): IncomingMessage {
  return {
    platform: 'fake-chat',
    messageId: event.id,
    chat: event.room
      ? { id: event.room, kind: 'group', address: { platform: 'fake-chat', kind: 'room', roomId: event.room } }
      : { id: event.from, kind: 'direct' },
    sender: {
      platformUserId: event.from,
      identityKey: `fake-chat:${event.from}`,
      address: { platform: 'fake-chat', kind: 'user', userId: event.from },
    },
    source: 'member-chat',
    text: event.text.trim(),
    maxTextLength: UNDOCUMENTED_INBOUND_LIMITS.maxTextLength,
    mentionedBot: true,
    mentions: event.mentions ?? [],
    receivedAt,
  };
}

/** Posts to Fake Chat's `POST /messages`; a user or a room. */
function fakeChatSender(settings: FakeChatSettings): Sender {
  return {
    async send(to: Address, message) {
      if (to.platform !== 'fake-chat') throw new SendError(`Fake Chat cannot deliver to ${to.platform}`, 'wrong_platform', false);
      const response = await fetch(`${settings.serverUrl}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.secret}` },
        body: JSON.stringify({ to, text: message.text }),
      });
      if (!response.ok) throw new SendError(`Fake Chat answered ${response.status}`, 'fake_chat_refused', response.status >= 500);
    },
  };
}

/** Fake Chat: a platform made for the test that adds a platform to Yishi. */
export function fakeChatPlatform(settings: FakeChatSettings): Platform<PlatformContext> {
  return {
    name: 'fake-chat',
    delivers: ['fake-chat'],
    inboundLimits: UNDOCUMENTED_INBOUND_LIMITS,
    identify: async (message, members) => {
      const member = await members.findById(message.sender.platformUserId);
      return member ? { kind: 'member', member } : { kind: 'guest' };
    },
    findMember: (platformUserId, members) => members.findById(platformUserId),
    memberAddress: (member) => ({ platform: 'fake-chat', kind: 'user', userId: member.id }),
    connect: ({ bot, clock }) => {
      const router = exactRouter();
      router.post('/fake-chat/events', async (ctx) => {
        const body = await readRawBody(ctx, UNDOCUMENTED_INBOUND_LIMITS.maxBodyBytes);
        if (!isSigned(settings.secret, body, ctx.get('x-fake-signature')))
          throw new YishiError('fake_chat_signature_invalid', { status: 401, detail: 'Fake Chat callback refused: bad signature' });
        const handled = await bot.handle(toIncoming(JSON.parse(body.toString('utf8')) as FakeChatEvent, clock.now()));
        ctx.body = { replies: handled.replies.map((reply) => reply.text) };
      });
      return { routers: [router], senders: { 'fake-chat': fakeChatSender(settings) } };
    },
  };
}
