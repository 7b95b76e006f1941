import { beijingDate } from '../../core/dates.js';
import type { Messages } from '../../i18n/messages.js';
import { showDate, showDutyDay, type ShiftView } from '../roster/format.js';
import type { Caller } from '../opinions/types.js';
import type { Question } from './plain-words.js';
import type { ResidentFollowUp } from './resident-follow-up.js';

export interface ResidentQuestionsDeps {
  /** Today's shifts (the roster service's listRange). */
  shifts: (from: string, to: string) => Promise<ShiftView[]>;
  followUp: ResidentFollowUp;
  messages: Messages;
  now: () => Date;
}

/** 谁值班, 我的反映怎么样了, 怎么联系: what residents ask, answered without starting a filing. */
export class ResidentQuestions {
  constructor(private readonly deps: ResidentQuestionsDeps) {}

  async answer(question: Question, caller: Caller): Promise<string> {
    const t = this.deps.messages;
    if (question === 'progress') return this.deps.followUp.list(caller);
    if (question === 'contact') return t.residents.contactUs;
    const today = beijingDate(this.deps.now());
    const shifts = await this.deps.shifts(today, today);
    return `${showDutyDay(t, showDate(t, today), shifts)}\n${t.residents.dutyHint}`;
  }
}
