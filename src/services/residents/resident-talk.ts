import type { Clock } from '../../core/clock.js';
import { beijingTimeOfDay } from '../../core/dates.js';
import { pickChoice, type Choice } from '../../core/dialogue.js';
import { isYishiError } from '../../core/errors.js';
import { foldWidth } from '../../core/parser.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { IncomingMessage } from '../../platforms/types.js';
import type { Coordination } from '../../core/coordination.js';
import type { ResidentConversation } from '../../core/resident-conversation.js';
import type { DictionaryRepository } from '../opinions/dictionary-records.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import type { ResidentRepository } from './resident-records.js';
import type { OpinionService } from '../opinions/opinion-service.js';
import { residentIdentity } from '../opinions/support.js';
import type { Caller } from '../opinions/types.js';
import type { ResidentFilingLimit } from './filing-limit.js';
import { maskContact, readPhoneAndName } from '../privacy/resident-contact.js';
import { ResidentFollowUp } from './resident-follow-up.js';
import { findTypedOpinionNumber } from '../../core/opinion-number.js';
import type { ShiftView } from '../roster/format.js';
import { isOneOf, questionIn, ratingIn, ratingWordIn, type PlainWords, type Rating } from './plain-words.js';
import { ResidentQuestions } from './resident-questions.js';
import { ResidentDrafts, type Draft } from './resident-drafts.js';

/** One message from a resident on the customer-service account, as the conversation reads it. */
interface ResidentTurn {
  /** The customer (the chat is the kf account, the sender the customer): their filing in progress is kept by it. */
  openKfId: string;
  externalUserId: string;
  msgId: string;
  /** '' for a photo. */
  text: string;
  mediaId?: string;
  /** The QR scene the resident came from (a community code or id), if known. */
  scene?: string;
  /** The message as the bot had it: the opinion service's caller. */
  message: IncomingMessage;
}

/** Photos kept with the opinion they came with. */
export interface PhotoStore {
  add(photos: Array<{ opinionNumber: string; residentId: string; mediaId: string; receivedAt: Date }>): Promise<void>;
}

export interface ResidentTalkDeps {
  opinions: OpinionService;
  communities: DictionaryRepository;
  residents: ResidentRepository;
  photos: PhotoStore;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  /** The one gate before anything new is filed (RESIDENT_OPINIONS_PER_HOUR). */
  filingLimit: ResidentFilingLimit;
  /** The shifts between two Beijing dates (the roster's listRange), for 今天谁值班. */
  shifts: (from: string, to: string) => Promise<ShiftView[]>;
  /** 协商成果 of an opinion in plain words, shown with its progress. */
  outcomeLines?: (opinionNumber: string) => Promise<string[]>;
}

const NOT_SURE = '-';
/** Shorter than this, a first message is a greeting rather than a report. */
const MIN_REPORT_CHARS = 5;

/** An answer this short is read as a rating or a request, never as a report. */
const SHORT_ANSWER_CHARS = 8;

/**
 * The residents' conversation: greeting → what happened → where (from the QR scene, else a
 * numbered list) → a photo if they like → a phone number if they want a call back → confirm →
 * the number and what happens next. Outside a filing it answers 进度, 我的反映, a number,
 * 满意/基本满意/不满意 and 重新办理, and questions (谁值班, 怎么联系). Residents never need command
 * syntax: yes, no and the rest are read in their everyday forms (plain-words.ts).
 */
export class ResidentTalk implements ResidentConversation {
  private readonly followUp: ResidentFollowUp;
  private readonly questions: ResidentQuestions;
  private readonly drafts: ResidentDrafts;

  constructor(private readonly deps: ResidentTalkDeps) {
    this.drafts = new ResidentDrafts({ coordination: deps.coordination, clock: deps.clock });
    const now = () => deps.clock.now();
    this.followUp = new ResidentFollowUp({
      opinions: deps.opinions,
      messages: deps.messages,
      now,
      ...(deps.outcomeLines ? { outcomeLines: deps.outcomeLines } : {}),
    });
    this.questions = new ResidentQuestions({ shifts: deps.shifts, followUp: this.followUp, messages: deps.messages, now });
  }

  private get t() {
    return this.deps.messages.residents;
  }

  private get w(): PlainWords {
    return this.deps.messages.residents.words;
  }

  /**
   * The reply to one message the bot hands over (one text; the platform sends it as one kf message):
   * the welcome for `enter_session`, else the conversation's next step.
   */
  async answer(message: IncomingMessage): Promise<string> {
    if (message.event) return message.event.type === 'enter_session' ? this.t.welcome(await this.communityOf(message.scene)) : '';
    return this.handle({
      openKfId: message.chat.id,
      externalUserId: message.sender.platformUserId,
      msgId: message.messageId,
      text: message.image ? '' : message.text,
      ...(message.image ? { mediaId: message.image.mediaId } : {}),
      ...(message.scene ? { scene: message.scene } : {}),
      message,
    });
  }

