import type { Address } from '../../platforms/types.js';
import type { ResidentRecord, ResidentRepository } from '../../services/residents/resident-records.js';
import { copyOf, definedOnly, isRecordId, newRecordId } from './memory-records.js';

/** Residents held in this process, one per platform identity; same contract as the Mongo one. */
export class MemoryResidentRepository implements ResidentRepository {
  private readonly residents = new Map<string, ResidentRecord>();
  private readonly byIdentity = new Map<string, string>();

  async findOrCreate(identityKey: string, address: Address): Promise<ResidentRecord> {
    const known = this.byIdentity.get(identityKey);
    if (known) return this.shown(this.residents.get(known)!);
    const now = new Date();
    const record: ResidentRecord = { id: newRecordId(), identityKey, address: copyOf(address), createdAt: now, updatedAt: now };
    this.residents.set(record.id, record);
    this.byIdentity.set(identityKey, record.id);
    return copyOf(record);
  }

  async findById(id: string): Promise<ResidentRecord | null> {
    const record = isRecordId(id) ? this.residents.get(id) : undefined;
    return record ? this.shown(record) : null;
  }

  async findByIds(ids: readonly string[]): Promise<ResidentRecord[]> {
    return [...this.residents.values()].filter((r) => ids.includes(r.id)).map((r) => this.shown(r));
  }

  async updateContact(id: string, contact: { name?: string; phone?: string }): Promise<ResidentRecord | null> {
    const record = isRecordId(id) ? this.residents.get(id) : undefined;
    if (!record) return null;
    // An empty name or phone is kept as given and read back as none, as in MongoDB.
    Object.assign(record, definedOnly(contact), { updatedAt: new Date() });
    return this.shown(record);
  }

  async listWithContact(limit = 1000): Promise<ResidentRecord[]> {
    return [...this.residents.values()]
      .filter((r) => r.name !== undefined || r.phone !== undefined)
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
      .slice(0, limit)
      .map((r) => this.shown(r));
  }

  async eraseContact(id: string): Promise<void> {
    const record = this.residents.get(id);
    if (!record) return;
    delete record.name;
    delete record.phone;
    record.updatedAt = new Date();
  }

  async forgetIdentity(id: string): Promise<void> {
    const record = this.residents.get(id);
    if (!record) return;
    this.byIdentity.delete(record.identityKey);
    delete record.name;
    delete record.phone;
    delete record.address;
    record.identityKey = `erased:${id}`;
    record.updatedAt = new Date();
  }

  /** What the Mongo repository reads back: an empty name or phone is not shown. */
  private shown(record: ResidentRecord): ResidentRecord {
    const { name, phone, ...rest } = copyOf(record);
    return { ...rest, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  }
}
