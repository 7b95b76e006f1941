import { afterAll, describe, expect, it } from 'vitest';
import { buildIndexes, connectMongo } from '../../src/storage/mongo/connection.js';
import { MongoMemberRepository } from '../../src/storage/mongo/member-repository.js';
import { testStores } from '../support/stores.js';

/** Every store refuses a duplicate unique value with the same domain error (core/errors.ts DuplicateRecordError). */
const DUPLICATE = { name: 'DuplicateRecordError', code: 'duplicate_record', status: 409 };

const stores = testStores(import.meta.url);

describe('the provisioned MongoDB', () => {
  const connections: Array<Awaited<ReturnType<typeof connectMongo>>> = [];
  afterAll(async () => {
    await connections[0]?.db?.dropDatabase().catch(() => undefined);
    await Promise.all(connections.map((c) => c.close()));
  });

  it('keeps what one connection writes through a mongoose model for a second connection to read', async () => {
    const writer = await connectMongo(stores.mongoUri);
    const reader = await connectMongo(stores.mongoUri);
    connections.push(writer, reader);
    const written = new MongoMemberRepository(writer);
    await buildIndexes(writer);
    const created = await written.create({ name: '李四', sector: '无党派', role: 'member', wecomUserId: 'lisi' });

    const read = await new MongoMemberRepository(reader).findByPlatformId('wecom', 'lisi');
    expect(read).toMatchObject({ id: created.id, name: '李四', sector: '无党派', role: 'member', isConvenor: false });
  });

  it('refuses a second member with the same WeCom userid (unique index)', async () => {
    const connection = await connectMongo(stores.mongoUri);
    connections.push(connection);
    const members = new MongoMemberRepository(connection);
    await buildIndexes(connection);
    await members.create({ name: '王五', sector: '文艺界', role: 'member', wecomUserId: 'wangwu' });
    await expect(members.create({ name: '王五二', sector: '文艺界', role: 'member', wecomUserId: 'wangwu' })).rejects.toMatchObject(
      DUPLICATE,
    );
    // Members without a WeCom id do not collide with each other (sparse index).
    await members.create({ name: '赵六', sector: '工会', role: 'member' });
    await members.create({ name: '钱七', sector: '工会', role: 'member' });
    expect((await members.list({ sector: '工会' })).map((m) => m.name)).toEqual(['赵六', '钱七']);
  });
});
