/**
 * Small named settings staff change at run time (e.g. `opinion-time-limits`), kept as JSON
 * (implemented in src/storage/mongo/settings-repository.ts).
 *
 * @example
 * await settings.set('opinion-time-limits', { simple: 3, general: 7, complex: 15 });
 * const limits = await settings.get<{ simple: number }>('opinion-time-limits');
 */
export interface SettingsRepository {
  get<T>(key: string): Promise<T | null>;
  set<T>(key: string, value: T, now: Date): Promise<void>;
}
