import type { Clock } from '../../core/clock.js';
import { beijingTimeOfDay } from '../../core/dates.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { IncomingMessage } from '../../platforms/types.js';
import type { DictionaryRepository } from '../opinions/dictionary-records.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import type { OpinionService } from '../opinions/opinion-service.js';
import { residentIdentity } from '../opinions/support.js';
import type { Caller } from '../opinions/types.js';
import type { ResidentFilingLimit } from './filing-limit.js';
import type { ResidentRepository } from './resident-records.js';

/** Photos kept with the opinion they came with. */
export interface PhotoStore {
  add(photos: Array<{ opinionNumber: string; residentId: string; mediaId: string; receivedAt: Date }>): Promise<void>;
}

export interface ResidentFilingDeps {
  opinions: OpinionService;
  communities: DictionaryRepository;
  residents: ResidentRepository;
  photos: PhotoStore;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  /** The one gate before anything new is filed (RESIDENT_OPINIONS_PER_HOUR). */
  filingLimit: ResidentFilingLimit;
}

/** What a resident's filing holds once they have said everything (the dialogue's answers). */
export interface ResidentReport {
  content: string;
  /** The community's name; undefined when the resident is not sure. */
  community?: string;
  photos: readonly string[];
  phone?: string;
  name?: string;
}

/** What filing came to: the opinion, or a similar one open already (the resident chooses). */
export type FilingOutcome =
  | { kind: 'filed'; opinion: OpinionRecord; onDutyNotified: boolean }
  | { kind: 'similar'; number: string; summary: string; plusOnes: number };

/**
 * The service side of a resident's filing on the customer-service account, as the residents'
 * filing dialogue (`commands/residents/resident-file.ts`) calls it: the hourly limit, the checks
 * on what they said, the communities to choose from, filing (or +1 on a similar opinion), and the
 * contact and photos kept on the resident record and by opinion number.
 *
 * @example
 * const outcome = await filing.file(message, { content, community, photos: [] });
 */
export class ResidentFiling {
  constructor(private readonly deps: ResidentFilingDeps) {}

  /** The opinion service's caller: the name stays the platform id, so the service stores no name of its own. */
  caller(message: IncomingMessage): Caller {
    const id = message.sender.platformUserId;
    return { actor: { role: 'resident', name: id, platform: message.platform, platformUserId: id }, message };
  }

  /** The community of the QR code the resident scanned (a code or an id), if known. */
  async sceneCommunity(scene: string | undefined): Promise<string | undefined> {
    if (!scene) return undefined;
    const found = (await this.deps.communities.list()).find((c) => c.code === scene || c.id === scene);
    return found?.name;
  }

  /** The communities a resident chooses from, in the dictionary's order. */
  communityNames(): Promise<string[]> {
    return this.deps.opinions.communityNames();
  }

  /** What they said, checked (length, sensitive words), kept as typed; throws a user-facing error otherwise. */
  checkContent(text: string): string {
    return this.deps.opinions.checkContent(text);
  }

  /** Over the hourly limit: the answer to give instead; undefined when they may file. */
  async overLimit(message: IncomingMessage, moment: 'start' | 'file'): Promise<string | undefined> {
    const next = await this.deps.filingLimit.nextSlot(message);
    if (!next) return undefined;
    this.deps.logger.info({ msgId: message.messageId, moment }, 'a resident reached the hourly limit of new opinions; nothing filed');
    const { hour, minute } = beijingTimeOfDay(next);
    const time = `${hour}:${String(minute).padStart(2, '0')}`;
    const t = this.deps.messages.residentLimits;
    const perHour = this.deps.filingLimit.perHour;
    return moment === 'start' ? t.tooManyToStart(perHour, time) : t.tooManyToFile(perHour, time);
  }

  /** Files the report, or finds a similar open opinion first (nothing filed then). */
  async file(message: IncomingMessage, report: ResidentReport): Promise<FilingOutcome> {
    const count = report.photos.length;
    const content = count > 0 ? `${report.content}\n${this.deps.messages.residents.photoNote(count)}` : report.content;
    // Name and phone first: the privacy gate then knows the name to mask in the staff group's notice.
    await this.keepContact(message, report);
    const caller = this.caller(message);
    const result = await this.deps.opinions.file(caller, content, report.community ? [report.community] : []);
    if (result.kind === 'similar')
      return { kind: 'similar', number: result.similar.number, summary: result.summary, plusOnes: result.similar.plusOnes.count };
    await this.keepDetails(message, report, result.opinion);
    return { kind: 'filed', opinion: result.opinion, onDutyNotified: result.onDutyNotified };
  }

  /** After a similar opinion was shown: their own opinion after all. */
  async fileAnyway(message: IncomingMessage, report: ResidentReport): Promise<FilingOutcome> {
    const result = await this.deps.opinions.fileAnyway(this.caller(message));
    if (result.kind === 'similar')
      return { kind: 'similar', number: result.similar.number, summary: result.summary, plusOnes: result.similar.plusOnes.count };
    await this.keepDetails(message, report, result.opinion);
    return { kind: 'filed', opinion: result.opinion, onDutyNotified: result.onDutyNotified };
  }

  /** After a similar opinion was shown: the same matter, counted once more. */
  async plusOne(message: IncomingMessage, report: ResidentReport, number: string): Promise<OpinionRecord> {
    const opinion = await this.deps.opinions.plusOne(this.caller(message), number);
    await this.keepDetails(message, report, opinion);
    return opinion;
  }

  /** Name and phone go on the resident record once (never on the opinion). */
  private async keepContact(message: IncomingMessage, report: ResidentReport): Promise<string> {
    const { identityKey, address } = residentIdentity(message);
    const resident = await this.deps.residents.findOrCreate(identityKey, address);
    if (report.phone)
      await this.deps.residents.updateContact(resident.id, { phone: report.phone, ...(report.name ? { name: report.name } : {}) });
    return resident.id;
  }

  /** Contact details on the resident record; photos by opinion number. */
  private async keepDetails(message: IncomingMessage, report: ResidentReport, opinion: OpinionRecord): Promise<void> {
    const residentId = await this.keepContact(message, report);
    const receivedAt = this.deps.clock.now();
    await this.deps.photos.add(report.photos.map((mediaId) => ({ opinionNumber: opinion.number, residentId, mediaId, receivedAt })));
  }
}
