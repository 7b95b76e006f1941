import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type { ChannelBroken, GroupRecord, GroupRepository } from '../../services/groups/group-records.js';
import type { Address } from '../../platforms/types.js';
import type { MemberRecord, MemberRepository } from '../../services/members/member-records.js';
import type { DictionaryEntry, DictionaryRepository } from '../../services/opinions/dictionary-records.js';
import { SharedVersionCache, type CacheBounds, DEFAULT_CACHE_BOUNDS } from './shared-version-cache.js';

/** Runs a write, then empties the cache everywhere (also when the write threw: it may have half happened). */
async function thenInvalidate<T>(cache: SharedVersionCache<unknown>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    await cache.invalidate();
  }
}

/**
 * Members with who-is-speaking reads (by id, by platform id, by name) served from memory: every
 * message asks who its sender is, members change seldom. Every write goes through here, so every
 * write path (admin API, 删除成员, imports, erasure) empties the cache on every instance.
 */
export class CachedMemberRepository implements MemberRepository {
  private readonly cache: SharedVersionCache<MemberRecord | null | MemberRecord[]>;

  constructor(
    private readonly inner: MemberRepository,
    coordination: Coordination,
    clock: Clock,
    bounds: CacheBounds = DEFAULT_CACHE_BOUNDS,
  ) {
    this.cache = new SharedVersionCache('members', coordination, clock, bounds);
  }

  findById(id: string): Promise<MemberRecord | null> {
    return this.cache.read(`id:${id}`, () => this.inner.findById(id)) as Promise<MemberRecord | null>;
  }

  findByPlatformId(platform: 'wecom' | 'dingtalk', userId: string): Promise<MemberRecord | null> {
    return this.cache.read(`${platform}:${userId}`, () => this.inner.findByPlatformId(platform, userId)) as Promise<MemberRecord | null>;
  }

  findByName(name: string): Promise<MemberRecord[]> {
    return this.cache.read(`name:${name}`, () => this.inner.findByName(name)) as Promise<MemberRecord[]>;
  }

  list(filter?: Parameters<MemberRepository['list']>[0]): Promise<MemberRecord[]> {
    return this.inner.list(filter);
  }

  create(member: Parameters<MemberRepository['create']>[0]): Promise<MemberRecord> {
    return thenInvalidate(this.cache, () => this.inner.create(member));
  }

  createMany(members: Parameters<MemberRepository['createMany']>[0]): Promise<MemberRecord[]> {
    return thenInvalidate(this.cache, () => this.inner.createMany(members));
  }

  update(id: string, changes: Parameters<MemberRepository['update']>[1]): Promise<MemberRecord | null> {
    return thenInvalidate(this.cache, () => this.inner.update(id, changes));
  }

  erasePersonalData(id: string, placeholderName: string): Promise<MemberRecord | null> {
    return thenInvalidate(this.cache, () => this.inner.erasePersonalData(id, placeholderName));
  }

  remove(id: string): Promise<boolean> {
    return thenInvalidate(this.cache, () => this.inner.remove(id));
  }
}

/** A keyword dictionary (communities, categories) read from memory: every 反映 classifies against both. */
export class CachedDictionaryRepository implements DictionaryRepository {
  private readonly cache: SharedVersionCache<DictionaryEntry | null | DictionaryEntry[]>;

  constructor(
    private readonly inner: DictionaryRepository,
    name: string,
    coordination: Coordination,
    clock: Clock,
    bounds: CacheBounds = DEFAULT_CACHE_BOUNDS,
  ) {
    this.cache = new SharedVersionCache(name, coordination, clock, bounds);
  }

  list(): Promise<DictionaryEntry[]> {
    return this.cache.read('list', () => this.inner.list()) as Promise<DictionaryEntry[]>;
  }

  findById(id: string): Promise<DictionaryEntry | null> {
    return this.cache.read(`id:${id}`, () => this.inner.findById(id)) as Promise<DictionaryEntry | null>;
  }

  findByName(name: string): Promise<DictionaryEntry | null> {
    return this.cache.read(`name:${name}`, () => this.inner.findByName(name)) as Promise<DictionaryEntry | null>;
  }

  create(entry: Parameters<DictionaryRepository['create']>[0]): Promise<DictionaryEntry> {
    return thenInvalidate(this.cache, () => this.inner.create(entry));
  }

  update(id: string, changes: Parameters<DictionaryRepository['update']>[1]): Promise<DictionaryEntry | null> {
    return thenInvalidate(this.cache, () => this.inner.update(id, changes));
  }

  remove(id: string): Promise<boolean> {
    return thenInvalidate(this.cache, () => this.inner.remove(id));
  }
}

/** Groups read from memory: every notice to a group looks up its channels when it is sent. */
export class CachedGroupRepository implements GroupRepository {
  private readonly cache: SharedVersionCache<GroupRecord | null | GroupRecord[]>;

  constructor(
    private readonly inner: GroupRepository,
    coordination: Coordination,
    clock: Clock,
    bounds: CacheBounds = DEFAULT_CACHE_BOUNDS,
  ) {
    this.cache = new SharedVersionCache('groups', coordination, clock, bounds);
  }

  list(): Promise<GroupRecord[]> {
    return this.cache.read('list', () => this.inner.list()) as Promise<GroupRecord[]>;
  }

  findByKey(key: string): Promise<GroupRecord | null> {
    return this.cache.read(`key:${key}`, () => this.inner.findByKey(key)) as Promise<GroupRecord | null>;
  }

  create(group: Parameters<GroupRepository['create']>[0]): Promise<GroupRecord | null> {
    return thenInvalidate(this.cache, () => this.inner.create(group));
  }

  update(key: string, changes: Parameters<GroupRepository['update']>[1]): Promise<GroupRecord | null> {
    return thenInvalidate(this.cache, () => this.inner.update(key, changes));
  }

  remove(key: string): Promise<boolean> {
    return thenInvalidate(this.cache, () => this.inner.remove(key));
  }

  markChannelBroken(key: string, address: Address, broken: ChannelBroken): Promise<GroupRecord | null> {
    return thenInvalidate(this.cache, () => this.inner.markChannelBroken(key, address, broken));
  }
}
