import type { ErasureLog, ErasureRecord, ErasureSubject } from '../../services/privacy/erasure-records.js';
import { copyOf, newRecordId } from './memory-records.js';

/** The erasure audit log held in this process: same contract as the Mongo one. */
export class MemoryErasureLog implements ErasureLog {
  private readonly entries: ErasureRecord[] = [];

  async append(entry: Omit<ErasureRecord, 'id'>): Promise<ErasureRecord> {
    const record = { ...copyOf(entry), id: newRecordId() };
    this.entries.push(record);
    return copyOf(record);
  }

  async listFor(subject: ErasureSubject, subjectId: string): Promise<ErasureRecord[]> {
    return this.entries.filter((e) => e.subject === subject && e.subjectId === subjectId).map(copyOf);
  }
}
