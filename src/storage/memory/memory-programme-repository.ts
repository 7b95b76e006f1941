import type { NewProgramme, ProgrammeChanges, ProgrammeRecord, ProgrammeRepository } from '../../services/events/event-records.js';
import { copyOf, definedOnly, isRecordId, newRecordId, trimmed } from './memory-records.js';

const TRIMMED = ['title', 'description'] as const;

/** What the Mongo repository gives back: an empty description is no description. */
function view(programme: ProgrammeRecord): ProgrammeRecord {
  const { description, ...rest } = copyOf(programme);
  return { ...rest, ...(description ? { description } : {}) };
}

/** Programmes (consultation months) held in this process; same contract as the Mongo repository. */
export class MemoryProgrammeRepository implements ProgrammeRepository {
  private readonly programmes = new Map<string, ProgrammeRecord>();

  async create(programme: NewProgramme): Promise<ProgrammeRecord> {
    const now = new Date();
    const record: ProgrammeRecord = {
      ...trimmed(definedOnly(copyOf(programme)), TRIMMED),
      id: newRecordId(),
      state: 'active',
      createdAt: now,
      updatedAt: now,
    } as ProgrammeRecord;
    this.programmes.set(record.id, record);
    return view(record);
  }

  async findById(id: string): Promise<ProgrammeRecord | null> {
    const found = isRecordId(id) ? this.programmes.get(id) : undefined;
    return found ? view(found) : null;
  }

  async list(): Promise<ProgrammeRecord[]> {
    return [...this.programmes.values()].sort((a, b) => a.startDate.localeCompare(b.startDate)).map(view);
  }

  async findCovering(date: string): Promise<ProgrammeRecord[]> {
    return [...this.programmes.values()]
      .filter((p) => p.startDate <= date && p.endDate >= date)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))
      .map(view);
  }

  async update(id: string, changes: ProgrammeChanges): Promise<ProgrammeRecord | null> {
    const programme = isRecordId(id) ? this.programmes.get(id) : undefined;
    if (!programme) return null;
    const { description, ...rest } = changes;
    Object.assign(programme, trimmed(definedOnly(rest), ['title']), { updatedAt: new Date() });
    if (description === null) delete programme.description;
    else if (description !== undefined) programme.description = description.trim();
    return view(programme);
  }
}
