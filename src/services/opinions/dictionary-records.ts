/** A community (村/社区) or an opinion category, with the keywords that suggest it in a text. */
export interface DictionaryEntry {
  id: string;
  name: string;
  keywords: string[];
  /** Communities only: the QR-code scene value residents arrive with. */
  code?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDictionaryEntry = Pick<DictionaryEntry, 'name'> & Partial<Pick<DictionaryEntry, 'keywords' | 'code'>>;

/**
 * A keyword dictionary staff maintain (communities, categories); implemented in src/storage/mongo/keyword-dictionary.ts.
 *
 * @example
 * await communities.create({ name: '青石社区', keywords: ['青石', '青石街'], code: 'qs01' });
 * const all = await communities.list();
 */
export interface DictionaryRepository {
  create(entry: NewDictionaryEntry): Promise<DictionaryEntry>;
  list(): Promise<DictionaryEntry[]>;
  findById(id: string): Promise<DictionaryEntry | null>;
  findByName(name: string): Promise<DictionaryEntry | null>;
  update(id: string, changes: Partial<NewDictionaryEntry>): Promise<DictionaryEntry | null>;
  remove(id: string): Promise<boolean>;
}
