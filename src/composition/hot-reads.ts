import type { Clock } from '../core/clock.js';
import type { Coordination } from '../core/coordination.js';
import { CachedDictionaryRepository, CachedGroupRepository, CachedMemberRepository } from '../storage/cache/cached-repositories.js';
import type { Repositories } from './repositories.js';

/**
 * The repositories every message or notice reads (who is speaking, the keyword dictionaries, the
 * groups a notice goes to) served from
 * this process's memory, emptied on every instance by any write (see SharedVersionCache: a write
 * through any instance is seen everywhere within 1 s; nothing is served older than 60 s).
 */
export function withHotReadCaches(repositories: Repositories, coordination: Coordination, clock: Clock): Repositories {
  return {
    ...repositories,
    members: new CachedMemberRepository(repositories.members, coordination, clock),
    communities: new CachedDictionaryRepository(repositories.communities, 'communities', coordination, clock),
    categories: new CachedDictionaryRepository(repositories.categories, 'categories', coordination, clock),
    groups: new CachedGroupRepository(repositories.groups, coordination, clock),
  };
}
