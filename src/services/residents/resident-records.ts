import type { Address } from '../../platforms/types.js';

/**
 * A resident (not in the corp), stored once. Name and phone are private: groups never see them,
 * and only the assigned handler or staff may reveal them (an audited command).
 */
export interface ResidentRecord {
  id: string;
  /** The platform identity, e.g. `wecom-kf:<open_kfid>:<external_userid>` or `console:<name>`. */
  identityKey: string;
  /** Where notices to this resident go; none once the resident has been erased. */
  address?: Address;
  name?: string;
  phone?: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Where residents are kept (implemented in src/storage/mongo/resident-repository.ts).
 *
 * @example
 * const resident = await residents.findOrCreate('console:王阿姨', { platform: 'console', kind: 'user', id: 'resident:王阿姨' });
 */
export interface ResidentRepository {
  /** The resident with this identity, created on first contact (safe under concurrency). */
  findOrCreate(identityKey: string, address: Address): Promise<ResidentRecord>;
  findById(id: string): Promise<ResidentRecord | null>;
  /** Many residents at once (exports mask their names); unknown ids are left out. */
  findByIds(ids: readonly string[]): Promise<ResidentRecord[]>;
  updateContact(id: string, contact: { name?: string; phone?: string }): Promise<ResidentRecord | null>;
  /** Residents who still have a name or phone on record (for the retention job), oldest change first. */
  listWithContact(limit?: number): Promise<ResidentRecord[]>;
  /** Deletes name and phone (retention); the record and its opinions stay. */
  eraseContact(id: string): Promise<void>;
  /**
   * Erasure: forgets who the resident is — name, phone, address, and the platform identity, which
   * becomes `erased:<id>`. The record and its opinions stay; a later message from the same account
   * starts a new resident.
   */
  forgetIdentity(id: string): Promise<void>;
}
