/** Whose personal data an erasure removed. */
export type ErasureSubject = 'member' | 'resident';

/**
 * One audited erasure of a person's personal data (an admin act, separate from deactivation):
 * who asked, when, why, and what went.
 */
export interface ErasureRecord {
  id: string;
  subject: ErasureSubject;
  /** The member or resident id; the record itself stays, anonymised, so references still resolve. */
  subjectId: string;
  /** Who erased: the operator named in the request, else `admin-api`. */
  by: string;
  reason: string;
  /** The fields removed or replaced, e.g. `name`, `phone`, `wecomUserId`, `opinions.audit.whoName`. */
  erased: string[];
  /** How many opinions had the person's name or address taken out. */
  opinions: number;
  at: Date;
}

/**
 * The erasure audit log (implemented in src/storage/mongo/erasure-log.ts). Append-only: an
 * erasure is never undone, and its entry is never changed.
 *
 * @example
 * const earlier = await erasures.listFor('member', memberId);
 */
export interface ErasureLog {
  append(entry: Omit<ErasureRecord, 'id'>): Promise<ErasureRecord>;
  /** The erasures of one person, oldest first. */
  listFor(subject: ErasureSubject, subjectId: string): Promise<ErasureRecord[]>;
}