  private async handle(turn: ResidentTurn): Promise<string> {
    try {
      return await this.respond(turn);
    } catch (error) {
      if (isYishiError(error) && error.userMessage) return error.userMessage;
      this.deps.logger.error({ err: error, msgId: turn.msgId }, 'the resident conversation failed');
      return this.deps.messages.core.apology;
    }
  }

  private caller(turn: ResidentTurn): Caller {
    // The name stays the platform id: the opinion service then stores no name of its own.
    const id = turn.externalUserId;
    return { actor: { role: 'resident', name: id, platform: turn.message.platform, platformUserId: id }, message: turn.message };
  }

  private async sceneCommunity(scene: string | undefined): Promise<string | undefined> {
    if (!scene) return undefined;
    const found = (await this.deps.communities.list()).find((c) => c.code === scene || c.id === scene);
    return found?.name;
  }

  /** The community's name for a greeting (the QR code the resident scanned). */
  communityOf(scene: string | undefined): Promise<string | undefined> {
    return this.sceneCommunity(scene);
  }

  private async respond(turn: ResidentTurn): Promise<string> {
    const found = await this.drafts.load(turn);
    const word = foldWidth(turn.text)
      .trim()
      .replace(/[。.!！~～]+$/, '');
    const w = this.w;
    if (found && this.drafts.isOpen(found)) {
      // 不用了 asked for a photo or a call back means "no", not "give up".
      const skipping = (found.step === 'photo' || found.step === 'phone') && isOneOf(word, w.skip);
      if (isOneOf(word, w.cancel) && !skipping) {
        await this.drafts.end(turn);
        return this.t.cancelled;
      }
      return this.carryOn(turn, found, word);
    }
    if (found) {
      await this.drafts.end(turn);
      if (!turn.mediaId && word.length >= MIN_REPORT_CHARS && !this.isFollowUp(word)) return this.startWith(turn, turn.text);
      return this.t.expired;
    }
    return this.idle(turn, word);
  }

  private isFollowUp(word: string): boolean {
    const w = this.w;
    return isOneOf(word, [...w.progress, ...w.greet, ...w.cancel]) || questionIn(word, w) !== undefined;
  }

  private async idle(turn: ResidentTurn, word: string): Promise<string> {
    const w = this.w;
    const community = await this.sceneCommunity(turn.scene);
    if (turn.mediaId) {
      await this.drafts.save(turn, { step: 'what', photos: [turn.mediaId] });
      return this.t.photoBeforeWords;
    }
    if (!word || isOneOf(word, w.greet)) {
      await this.drafts.save(turn, { step: 'what', photos: [] });
      return this.t.greeting(community);
    }
    if (isOneOf(word, w.cancel)) return this.t.nothingToCancel;
    const caller = this.caller(turn);
    const number = findTypedOpinionNumber(word);
    const rest = (number ? word.replace(number, ' ') : word).replace(/评价|\s+/g, '').toLowerCase();
    if (isOneOf(rest, w.progress)) return number ? this.followUp.show(caller, number) : this.followUp.list(caller);
    if (number && rest === '') return this.followUp.show(caller, number);
    // "不满意，灯还是不亮" is a rating with a reason when something waits for one, else a new report.
    const rating = await this.ratingIn(rest, caller);
    if (rating) return this.followUp.rate(caller, rating, number, saidAfter(word, number, ratingWordIn(word, w)));
    const question = number ? undefined : questionIn(word, w);
    if (question) return this.questions.answer(question, caller);
    if (w.reopen.some((r) => rest === r || ([...rest].length <= 2 * SHORT_ANSWER_CHARS && rest.startsWith(r))))
      return this.followUp.reopen(caller, number, saidAfter(word, number, w.reopen) ?? word.replace(number ?? '', '').trim());
    if ([...word].length < MIN_REPORT_CHARS) {
      await this.drafts.save(turn, { step: 'what', photos: [] });
      return `${this.t.greeting(community)}`;
    }
    return this.startWith(turn, turn.text);
  }

  /**
   * 满意 / 基本满意 / 不满意 in their everyday forms: anywhere in a short answer, at the start of a
   * longer one, and then only when one of the resident's opinions waits for a rating.
   */
  private async ratingIn(rest: string, caller: Caller): Promise<Rating | undefined> {
    const short = [...rest].length <= SHORT_ANSWER_CHARS;
    const rating = ratingIn(rest, this.w, short);
    if (!rating) return undefined;
    return short || (await this.followUp.awaitsRating(caller)) ? rating : undefined;
  }

