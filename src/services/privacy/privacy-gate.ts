import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { DraftKind, OpinionRecord } from '../opinions/types.js';
import { maskContactDetails } from './contact-details.js';
import { maskKnownNames, maskSelfIntroductions } from './names.js';

/**
 * Who is looking at an opinion, as far as privacy goes:
 * - `filer`: the person who filed it, in a direct chat — their own words as typed;
 * - `caseworker`: the handler or staff in a direct chat, exports, proposal drafts — the whole
 *   text with contact details and the resident's name masked (the contact itself only through
 *   the audited 查看联系方式);
 * - `public`: any group, other members, other residents — a one-line summary, masked the same way.
 */
export type Audience = 'filer' | 'caseworker' | 'public';

/** Where and who: the facts the gate decides on. */
export interface Viewer {
  chat: 'direct' | 'group';
  isStaff: boolean;
  isFiler: boolean;
  isHandler: boolean;
}

/** A group never sees more than the public; in a direct chat it depends on who is asking. */
export function audienceOf(viewer: Viewer): Audience {
  if (viewer.chat === 'group') return 'public';
  if (viewer.isFiler) return 'filer';
  if (viewer.isStaff || viewer.isHandler) return 'caseworker';
  return 'public';
}

/** Characters of the one-line summary groups and others see. */
export const SUMMARY_CHARS = 40;

/** Contact details, then the known names, then names introduced in the text: all masked. */
export function maskPrivate(text: string, privateNames: readonly string[]): string {
  return maskSelfIntroductions(maskKnownNames(maskContactDetails(text), privateNames));
}

/** One line, at most `chars` characters (masking first, so a cut never leaves half a number). */
export function summarize(text: string, chars = SUMMARY_CHARS): string {
  const line = [...text.replace(/\s+/g, ' ').trim()];
  return line.length > chars ? `${line.slice(0, chars).join('')}…` : line.join('');
}

/** What an audience may read of a text about an opinion (its content, result or a note). */
export function gateText(text: string, audience: Audience, privateNames: readonly string[]): string {
  return audience === 'filer' ? text : maskPrivate(text, privateNames);
}

/** The one-line summary an audience may read. */
export function gateSummary(text: string, audience: Audience, privateNames: readonly string[], chars = SUMMARY_CHARS): string {
  return summarize(gateText(text, audience, privateNames), chars);
}

export interface PrivacyGateDeps {
  residents: {
    findById(id: string): Promise<{ name?: string } | null>;
    findByIds?(ids: readonly string[]): Promise<Array<{ id: string; name?: string }>>;
  };
  messages: Messages;
}

/**
 * The one place that decides what of an opinion and its filer each audience may see: notices,
 * chat views, proposal drafts, exports and logs all take their text from here, and 查看联系方式
 * and 提案 ask it first.
 *
 * @example
 * const line = await gate.summary(opinion, 'public'); // for a group notice
 */
export class PrivacyGate {
  constructor(private readonly deps: PrivacyGateDeps) {}

  /** Names that must never reach anyone but the filer: a resident filer's stored name. */
  async privateNames(opinion: OpinionRecord): Promise<string[]> {
    if (opinion.filer.kind !== 'resident') return [];
    const resident = await this.deps.residents.findById(opinion.filer.id);
    return resident?.name ? [resident.name] : [];
  }

  /** The content as the audience may read it (whole for filer and caseworkers, a summary otherwise). */
  async content(opinion: OpinionRecord, audience: Audience): Promise<string> {
    const names = await this.privateNames(opinion);
    return audience === 'public' ? gateSummary(opinion.content, audience, names) : gateText(opinion.content, audience, names);
  }

  /** The one-line summary of the content for this audience. */
  async summary(opinion: OpinionRecord, audience: Audience, chars = SUMMARY_CHARS): Promise<string> {
    return gateSummary(opinion.content, audience, await this.privateNames(opinion), chars);
  }

  /** Any other text about the opinion (its result, a reason, an audit note) for this audience. */
  async text(opinion: OpinionRecord, text: string, audience: Audience): Promise<string> {
    return audience === 'filer' ? text : gateText(text, audience, await this.privateNames(opinion));
  }

  /** Content and result of many opinions for an export (one look-up of residents' names). */
  async forExport<T extends Pick<OpinionRecord, 'content' | 'filer'> & { result?: string; ratingReason?: string; reopenReason?: string }>(
    opinions: readonly T[],
  ): Promise<Array<{ content: string; result: string; ratingReason: string; reopenReason: string }>> {
    const residentIds = [...new Set(opinions.filter((o) => o.filer.kind === 'resident').map((o) => o.filer.id))];
    const names = new Map<string, string>();
    if (residentIds.length > 0 && this.deps.residents.findByIds) {
      for (const r of await this.deps.residents.findByIds(residentIds)) if (r.name) names.set(r.id, r.name);
    } else {
      for (const id of residentIds) {
        const r = await this.deps.residents.findById(id);
        if (r?.name) names.set(id, r.name);
      }
    }
    return opinions.map((o) => {
      const known = o.filer.kind === 'resident' && names.has(o.filer.id) ? [names.get(o.filer.id)!] : [];
      const masked = (text: string | undefined) => (text ? maskPrivate(text, known) : '');
      return {
        content: maskPrivate(o.content, known),
        result: masked(o.result),
        ratingReason: masked(o.ratingReason),
        reopenReason: masked(o.reopenReason),
      };
    });
  }

  /** What a log line may say about an opinion: its number and state, never its text or filer. */
  forLog(opinion: Pick<OpinionRecord, 'number' | 'state'>): { opinion: string; state: string } {
    return { opinion: opinion.number, state: opinion.state };
  }

  /**
   * 查看联系方式: only staff or the assigned handler, and only in a direct chat; in a group a
   * polite refusal that says to ask in private. Throws before anything is read or recorded.
   */
  assertMayRevealContact(viewer: Viewer, opinion: OpinionRecord): void {
    const t = this.deps.messages.privacy;
    if (viewer.chat === 'group') {
      throw new YishiError('contact_in_group', { userMessage: t.contactInGroup(opinion.number), status: 403 });
    }
    if (!viewer.isStaff && !viewer.isHandler) {
      throw new YishiError('opinion_not_yours', { userMessage: t.contactNotYours(opinion.number), status: 403 });
    }
  }

  /**
   * 提案 or 社情民意信息 from an opinion: its filer, its handler, or staff (who then read it as
   * caseworkers).
   */
  assertMayDraftFrom(viewer: Omit<Viewer, 'chat'>, opinion: OpinionRecord, kind: DraftKind): void {
    if (viewer.isStaff || viewer.isFiler || viewer.isHandler) return;
    const t = this.deps.messages.privacy;
    throw new YishiError(kind === 'proposal' ? 'proposal_opinion_not_yours' : 'social_report_opinion_not_yours', {
      userMessage: t.draftNotYours(opinion.number, t.draftKinds[kind]),
      status: 403,
    });
  }
}
