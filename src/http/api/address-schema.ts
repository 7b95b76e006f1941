import { z } from 'zod';
import type { Address } from '../../platforms/types.js';

const id = (what: string) =>
  z
    .string({ error: `is required: the ${what}` })
    .trim()
    .min(1, `is required: the ${what}`)
    .max(512)
    .regex(/^\S+$/, `must be the ${what} without spaces`);

/**
 * One {@link Address}, as the admin API accepts it (e.g. a group's channel). Unknown fields are
 * refused so a typo such as `webhookkey` is reported instead of silently dropped.
 */
export const addressSchema: z.ZodType<Address> = z.discriminatedUnion(
  'platform',
  [
    z.strictObject({ platform: z.literal('wecom-app'), kind: z.literal('user'), userId: id('WeCom userid') }),
    z.strictObject({
      platform: z.literal('wecom-group-robot'),
      kind: z.literal('group'),
      webhookKey: id('group robot webhook key (the key=… part of its URL)'),
    }),
    z.strictObject({
      platform: z.literal('wecom-bot'),
      kind: z.literal('response-url'),
      url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    }),
    z.discriminatedUnion(
      'kind',
      [
        z.strictObject({ platform: z.literal('wecom-aibot'), kind: z.literal('group'), chatId: id('smart robot chatid') }),
        z.strictObject({ platform: z.literal('wecom-aibot'), kind: z.literal('user'), userId: id('WeCom userid') }),
      ],
      { error: 'must be "group" (with chatId) or "user" (with userId) for the smart robot\'s long connection' },
    ),
    z.strictObject({
      platform: z.literal('wecom-kf'),
      kind: z.literal('customer'),
      openKfId: id('open_kfid'),
      externalUserId: id('external_userid'),
    }),
    z.discriminatedUnion(
      'kind',
      [
        z.strictObject({ platform: z.literal('dingtalk'), kind: z.literal('user'), staffId: id('DingTalk staffId') }),
        z.strictObject({
          platform: z.literal('dingtalk'),
          kind: z.literal('group'),
          openConversationId: id('DingTalk openConversationId'),
        }),
      ],
      { error: 'must be "user" (with staffId) or "group" (with openConversationId) for DingTalk' },
    ),
    z.strictObject({
      platform: z.literal('dingtalk-custom-robot'),
      kind: z.literal('group'),
      accessToken: id('custom robot access_token'),
      secret: id('custom robot signing secret (starts with SEC)').optional(),
    }),
    z.strictObject({ platform: z.literal('console'), kind: z.enum(['user', 'group']), id: id('console chat id') }),
  ],
  {
    error:
      'platform must be one of wecom-app, wecom-group-robot, wecom-bot, wecom-aibot, wecom-kf, dingtalk, dingtalk-custom-robot, console',
  },
);
