import type { SettingsRepository } from '../../services/settings-records.js';
import { copyOf } from './memory-records.js';

/** Named settings held in this process; same contract as the Mongo repository. */
export class MemorySettingsRepository implements SettingsRepository {
  private readonly values = new Map<string, { value: unknown; updatedAt: Date }>();

  async get<T>(key: string): Promise<T | null> {
    const stored = this.values.get(key);
    return stored ? (copyOf(stored.value) as T) : null;
  }

  async set<T>(key: string, value: T, now: Date): Promise<void> {
    this.values.set(key, { value: copyOf(value), updatedAt: now });
  }
}
