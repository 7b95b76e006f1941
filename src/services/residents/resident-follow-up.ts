import { beijingYear, formatBeijingDateTime } from '../../core/dates.js';
import { normalizeOpinionNumber } from '../../core/opinion-number.js';
import type { Messages } from '../../i18n/messages.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import type { OpinionService } from '../opinions/opinion-service.js';
import { callerIdentity } from '../opinions/support.js';
import type { Caller } from '../opinions/types.js';

/** 进度, 我的反映, the number, 满意/不满意, 重新办理: what residents ask after filing, in plain words. */
export class ResidentFollowUp {
  constructor(
    private readonly deps: {
      opinions: OpinionService;
      messages: Messages;
      now: () => Date;
      /** 协商成果 of an opinion in plain words (none when there is none). */
      outcomeLines?: (opinionNumber: string) => Promise<string[]>;
    },
  ) {}

  private get t() {
    return this.deps.messages.residents;
  }

  /** Residents' lines are short: 20 characters, through the privacy gate (their own words, or masked). */
  private async summaries(caller: Caller, opinions: readonly OpinionRecord[]): Promise<string[]> {
    return this.deps.opinions.queries.summaries(caller, opinions, 20);
  }

  private stateOf(opinion: OpinionRecord): string {
    return this.t.stateWords[opinion.state] ?? this.deps.messages.opinions.states[opinion.state] ?? opinion.state;
  }

  /** The resident's own opinions and the ones they joined (+1), newest first. */
  private async mine(caller: Caller): Promise<OpinionRecord[]> {
    return this.deps.opinions.queries.mine(caller);
  }

  /** 我的反映 / 进度: one line each. */
  async list(caller: Caller): Promise<string> {
    const mine = await this.mine(caller);
    if (mine.length === 0) return this.t.noOpinions;
    const shown = mine.slice(0, 10);
    const summaries = await this.summaries(caller, shown);
    const lines = shown.map((o, i) => this.t.mineLine(o.number, summaries[i]!, this.stateOf(o)));
    return [this.t.mineTitle, ...lines, this.t.mineHint].join('\n');
  }

  /** The number a resident sent: its state in plain words (only their own, or one they joined). */
  async show(caller: Caller, word: string): Promise<string> {
    const opinion = await this.findTheirs(caller, word);
    if (!opinion) return this.t.notYours(word);
    const [summary] = await this.summaries(caller, [opinion]);
    const lines = [this.t.progress(opinion.number, summary!, this.stateOf(opinion))];
    const open = ['accepted', 'assigned', 'in_progress'].includes(opinion.state);
    if (open && opinion.deadline) lines.push(this.t.expectedBy(formatBeijingDateTime(opinion.deadline).slice(0, 10)));
    if (opinion.result && ['resolved', 'closed'].includes(opinion.state)) lines.push(this.t.result(opinion.result));
    lines.push(...((await this.deps.outcomeLines?.(opinion.number)) ?? []));
    if (opinion.state === 'resolved' && opinion.filer.id === (await callerIdentity(this.deps.opinions.deps, caller)).id)
      lines.push(this.t.askRate);
    return lines.join('\n');
  }

  /** True when one of the resident's opinions is resolved and waits for their rating. */
  async awaitsRating(caller: Caller): Promise<boolean> {
    return (await this.mine(caller)).some((o) => o.state === 'resolved');
  }

  /** 满意 / 基本满意 / 不满意: rates the given opinion, or the latest one waiting for a rating. */
  async rate(
    caller: Caller,
    rating: 'satisfied' | 'basically' | 'unsatisfied',
    word: string | undefined,
    reason?: string,
  ): Promise<string> {
    const target = word ? await this.findTheirs(caller, word) : (await this.mine(caller)).find((o) => o.state === 'resolved');
    if (!target) return word ? this.t.notYours(word) : this.t.nothingToRate;
    const updated = await this.deps.opinions.closing.rate(caller, target.number, rating, reason);
    return updated.state === 'closed' ? this.t.rated(updated.number) : this.t.sentBack(updated.number);
  }

  /** 重新办理: the given opinion, or the latest resolved or closed one (the 7-day rule applies). */
  async reopen(caller: Caller, word: string | undefined, reason: string): Promise<string> {
    const target = word
      ? await this.findTheirs(caller, word)
      : (await this.mine(caller)).find((o) => o.state === 'resolved' || o.state === 'closed');
    if (!target) return word ? this.t.notYours(word) : this.t.nothingToReopen;
    const updated = await this.deps.opinions.closing.reopen(caller, target.number, reason);
    return this.t.reopened(updated.number);
  }

  private async findTheirs(caller: Caller, word: string): Promise<OpinionRecord | null> {
    const number = normalizeOpinionNumber(word, beijingYear(this.deps.now()));
    const opinion = number ? await this.deps.opinions.find(number) : null;
    if (!opinion) return null;
    const me = await callerIdentity(this.deps.opinions.deps, caller);
    return opinion.filer.id === me.id || opinion.plusOnes.by.includes(me.id) ? opinion : null;
  }
}
