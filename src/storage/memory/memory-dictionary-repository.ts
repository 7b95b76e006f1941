import type { DictionaryEntry, DictionaryRepository, NewDictionaryEntry } from '../../services/opinions/dictionary-records.js';
import { copyOf, definedOnly, duplicateKeyError, isRecordId, newRecordId, trimmed } from './memory-records.js';

const TRIMMED = ['name', 'code'] as const;

/** A keyword dictionary (communities or categories) held in this process; same contract as the Mongo one. */
export class MemoryDictionaryRepository implements DictionaryRepository {
  private readonly entries = new Map<string, DictionaryEntry>();

  /** @param collection names the dictionary in duplicate-key errors, as the Mongo collection does. */
  constructor(private readonly collection: string) {}

  async create(entry: NewDictionaryEntry): Promise<DictionaryEntry> {
    const now = new Date();
    const record = this.checked({
      keywords: [],
      ...trimmed(definedOnly(entry), TRIMMED),
      id: newRecordId(),
      createdAt: now,
      updatedAt: now,
    } as DictionaryEntry);
    this.entries.set(record.id, record);
    return copyOf(record);
  }

  async list(): Promise<DictionaryEntry[]> {
    return [...this.entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(copyOf);
  }

  async findById(id: string): Promise<DictionaryEntry | null> {
    const entry = isRecordId(id) ? this.entries.get(id) : undefined;
    return entry ? copyOf(entry) : null;
  }

  async findByName(name: string): Promise<DictionaryEntry | null> {
    const entry = [...this.entries.values()].find((e) => e.name === name);
    return entry ? copyOf(entry) : null;
  }

  async update(id: string, changes: Partial<NewDictionaryEntry>): Promise<DictionaryEntry | null> {
    const existing = isRecordId(id) ? this.entries.get(id) : undefined;
    if (!existing) return null;
    const entry = this.checked({ ...existing, ...trimmed(definedOnly(changes), TRIMMED), updatedAt: new Date() });
    this.entries.set(id, entry);
    return copyOf(entry);
  }

  async remove(id: string): Promise<boolean> {
    return isRecordId(id) && this.entries.delete(id);
  }

  /** Names are unique, and so are QR scene codes where set. */
  private checked(entry: DictionaryEntry): DictionaryEntry {
    for (const field of TRIMMED) {
      const value = entry[field];
      if (value === undefined) continue;
      if ([...this.entries.values()].some((e) => e.id !== entry.id && e[field] === value)) throw duplicateKeyError(this.collection, field);
    }
    return entry;
  }
}
