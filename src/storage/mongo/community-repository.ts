import type { Connection } from 'mongoose';
import { MongoDictionaryRepository } from './keyword-dictionary.js';

export type {
  DictionaryEntry as CommunityRecord,
  DictionaryRepository as CommunityRepository,
} from '../../services/opinions/dictionary-records.js';

/** The 村/社区 dictionary (collection `communities`), each with keywords and a QR scene code. */
export class MongoCommunityRepository extends MongoDictionaryRepository {
  constructor(connection: Connection) {
    super(connection, 'Community', 'communities');
  }
}