  /** The first words of a report: checked, then on to the community (or straight to the photo). */
  private async startWith(turn: ResidentTurn, text: string, photos: string[] = []): Promise<string> {
    // Said before the dialogue starts, so a resident at the limit is not walked through it for nothing.
    const overLimit = await this.overLimit(turn, 'start');
    if (overLimit) return overLimit;
    // Kept as typed (full-width punctuation and all); only the checks read folded text.
    const content = this.deps.opinions.checkContent(text);
    const community = await this.sceneCommunity(turn.scene);
    if (community) {
      await this.drafts.save(turn, { step: 'photo', content, community, communityLabel: community, photos });
      return this.t.askPhoto(community);
    }
    const names = await this.deps.opinions.communityNames();
    if (names.length === 0) {
      await this.drafts.save(turn, { step: 'photo', content, communityLabel: this.t.notSure, photos });
      return this.t.askPhoto(this.t.notSure);
    }
    const choices: Choice[] = [...names.map((name) => ({ label: name, value: name })), { label: this.t.notSure, value: NOT_SURE }];
    await this.drafts.save(turn, { step: 'where', content, choices, photos });
    return [this.t.askWhere, ...choices.map((c, i) => this.t.whereLine(i + 1, c.label))].join('\n');
  }

  private async carryOn(turn: ResidentTurn, draft: Draft, word: string): Promise<string> {
    const w = this.w;
    switch (draft.step) {
      case 'what':
        return this.whatHappened(turn, draft, word);
      case 'where': {
        const picked = turn.mediaId ? undefined : pickChoice(word, draft.choices ?? []);
        if (!picked) return [this.t.badWhere(word), ...(draft.choices ?? []).map((c, i) => this.t.whereLine(i + 1, c.label))].join('\n');
        const { choices: _shown, ...rest } = draft;
        const community = picked.value === NOT_SURE ? undefined : picked.value;
        await this.drafts.save(turn, { ...rest, step: 'photo', ...(community ? { community } : {}), communityLabel: picked.label });
        return this.t.askPhoto(picked.label);
      }
      case 'photo':
        if (turn.mediaId) {
          const photos = [...draft.photos, turn.mediaId];
          await this.drafts.save(turn, { ...draft, photos });
          return this.t.photoReceived(photos.length);
        }
        if (readPhoneAndName(word).phone) return this.takePhone(turn, draft, word);
        await this.drafts.save(turn, { ...draft, step: 'phone' });
        return this.t.askPhone;
      case 'phone':
        if (turn.mediaId) {
          await this.drafts.save(turn, { ...draft, photos: [...draft.photos, turn.mediaId] });
          return `${this.t.photoReceived(draft.photos.length + 1)}\n${this.t.askPhone}`;
        }
        if (isOneOf(word, w.skip) || isOneOf(word, w.no)) return this.confirm(turn, { ...draft, step: 'confirm' });
        return this.takePhone(turn, draft, word);
      case 'confirm':
        if (isOneOf(word, w.yes)) return this.file(turn, draft);
        if (isOneOf(word, w.modify) || isOneOf(word, w.no)) {
          await this.drafts.save(turn, { step: 'what', photos: [] });
          return `${this.t.restart}\n${this.t.askWhat}`;
        }
        return this.t.confirmRemind;
      case 'similar':
        if (isOneOf(word, w.plusOne) || isOneOf(word, w.yes)) return this.joinSimilar(turn, draft);
        if (isOneOf(word, w.separate) || isOneOf(word, w.no)) return this.file(turn, draft, 'anyway');
        return this.t.similarRemind;
    }
  }

  /** After the greeting: a photo, a question (answered, the draft kept), or the first words of a report. */
  private async whatHappened(turn: ResidentTurn, draft: Draft, word: string): Promise<string> {
    if (turn.mediaId) {
      await this.drafts.save(turn, { ...draft, photos: [...draft.photos, turn.mediaId] });
      return this.t.photoBeforeWords;
    }
    if (isOneOf(word, this.w.progress)) {
      await this.drafts.end(turn);
      return this.followUp.list(this.caller(turn));
    }
    const question = questionIn(word, this.w);
    if (question) return this.questions.answer(question, this.caller(turn));
    if ([...word].length < 2 || isOneOf(word, this.w.greet)) return this.t.askWhat;
    return this.startWith(turn, turn.text, draft.photos);
  }

  private async takePhone(turn: ResidentTurn, draft: Draft, word: string): Promise<string> {
    const { phone, name } = readPhoneAndName(word);
    if (!phone) return this.t.badPhone;
    return this.confirm(turn, { ...draft, step: 'confirm', phone, ...(name ? { name } : {}) });
  }

