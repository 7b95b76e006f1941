import type { Messages } from '../i18n/messages.js';
import type { MemberRepository } from './members/member-records.js';
import type { Recipient } from './notifier.js';

type FailureWords = Messages['outbox']['failure'];

/** Platform error codes (SendError.code, as the dispatcher writes them into lastError) → the sentence. */
const CODE_REASONS: Array<[RegExp, keyof FailureWords]> = [
  [/robot_broken|wrong_address|webhook|response_url_invalid/, 'robotBroken'],
  [/rate_limited|throttled|rate limited/, 'rateLimited'],
  [/unreachable|http_error|bad_answer|ECONNREFUSED|ETIMEDOUT/, 'unreachable'],
  [/token_invalid|token_unavailable/, 'credentials'],
  [/receiver_invalid|wrong_platform/, 'receiverInvalid'],
  [/no_sender/, 'noSender'],
  [/too_large/, 'tooLarge'],
  [/resident_notice_dropped/, 'residentNoticeDropped'],
];

function simple(words: FailureWords, key: keyof FailureWords): string {
  const value = words[key];
  return typeof value === 'string' ? value : words.other;
}

/**
 * Why a notice failed, as a sentence for the office. The dispatcher keeps the platform's own words
 * in `lastError` (English, for the log and the CLI); this reads them into the office's language.
 */
export function explainFailure(lastError: string | undefined, t: Messages): string {
  const words = t.outbox.failure;
  const text = lastError ?? '';
  const gaveUp = /^gave up after (\d+) attempts; last error (.*)$/s.exec(text);
  if (gaveUp) return words.gaveUp(Number(gaveUp[1]), explainFailure(gaveUp[2], t));
  if (/^member \S+ does not exist/.test(text)) return words.memberMissing;
  if (/^member \S+ is no longer active/.test(text)) return words.memberInactive;
  if (/^member \S+ is reachable on no platform/.test(text)) return words.memberNoPlatform;
  if (/^resident \S+ does not exist/.test(text)) return words.residentMissing;
  if (/^resident \S+ was erased/.test(text)) return words.residentErased;
  const group = /^group "([^"]+)" (does not exist)?/.exec(text);
  if (group) return group[2] ? words.groupMissing(group[1]!) : words.groupNoChannel(group[1]!);
  const known = CODE_REASONS.find(([pattern]) => pattern.test(text));
  return simple(words, known ? known[1] : 'other');
}

/** Who a notice was for, as the office reads it (never a resident's contact details). */
export async function describeRecipient(recipient: Recipient, members: MemberRepository, t: Messages): Promise<string> {
  switch (recipient.kind) {
    case 'member':
      return (await members.findById(recipient.memberId))?.name ?? recipient.memberId;
    case 'group':
      return `#${recipient.groupKey}`;
    case 'resident':
      return `${t.outbox.failure.recipientResident} …${recipient.residentId.slice(-6)}`;
    case 'address':
      // A resident's 微信客服 conversation (the filer's address): masked like a resident by id.
      if (recipient.address.platform === 'wecom-kf')
        return `${t.outbox.failure.recipientResident} …${recipient.address.externalUserId.slice(-6)}`;
      return recipient.address.platform;
  }
}
