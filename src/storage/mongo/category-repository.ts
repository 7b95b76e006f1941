import type { Connection } from 'mongoose';
import { MongoDictionaryRepository } from './keyword-dictionary.js';

export type {
  DictionaryEntry as CategoryRecord,
  DictionaryRepository as CategoryRepository,
} from '../../services/opinions/dictionary-records.js';

/** The opinion categories (collection `categories`: 市政设施, 环境卫生, …) with their keywords. */
export class MongoCategoryRepository extends MongoDictionaryRepository {
  constructor(connection: Connection) {
    super(connection, 'Category', 'categories');
  }
}
