import type { Clock } from '../../core/clock.js';
import { beijingDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventRecord, EventRepository } from './event-records.js';
import type { NewProgramme, ProgrammeRecord, ProgrammeRepository, ProgrammeState } from './event-records.js';

/** A programme is given either as a month (`2025-09`) or as first and last dates. */
export type ProgrammeInput = { title: string; description?: string } & ({ month: string } | { startDate: string; endDate: string });

export interface ProgrammeWithEvents {
  programme: ProgrammeRecord;
  events: EventRecord[];
}

/** First and last dates of a `YYYY-MM` month. */
export function monthPeriod(month: string): { startDate: string; endDate: string } {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return { startDate: `${month}-01`, endDate: `${month}-${String(last).padStart(2, '0')}` };
}

/** Consultation months and other programmes that group events. */
export class ProgrammeService {
  constructor(private readonly deps: { programmes: ProgrammeRepository; events: EventRepository; clock: Clock; messages: Messages }) {}

  private notFound(id: string): YishiError {
    return new YishiError('programme_not_found', { status: 404, userMessage: this.deps.messages.events.errors.programmeNotFound(id) });
  }

  private assertPeriod(period: { startDate: string; endDate: string }): void {
    if (period.endDate < period.startDate)
      throw new YishiError('programme_dates_invalid', { status: 400, userMessage: this.deps.messages.events.errors.programmeDatesInvalid });
  }

  async createProgramme(input: ProgrammeInput): Promise<ProgrammeRecord> {
    const period = 'month' in input ? monthPeriod(input.month) : { startDate: input.startDate, endDate: input.endDate };
    this.assertPeriod(period);
    return this.deps.programmes.create({ title: input.title, ...period, ...(input.description ? { description: input.description } : {}) });
  }

  async updateProgramme(
    id: string,
    changes: Partial<Omit<NewProgramme, 'description'>> & { month?: string; description?: string | null },
  ): Promise<ProgrammeRecord> {
    const current = await this.deps.programmes.findById(id);
    if (!current) throw this.notFound(id);
    if (current.state === 'cancelled')
      throw new YishiError('programme_cancelled', {
        status: 409,
        userMessage: this.deps.messages.events.errors.programmeCancelled(current.title),
      });
    const { month, ...rest } = changes;
    const next = { ...rest, ...(month ? monthPeriod(month) : {}) };
    this.assertPeriod({ startDate: next.startDate ?? current.startDate, endDate: next.endDate ?? current.endDate });
    const updated = await this.deps.programmes.update(id, next);
    if (!updated) throw this.notFound(id);
    return updated;
  }

  /**
   * Cancels a programme, keeping its record. Its events are not touched: while one of them is
   * neither cancelled nor done the programme is refused, naming them, so each is cancelled on its
   * own path (withdrawn reminders, the groups told).
   */
  async cancelProgramme(id: string): Promise<ProgrammeRecord> {
    const current = await this.deps.programmes.findById(id);
    if (!current) throw this.notFound(id);
    const errors = this.deps.messages.events.errors;
    if (current.state === 'cancelled')
      throw new YishiError('programme_cancelled', { status: 409, userMessage: errors.programmeAlreadyCancelled(current.title) });
    const live = await this.deps.events.list({ programmeId: current.id, states: ['planned', 'open', 'ongoing'] });
    if (live.length > 0)
      throw new YishiError('programme_has_events', { status: 409, userMessage: errors.programmeHasLiveEvents(current.title, live) });
    const cancelled = await this.deps.programmes.update(current.id, { state: 'cancelled' });
    if (!cancelled) throw this.notFound(id);
    return cancelled;
  }

  /** Every programme earliest first, or only those in the state given. */
  async listProgrammes(state?: ProgrammeState): Promise<ProgrammeRecord[]> {
    const all = await this.deps.programmes.list();
    return state ? all.filter((programme) => programme.state === state) : all;
  }

  async getProgramme(id: string): Promise<ProgrammeWithEvents> {
    const programme = await this.deps.programmes.findById(id);
    if (!programme) throw this.notFound(id);
    return { programme, events: await this.deps.events.list({ programmeId: programme.id }) };
  }

  /** The programme running today, else the next one to start; null when there is neither. */
  async currentProgramme(): Promise<ProgrammeWithEvents | null> {
    const today = beijingDate(this.deps.clock.now());
    const covering = (await this.deps.programmes.findCovering(today)).filter((p) => p.state === 'active');
    const programme = covering[0] ?? (await this.listProgrammes('active')).find((p) => p.startDate > today);
    if (!programme) return null;
    return { programme, events: await this.deps.events.list({ programmeId: programme.id }) };
  }
}
