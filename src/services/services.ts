import type { MemberRepository } from '../storage/mongo/member-repository.js';
import type { Notifier } from './notifier.js';
import type { MongoResidentRepository } from '../storage/mongo/resident-repository.js';

/**
 * The committee's work, as commands and the scheduler see it. Each area adds its service here
 * and `src/main.ts` builds it.
 */
export interface Services {
  members: MemberRepository;
  residents: MongoResidentRepository;
  notifier: Notifier;
}
