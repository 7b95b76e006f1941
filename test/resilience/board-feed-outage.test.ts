import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { provideRedis, type EmbeddedServer } from '../../src/devtools/embedded-stores.js';
import { BoardReadModel } from '../../src/services/opinions/board-read-model.js';
import { ChangeMarkedOpinions } from '../../src/services/opinions/change-marker.js';
import type { AuditEntry, OpinionState } from '../../src/services/opinions/opinion-records.js';
import { MemoryOpinionRepository } from '../../src/storage/memory/memory-opinion-repository.js';
import { RedisCoordination } from '../../src/storage/redis/redis-coordination.js';
import { StoreAddress, portOf } from './relay.js';
import { eventually } from './support.js';

/**
 * The board's change feed when Redis is away between an opinion's write and its feed entry (the
 * writing instance reaches Redis through an address that can be closed; the board's instance does
 * not). The write stands and is not reported as failed; every board sees it once the entry is sent,
 * and an entry lost with its instance is picked up by the read model's periodic re-read.
 */
const clock = new ManualClock('2026-03-04T10:00:00+08:00');
const entry = (to: OpinionState): AuditEntry => ({ who: 'staff-1', whoRole: 'staff', at: clock.now(), from: null, to, action: 'file' });

let redis: EmbeddedServer;
let address: StoreAddress;
let writerRedis: RedisCoordination;
let boardRedis: RedisCoordination;
const models: BoardReadModel[] = [];

beforeAll(async () => {
  redis = await provideRedis({});
  address = await StoreAddress.open(portOf(redis.uri));
  const prefix = `board-feed-${randomBytes(3).toString('hex')}:`;
  writerRedis = await RedisCoordination.connect(`redis://127.0.0.1:${address.port}`, prefix);
  boardRedis = await RedisCoordination.connect(redis.uri, prefix);
});
afterAll(async () => {
  await Promise.all(models.map((model) => model.stop()));
  await writerRedis?.close();
  await boardRedis?.close();
  await address?.close();
  await redis?.stop();
});

/** Redis away for the writer: wait until its commands fail. */
async function cutWriterOff(): Promise<void> {
  await address.close();
  await eventually(
    () =>
      writerRedis.ping().then(
        () => false,
        () => true,
      ),
    'the writer cannot reach Redis',
  );
}

async function reconnectWriter(): Promise<void> {
  await address.open(portOf(redis.uri));
}

async function filed(store: ChangeMarkedOpinions, text: string) {
  return store.create({ content: text, source: 'member-chat', filer: { kind: 'member', id: 'm1' } }, entry('submitted'), clock.now(), 2026);
}

const acceptedOn = async (model: BoardReadModel) =>
  (await model.boardPage({ state: 'accepted' }, { skip: 0, limit: 20 }, '-createdAt')).items;

describe('the board change feed while Redis is away for the writer', () => {
  it('keeps the write, and the board sees it once the feed entry could be sent', async () => {
    const repository = new MemoryOpinionRepository();
    const store = new ChangeMarkedOpinions(repository, writerRedis, clock);
    const model = new BoardReadModel({ source: repository, coordination: boardRedis, resyncEveryMs: 0 });
    models.push(model);
    const opinion = await filed(store, '青石社区路灯不亮');
    expect((await model.boardPage({}, { skip: 0, limit: 20 }, '-createdAt')).total).toBe(1);

    await cutWriterOff();
    const accepted = await store.transition(opinion.id, ['submitted'], 'accepted', {}, entry('accepted'), clock.now());
    expect(accepted?.state).toBe('accepted');
    expect(store.unsentChanges).toBe(1);

    await reconnectWriter();
    await eventually(async () => (await acceptedOn(model)).length === 1, 'the board shows the accepted opinion', 30_000);
    expect((await acceptedOn(model)).map((o) => o.number)).toEqual([opinion.number]);
    expect(store.unsentChanges).toBe(0);
    store.stop();
  });

  it('picks up a change whose feed entry was lost with its instance by the periodic re-read', async () => {
    const repository = new MemoryOpinionRepository();
    const store = new ChangeMarkedOpinions(repository, writerRedis, clock);
    const model = new BoardReadModel({ source: repository, coordination: boardRedis, resyncEveryMs: 200 });
    models.push(model);
    const opinion = await filed(store, '河西村口路面坑洼');
    model.warm();
    expect((await model.boardPage({}, { skip: 0, limit: 20 }, '-createdAt')).total).toBe(1);

    await cutWriterOff();
    await store.transition(opinion.id, ['submitted'], 'accepted', {}, entry('accepted'), clock.now());
    store.stop(); // the instance is gone, and its unsent entry with it
    await reconnectWriter();

    await eventually(async () => (await acceptedOn(model)).length === 1, 'the board shows the accepted opinion', 30_000);
    expect(store.unsentChanges).toBe(1);
  });
});