  private async confirm(turn: ResidentTurn, draft: Draft): Promise<string> {
    await this.drafts.save(turn, draft);
    const contact = draft.phone ? maskContact({ ...(draft.name ? { name: draft.name } : {}), phone: draft.phone }) : this.t.noCallback;
    return this.t.confirm(draft.content ?? '', draft.communityLabel ?? this.t.notSure, draft.photos.length, contact);
  }

  /** Over the hourly limit: the answer to give instead (the draft is kept to confirm later). */
  private async overLimit(turn: ResidentTurn, moment: 'start' | 'file'): Promise<string | undefined> {
    const next = await this.deps.filingLimit.nextSlot(this.caller(turn).message);
    if (!next) return undefined;
    this.deps.logger.info({ msgId: turn.msgId, moment }, 'a resident reached the hourly limit of new opinions; nothing filed');
    const { hour, minute } = beijingTimeOfDay(next);
    const time = `${hour}:${String(minute).padStart(2, '0')}`;
    const t = this.deps.messages.residentLimits;
    return moment === 'start'
      ? t.tooManyToStart(this.deps.filingLimit.perHour, time)
      : t.tooManyToFile(this.deps.filingLimit.perHour, time);
  }

  private async file(turn: ResidentTurn, draft: Draft, how: 'check-similar' | 'anyway' = 'check-similar'): Promise<string> {
    const overLimit = await this.overLimit(turn, 'file');
    if (overLimit) {
      await this.drafts.save(turn, draft);
      return overLimit;
    }
    if (how === 'anyway') return this.afterFiling(turn, draft, await this.deps.opinions.fileAnyway(this.caller(turn)));
    const content = draft.photos.length > 0 ? `${draft.content ?? ''}\n${this.t.photoNote(draft.photos.length)}` : (draft.content ?? '');
    // Name and phone first: the privacy gate then knows the name to mask in the staff group's notice.
    await this.keepContact(turn, draft);
    const result = await this.deps.opinions.file(this.caller(turn), content, draft.community ? [draft.community] : []);
    return this.afterFiling(turn, draft, result);
  }

  private async afterFiling(turn: ResidentTurn, draft: Draft, result: Awaited<ReturnType<OpinionService['file']>>): Promise<string> {
    if (result.kind === 'similar') {
      await this.drafts.save(turn, { ...draft, step: 'similar', similarNumber: result.similar.number });
      return this.t.similar(result.similar.number, result.summary, result.similar.plusOnes.count);
    }
    await this.drafts.end(turn);
    await this.keepDetails(turn, draft, result.opinion);
    const filed = this.t.filed(result.opinion.number);
    return result.onDutyNotified ? `${filed}\n${this.t.filedOnDuty}` : filed;
  }

  private async joinSimilar(turn: ResidentTurn, draft: Draft): Promise<string> {
    const opinion = await this.deps.opinions.plusOne(this.caller(turn), draft.similarNumber ?? '');
    await this.drafts.end(turn);
    await this.keepDetails(turn, draft, opinion);
    return this.t.plusOned(opinion.number);
  }

  /** Name and phone go on the resident record once (never on the opinion). */
  private async keepContact(turn: ResidentTurn, draft: Draft): Promise<string> {
    const { identityKey, address } = residentIdentity(this.caller(turn).message);
    const resident = await this.deps.residents.findOrCreate(identityKey, address);
    if (draft.phone)
      await this.deps.residents.updateContact(resident.id, { phone: draft.phone, ...(draft.name ? { name: draft.name } : {}) });
    return resident.id;
  }

  /** Contact details on the resident record; photos by opinion number. */
  private async keepDetails(turn: ResidentTurn, draft: Draft, opinion: OpinionRecord): Promise<void> {
    const residentId = await this.keepContact(turn, draft);
    const receivedAt = this.deps.clock.now();
    await this.deps.photos.add(draft.photos.map((mediaId) => ({ opinionNumber: opinion.number, residentId, mediaId, receivedAt })));
  }
}

/**
 * What a resident said besides the rating or 重新办理 (`不满意，灯还是不亮` → `灯还是不亮`), kept
 * and sent to the handler; undefined when nothing more was said.
 */
function saidAfter(typed: string, number: string | undefined, words: readonly string[] | string | undefined): string | undefined {
  let text = (number ? typed.replace(number, ' ') : typed).trim().replace(/^评价/, '');
  const word = typeof words === 'string' ? words : words?.find((w) => text.includes(w));
  if (word) text = text.replace(word, ' ');
  const said = text.replace(/^[\s,，.。:：;；!！?？、~]+|[\s,，.。;；、~]+$/g, '');
  return [...said].length >= 2 ? said : undefined;
}
