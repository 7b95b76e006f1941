import type { Clock } from '../../core/clock.js';
import { isYishiError } from '../../core/errors.js';
import { foldWidth } from '../../core/parser.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { IncomingMessage } from '../../platforms/types.js';
import type { ResidentConversation, ResidentDialogue } from '../../core/resident-conversation.js';
import type { OpinionService } from '../opinions/opinion-service.js';
import type { Caller } from '../opinions/types.js';
import { ResidentFollowUp } from './resident-follow-up.js';
import { findTypedOpinionNumber } from '../../core/opinion-number.js';
import type { ShiftView } from '../roster/format.js';
import { isOneOf, questionIn, ratingIn, ratingWordIn, type PlainWords, type Rating } from './plain-words.js';
import { ResidentQuestions } from './resident-questions.js';
import type { ResidentFiling } from './resident-filing.js';

export interface ResidentTalkDeps {
  opinions: OpinionService;
  /** The filing's service side (the community of a QR code, the caller). */
  filing: ResidentFiling;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  /** The shifts between two Beijing dates (the roster's listRange), for 今天谁值班. */
  shifts: (from: string, to: string) => Promise<ShiftView[]>;
  /** 协商成果 of an opinion in plain words, shown with its progress. */
  outcomeLines?: (opinionNumber: string) => Promise<string[]>;
}

/** The residents' filing: the dialogue of `commands/residents/resident-file.ts` (the residents' registry). */
const FILING = 'resident-file';
/** The filing's first question: what happened (questions and 进度 are still answered there, the filing not yet begun). */
const FIRST_QUESTION = 'what';
/** Shorter than this, a first message is a greeting rather than a report. */
const MIN_REPORT_CHARS = 5;

/** An answer this short is read as a rating or a request, never as a report. */
const SHORT_ANSWER_CHARS = 8;

/**
 * The residents' conversation. Outside a filing it answers 进度, 我的反映, a number,
 * 满意/基本满意/不满意 and 重新办理, and questions (谁值班, 怎么联系); anything else begins the filing,
 * an ordinary dialogue in the residents' conversation mode (what happened → where → photos →
 * a phone → confirm; see `commands/residents/resident-file.ts`) that the bot's runner carries on.
 * Residents never need command syntax: yes, no and the rest are read in their everyday forms
 * (plain-words.ts).
 */
export class ResidentTalk implements ResidentConversation {
  private readonly followUp: ResidentFollowUp;
  private readonly questions: ResidentQuestions;

  constructor(private readonly deps: ResidentTalkDeps) {
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
  async answer(message: IncomingMessage, dialogue: ResidentDialogue): Promise<string> {
    if (message.event) return message.event.type === 'enter_session' ? this.t.welcome(await this.communityOf(message.scene)) : '';
    try {
      return await this.respond(message, dialogue);
    } catch (error) {
      if (isYishiError(error) && error.userMessage) return error.userMessage;
      this.deps.logger.error({ err: error, msgId: message.messageId }, 'the resident conversation failed');
      return this.deps.messages.core.apology;
    }
  }

  /** The community's name for a greeting (the QR code the resident scanned). */
  communityOf(scene: string | undefined): Promise<string | undefined> {
    return this.deps.filing.sceneCommunity(scene);
  }

  private caller(message: IncomingMessage): Caller {
    return this.deps.filing.caller(message);
  }

  private async respond(message: IncomingMessage, dialogue: ResidentDialogue): Promise<string> {
    const text = message.image ? '' : message.text;
    const word = foldWidth(text)
      .trim()
      .replace(/[。.!！~～]+$/, '');
    const found = await dialogue.current();
    if (found && !found.expired) {
      if (found.asking === FIRST_QUESTION && !message.image) {
        if (isOneOf(word, this.w.progress)) {
          await dialogue.end();
          return this.followUp.list(this.caller(message));
        }
        const question = questionIn(word, this.w);
        if (question) return this.questions.answer(question, this.caller(message));
      }
      return dialogue.carryOn(text);
    }
    if (found) {
      await dialogue.end();
      if (!message.image && word.length >= MIN_REPORT_CHARS && !this.isFollowUp(word)) return dialogue.start(FILING, {}, { answer: text });
      return this.t.expired;
    }
    return this.idle(message, dialogue, word);
  }

  private isFollowUp(word: string): boolean {
    const w = this.w;
    return isOneOf(word, [...w.progress, ...w.greet, ...w.cancel]) || questionIn(word, w) !== undefined;
  }

  private async idle(message: IncomingMessage, dialogue: ResidentDialogue, word: string): Promise<string> {
    const w = this.w;
    const greeting = async () => dialogue.start(FILING, {}, { say: this.t.greeting(await this.communityOf(message.scene)) });
    if (message.image) return dialogue.start(FILING, { photoIds: message.image.mediaId }, { say: this.t.photoBeforeWords });
    if (!word || isOneOf(word, w.greet)) return greeting();
    if (isOneOf(word, w.cancel)) return this.t.nothingToCancel;
    const caller = this.caller(message);
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
    if ([...word].length < MIN_REPORT_CHARS) return greeting();
    return dialogue.start(FILING, {}, { answer: message.text });
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
