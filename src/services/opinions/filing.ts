import { beijingYear } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { classify, findSimilar } from './classification.js';
import type { OpinionNotices } from './notifications.js';
import { audienceOf } from '../privacy/privacy-gate.js';
import { firstMobile } from '../privacy/resident-contact.js';
import { assertState, auditEntry, callerIdentity, filerAddress, loadOpinion, sourceOf, viewerOf } from './support.js';
import { MAX_CONTENT_CHARS, OPEN_STATES, type Caller, type OpinionDeps, type OpinionRecord } from './types.js';

export type FilingResult =
  | { kind: 'filed'; opinion: OpinionRecord; onDutyNotified: boolean }
  /** A similar open opinion exists: nothing stored yet; the filer may +1 it or file anyway. */
  | { kind: 'similar'; similar: OpinionRecord; summary: string };

interface Draft {
  content: string;
  tags: string[];
}

const DRAFT_TTL_MS = 30 * 60 * 1000;
const draftKey = (caller: Caller) => `opinions:draft:${caller.message.platform}:${caller.message.sender.platformUserId}`;

/** Refuses empty or over-long content with a clear answer, before anything is stored or numbered. */
export function assertContent(deps: OpinionDeps, content: string | undefined): string {
  const t = deps.messages.opinions.errors;
  const text = (content ?? '').trim();
  if (!text) throw new YishiError('opinion_content_empty', { userMessage: t.emptyContent });
  if ([...text].length > MAX_CONTENT_CHARS)
    throw new YishiError('opinion_content_too_long', { userMessage: t.tooLong([...text].length, MAX_CONTENT_CHARS) });
  return text;
}

/** 反映: classify, offer a +1 on a similar open opinion, or store with the next number of the year. */
export async function fileOpinion(
  deps: OpinionDeps,
  notices: OpinionNotices,
  caller: Caller,
  content: string | undefined,
  tags: readonly string[],
  force = false,
): Promise<FilingResult> {
  const text = assertContent(deps, content);
  const now = deps.clock.now();
  const { community, category } = await classify(deps, text, tags, caller.message.scene);
  if (!force) {
    const similar = await findSimilar(deps, text, community);
    if (similar) {
      await deps.coordination.setState<Draft>(draftKey(caller), { content: text, tags: [...tags] }, DRAFT_TTL_MS);
      const audience = audienceOf(await viewerOf(deps, caller, similar));
      return { kind: 'similar', similar, summary: await deps.privacy.summary(similar, audience) };
    }
  }
  const filer = await callerIdentity(deps, caller);
  if (filer.kind === 'resident') {
    // Kept on the resident (never in a group message) for 查看联系方式, and stored before any
    // notice is built, so the privacy gate already knows the name it must mask.
    const phone = firstMobile(text);
    const name = caller.actor.name !== caller.message.sender.platformUserId ? caller.actor.name : undefined;
    if (phone || name) await deps.residents.updateContact(filer.id, { ...(name ? { name } : {}), ...(phone ? { phone } : {}) });
  }
  const onDuty = filer.kind === 'resident' ? await deps.findOnDuty(now) : null;
  const address = filerAddress(caller.message);
  const audit = await auditEntry(deps, caller, null, 'submitted', 'file');
  const opinion = await deps.opinions.create(
    {
      content: text,
      source: sourceOf(caller.message),
      filer,
      ...(address ? { filerAddress: address } : {}),
      ...(community ? { community } : {}),
      ...(category ? { category } : {}),
      ...(onDuty ? { queueMemberId: onDuty.memberId } : {}),
    },
    audit,
    now,
    beijingYear(now),
  );
  await deps.ledger?.opinionFiled(opinion); // 履职台账
  await notices.tellStaffNew(opinion);
  if (onDuty) await notices.tellOnDuty(opinion, onDuty.memberId);
  return { kind: 'filed', opinion, onDutyNotified: onDuty !== null };
}

/** 仍要提交: files the draft kept when a similar opinion was offered. */
export async function fileDraftAnyway(deps: OpinionDeps, notices: OpinionNotices, caller: Caller): Promise<FilingResult> {
  const draft = await deps.coordination.getState<Draft>(draftKey(caller));
  if (!draft) throw new YishiError('opinion_no_draft', { userMessage: deps.messages.opinions.errors.noDraft });
  await deps.coordination.deleteState(draftKey(caller));
  return fileOpinion(deps, notices, caller, draft.content, draft.tags, true);
}

/** 附议: one +1 per person on an open opinion; the count surfaces popular issues. */
export async function plusOne(deps: OpinionDeps, caller: Caller, word: string): Promise<OpinionRecord> {
  const t = deps.messages.opinions;
  const opinion = await loadOpinion(deps, word);
  assertState(deps, opinion, OPEN_STATES, t.actions.plusOne);
  const who = await callerIdentity(deps, caller);
  if (who.id === opinion.filer.id) throw new YishiError('opinion_own', { userMessage: t.errors.ownOpinion(opinion.number) });
  if (!(await deps.opinions.addPlusOne(opinion.id, who.id, deps.clock.now()))) {
    throw new YishiError('opinion_plus_one_twice', { userMessage: t.errors.alreadyPlusOne(opinion.number) });
  }
  await deps.coordination.deleteState(draftKey(caller));
  return (await deps.opinions.findById(opinion.id)) ?? opinion;
}
