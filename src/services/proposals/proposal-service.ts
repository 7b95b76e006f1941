import type { Clock } from '../../core/clock.js';
import { beijingYear } from '../../core/dates.js';
import type { Actor } from '../../core/roles.js';
import { YishiError } from '../../core/errors.js';
import { looksLikeOpinionNumber } from '../../core/opinion-number.js';
import { lookupMemberByName } from '../../core/mentions.js';
import type { Messages } from '../../i18n/messages.js';
import type { MemberRepository } from '../members/member-records.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import type { DraftSource } from '../opinions/types.js';
import type { ProposalRecord, ProposalRepository } from './proposal-records.js';
import type { Notifier } from '../notifier.js';
import type { ActivityLedger } from '../records/activity-ledger.js';

const MAX_TITLE = 200;
const MAX_TEXT = 5000;

export interface ProposalDeps {
  proposals: ProposalRepository;
  members: MemberRepository;
  /**
   * The opinion a proposal is drafted from, as the privacy gate lets this member see it (its
   * filer, its handler or staff; text masked); throws a clear error when unknown or not theirs.
   */
  draftSource(actor: Actor, word: string, kind: 'proposal'): Promise<DraftSource>;
  /** Records on the opinion that a proposal was drafted from it (the audit trail). */
  recordDraftFrom(actor: Actor, opinion: OpinionRecord, kind: 'proposal', proposalNumber: string): Promise<void>;
  ledger: Pick<ActivityLedger, 'proposalSubmitted'>;
  notifier: Notifier;
  clock: Clock;
  messages: Messages;
}

/** What the 提案 dialogue collected, as typed. */
export interface DraftInput {
  titleOrNumber: string;
  reasons: string;
  suggestions: string;
  cosigners: string;
}

/** A checked draft, ready to store. */
export interface CheckedDraft {
  title: string;
  reasons: string;
  suggestions: string;
  coSigners: Array<{ id: string; name: string }>;
  fromOpinion?: string;
  /** The opinion it came from (for the audit entry), when drafted from one. */
  source?: OpinionRecord;
}

/**
 * 提案: members draft (from scratch or from an opinion), staff mark drafts submitted — which is
 * when a proposal counts in the author's and co-signers' records.
 */
export class ProposalService {
  constructor(private readonly deps: ProposalDeps) {}

  private get t() {
    return this.deps.messages.records.proposals;
  }

  private fail(code: string, userMessage: string, status = 400): never {
    throw new YishiError(code, { userMessage, status });
  }

  /** Checks what the dialogue collected (nothing is stored); every problem gets a clear answer. */
  async check(author: Actor, input: DraftInput): Promise<CheckedDraft> {
    const t = this.t;
    const authorId = author.memberId!;
    let title = input.titleOrNumber.trim();
    let reasons = input.reasons.trim();
    let source: OpinionRecord | undefined;
    if (looksLikeOpinionNumber(title)) {
      const { opinion, content, summary } = await this.deps.draftSource(author, title, 'proposal');
      source = opinion;
      title = t.titleFromOpinion(opinion.number, summary);
      if (t.keepWords.includes(reasons)) reasons = content;
    } else if (t.keepWords.includes(reasons)) {
      this.fail('proposal_keep_without_opinion', t.errors.keepWithoutOpinion);
    }
    const suggestions = input.suggestions.trim();
    for (const [field, value, max] of [
      ['title', title, MAX_TITLE],
      ['reasons', reasons, MAX_TEXT],
      ['suggestions', suggestions, MAX_TEXT],
    ] as const) {
      if (!value) this.fail('proposal_field_empty', t.errors.empty(t.fields[field]));
      if ([...value].length > max) this.fail('proposal_field_too_long', t.errors.tooLong(t.fields[field], max));
    }
    return {
      title,
      reasons,
      suggestions,
      coSigners: await this.readCosigners(authorId, input.cosigners),
      ...(source ? { fromOpinion: source.number, source } : {}),
    };
  }

  private async readCosigners(authorId: string, text: string): Promise<Array<{ id: string; name: string }>> {
    const words = text
      .split(/[\s、,，;；]+/)
      .map((w) => w.replace(/^[@＠]/, '').trim())
      .filter(Boolean);
    if (words.length === 0 || (words.length === 1 && this.t.noneWords.includes(words[0]!))) return [];
    const found = new Map<string, string>();
    const unknown: string[] = [];
    for (const word of words) {
      const lookup = await lookupMemberByName(this.deps.members, word);
      if (lookup.kind === 'ambiguous') this.fail('proposal_cosigner_ambiguous', this.t.errors.ambiguousCosigner(word));
      if (lookup.kind === 'none') unknown.push(word);
      else if (lookup.member.id !== authorId) found.set(lookup.member.id, lookup.member.name);
    }
    if (unknown.length > 0) this.fail('proposal_cosigner_unknown', this.t.errors.unknownCosigners(unknown.join('、')));
    return [...found].map(([id, name]) => ({ id, name }));
  }

  /** Stores the draft under the next number of the (Beijing) year; drafting from an opinion is audited on it. */
  async draft(author: Actor, input: DraftInput): Promise<ProposalRecord> {
    const checked = await this.check(author, input);
    const authorId = author.memberId!;
    const now = this.deps.clock.now();
    const year = beijingYear(now);
    const proposal = await this.deps.proposals.create(
      {
        title: checked.title,
        reasons: checked.reasons,
        suggestions: checked.suggestions,
        authorId,
        coSignerIds: checked.coSigners.map((c) => c.id),
        ...(checked.fromOpinion ? { fromOpinion: checked.fromOpinion } : {}),
      },
      now,
      year,
    );
    if (checked.source) await this.deps.recordDraftFrom(author, checked.source, 'proposal', proposal.number);
    return proposal;
  }

  /** Staff: draft → submitted; the ledger records it and the author is told. */
  async submit(word: string, staffId: string): Promise<ProposalRecord> {
    const number = word.trim().toUpperCase();
    if (!/^TA-\d{4}-\d{4,}$/.test(number)) this.fail('proposal_number_invalid', this.t.errors.badNumber(word));
    const existing = await this.deps.proposals.findByNumber(number);
    if (!existing) this.fail('proposal_not_found', this.t.errors.notFound(number), 404);
    if (existing.state === 'submitted') {
      // A submission cut short after its transition still gets its ledger entries (they are idempotent).
      await this.deps.ledger.proposalSubmitted(existing, existing.submittedAt ?? existing.updatedAt);
      this.fail('proposal_already_submitted', this.t.errors.alreadySubmitted(number), 409);
    }
    const now = this.deps.clock.now();
    const submitted = await this.deps.proposals.markSubmitted(number, staffId, now);
    if (!submitted) this.fail('proposal_already_submitted', this.t.errors.alreadySubmitted(number), 409);
    await this.deps.ledger.proposalSubmitted(submitted, now);
    await this.deps.notifier.notify(
      { kind: 'member', memberId: submitted.authorId },
      { text: this.t.submittedNotice(submitted.number, submitted.title), format: 'text' },
      { idempotencyKey: `proposal-submitted:${submitted.id}` },
    );
    return submitted;
  }

  drafts(): Promise<ProposalRecord[]> {
    return this.deps.proposals.list({ state: 'draft' }, 50);
  }
}
