import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import { isOpinionNumber } from '../../core/opinion-number.js';
import type { Messages } from '../../i18n/messages.js';
import type { MemberRecord, MemberRepository } from '../members/member-records.js';
import type { OpinionRepository } from '../opinions/opinion-records.js';
import type { ResidentRecord, ResidentRepository } from '../residents/resident-records.js';
import { maskContactDetails } from './contact-details.js';
import type { ErasureLog, ErasureRecord, ErasureSubject } from './erasure-records.js';
import { maskKnownNames, maskSelfIntroductions } from './names.js';

/** Who asks for an erasure and why (the reason is required: it is the audit's point). */
export interface ErasureRequest {
  reason: string;
  /** The operator's name, when the request gives one; else `admin-api`. */
  by?: string;
}

/** What an erasure did: `erased` the first time, `already` when nothing of the person was left. */
export interface ErasureOutcome {
  outcome: 'erased' | 'already';
  erasure: ErasureRecord;
}

/**
 * What a residents' channel keeps about a resident outside the resident record (微信客服: the send
 * allowance, held notices, photos). Each platform that keeps such things gives one.
 */
export interface ResidentChannelEraser {
  /** Erases what the channel keeps for the resident; names what held something (for the erasure log). */
  erase(resident: ResidentRecord): Promise<string[]>;
}

export interface PersonErasureDeps {
  members: Pick<MemberRepository, 'findById' | 'erasePersonalData'>;
  residents: Pick<ResidentRepository, 'findById' | 'forgetIdentity'>;
  /** Every channel that keeps something of residents beyond their record. */
  channels: readonly ResidentChannelEraser[];
  opinions: Pick<OpinionRepository, 'anonymisePerson' | 'findByNumber'>;
  erasures: ErasureLog;
  clock: Clock;
  messages: Messages;
}

/** What the opinions lose when a person is erased from them. */
const OPINION_FIELDS = ['opinions.audit.whoName', 'opinions.filerAddress', 'opinions.content (contact details and name masked)'];

/** The text of an opinion the person filed, with their contact details and name masked as groups see them. */
const scrubbed =
  (names: readonly (string | undefined)[]) =>
  (text: string): string =>
    maskSelfIntroductions(
      maskKnownNames(
        maskContactDetails(text),
        names.filter((name): name is string => name !== undefined),
      ),
    );

/**
 * Erasing a person's personal data: a separate, audited admin act, never a side effect of
 * deactivation. The record stays under its id with a placeholder name, so opinions they filed or
 * handled and their 履职档案 (which refer to the id) keep their history, now anonymised. Each
 * erasure writes one entry to the erasure log (who, when, why, what); asking again when nothing is
 * left changes nothing and answers the earlier entry.
 *
 * @example
 * const { outcome, erasure } = await erasure.eraseMember(memberId, { reason: '本人申请删除个人信息', by: '李主任' });
 */
export class PersonErasure {
  constructor(private readonly deps: PersonErasureDeps) {}

  private get t() {
    return this.deps.messages.operations.erasePerson;
  }

  /** Erases a deactivated member: name → placeholder, phone and platform ids removed, opinions anonymised. */
  async eraseMember(id: string, request: ErasureRequest): Promise<ErasureOutcome> {
    const reason = this.reasonOf(request);
    const member = await this.deps.members.findById(id);
    if (!member) throw new YishiError('member_not_found', { status: 404, userMessage: this.t.memberNotFound(id) });
    if (member.active) throw new YishiError('member_still_active', { status: 409, userMessage: this.t.stillActive(member.name) });
    const placeholder = this.t.memberPlaceholder;
    const erased = personalFieldsOf(member, placeholder);
    if (erased.length > 0) await this.deps.members.erasePersonalData(member.id, placeholder);
    const opinions = await this.deps.opinions.anonymisePerson(
      member.id,
      placeholder,
      scrubbed([member.name === placeholder ? undefined : member.name]),
    );
    return this.logged('member', member.id, { reason, by: request.by }, erased, opinions);
  }

  /**
   * Erases a resident: name, phone, platform identity and address, what their channel keeps of
   * them (photos, held notices, send allowance), and the address they filed from on their opinions.
   * `idOrOpinionNumber` is the resident id, or the number of an opinion the resident filed.
   */
  async eraseResident(idOrOpinionNumber: string, request: ErasureRequest): Promise<ErasureOutcome> {
    const reason = this.reasonOf(request);
    const notFound = () => new YishiError('resident_not_found', { status: 404, userMessage: this.t.residentNotFound(idOrOpinionNumber) });
    let residentId = idOrOpinionNumber;
    if (isOpinionNumber(idOrOpinionNumber)) {
      const opinion = await this.deps.opinions.findByNumber(idOrOpinionNumber);
      if (!opinion || opinion.filer.kind !== 'resident') throw notFound();
      residentId = opinion.filer.id;
    }
    const resident = await this.deps.residents.findById(residentId);
    if (!resident) throw notFound();
    const erased: string[] = (['name', 'phone', 'address'] as const).filter((field) => resident[field] !== undefined);
    if (!resident.identityKey.startsWith('erased:')) erased.push('identityKey');
    for (const channel of this.deps.channels) erased.push(...(await channel.erase(resident)));
    if (erased.length > 0) await this.deps.residents.forgetIdentity(resident.id);
    const opinions = await this.deps.opinions.anonymisePerson(resident.id, this.t.residentPlaceholder, scrubbed([resident.name]));
    return this.logged('resident', resident.id, { reason, by: request.by }, erased, opinions);
  }

  private reasonOf(request: ErasureRequest): string {
    const reason = request.reason.trim();
    if (!reason) throw new YishiError('erase_reason_required', { status: 400, userMessage: this.t.reasonRequired });
    return reason;
  }

  private async logged(
    subject: ErasureSubject,
    subjectId: string,
    request: ErasureRequest,
    erased: string[],
    opinions: number,
  ): Promise<ErasureOutcome> {
    if (erased.length === 0 && opinions === 0) {
      const earlier = (await this.deps.erasures.listFor(subject, subjectId)).at(-1);
      if (earlier) return { outcome: 'already', erasure: earlier };
    }
    const erasure = await this.deps.erasures.append({
      subject,
      subjectId,
      by: request.by?.trim() || 'admin-api',
      reason: request.reason,
      erased: opinions > 0 ? [...erased, ...OPINION_FIELDS] : erased,
      opinions,
      at: this.deps.clock.now(),
    });
    return { outcome: 'erased', erasure };
  }
}

/** The member's fields that still hold personal data. */
function personalFieldsOf(member: MemberRecord, placeholder: string): string[] {
  const fields: string[] = member.name === placeholder ? [] : ['name'];
  for (const field of ['phone', 'wecomUserId', 'dingtalkStaffId'] as const) if (member[field] !== undefined) fields.push(field);
  return fields;
}
