import type { Clock } from '../../core/clock.js';
import { beijingDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventRecord, EventRepository } from './event-records.js';
import type { NewProgramme, ProgrammeRecord, ProgrammeRepository } from './event-records.js';

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
    const { month, ...rest } = changes;
    const next = { ...rest, ...(month ? monthPeriod(month) : {}) };
    this.assertPeriod({ startDate: next.startDate ?? current.startDate, endDate: next.endDate ?? current.endDate });
    const updated = await this.deps.programmes.update(id, next);
    if (!updated) throw this.notFound(id);
    return updated;
  }

  listProgrammes(): Promise<ProgrammeRecord[]> {
    return this.deps.programmes.list();
  }

  async getProgramme(id: string): Promise<ProgrammeWithEvents> {
    const programme = await this.deps.programmes.findById(id);
    if (!programme) throw this.notFound(id);
    return { programme, events: await this.deps.events.list({ programmeId: programme.id }) };
  }

  /** The programme running today, else the next one to start; null when there is neither. */
  async currentProgramme(): Promise<ProgrammeWithEvents | null> {
    const today = beijingDate(this.deps.clock.now());
    const covering = await this.deps.programmes.findCovering(today);
    const programme = covering[0] ?? (await this.deps.programmes.list()).find((p) => p.startDate > today);
    if (!programme) return null;
    return { programme, events: await this.deps.events.list({ programmeId: programme.id }) };
  }
}
