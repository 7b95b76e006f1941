import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/core/clock.js';
import { BoardReadModel } from '../../../../src/services/opinions/board-read-model.js';
import { ChangeMarkedOpinions } from '../../../../src/services/opinions/change-marker.js';
import {
  OPINION_SORTS,
  type AuditEntry,
  type OpinionListFilter,
  type OpinionState,
} from '../../../../src/services/opinions/opinion-records.js';
import { MemoryCoordination } from '../../../../src/storage/memory/memory-coordination.js';
import { MemoryOpinionRepository } from '../../../../src/storage/memory/memory-opinion-repository.js';

/**
 * The board's read model answers exactly what the repository answers (the board's results do not
 * change with it), for pages deep and shallow, every sort and the filters; and it follows writes
 * made through the change-marked store, erasures included.
 */
const clock = new ManualClock('2026-03-04T10:00:00+08:00');
const COMMUNITIES = ['青石社区', '河西村', '东湖社区'];
const STATES: OpinionState[] = ['accepted', 'assigned', 'in_progress', 'resolved'];
const entry = (to: OpinionState): AuditEntry => ({ who: 'staff-1', whoRole: 'staff', at: clock.now(), from: null, to, action: 'file' });

async function seeded(count: number) {
  const repository = new MemoryOpinionRepository();
  const coordination = new MemoryCoordination();
  const store = new ChangeMarkedOpinions(repository, coordination, clock);
  for (let n = 1; n <= count; n += 1) {
    const opinion = await store.create(
      { content: `第${n}条：路灯不亮`, source: 'member-chat', filer: { kind: 'member', id: `m${n % 5}` }, community: COMMUNITIES[n % 3]! },
      entry('submitted'),
      clock.now(),
      2026,
    );
    // Several filed at the same instant: the ties must come out in the same order.
    if (n % 3 === 0) clock.advance(60_000);
    if (n % 4 === 0) continue;
    const state = STATES[n % STATES.length]!;
    await store.transition(
      opinion.id,
      ['submitted'],
      state,
      { handlerId: `m${n % 7}`, grade: n % 2 ? 'simple' : 'complex', deadline: new Date(clock.now().getTime() + (n % 11) * 86_400_000) },
      entry(state),
      clock.now(),
    );
    for (let p = 0; p < n % 3; p += 1) await store.addPlusOne(opinion.id, `p${p}`, clock.now());
  }
  return { repository, store, coordination, model: new BoardReadModel({ source: repository, coordination, loadBatch: 64 }) };
}

const filters: OpinionListFilter[] = [
  {},
  { state: 'accepted' },
  { community: '河西村', grade: 'complex' },
  { overdueAt: new Date('2026-03-20T00:00:00+08:00') },
  { scopeMemberIds: ['m2', 'm3'] },
  { from: new Date('2026-03-04T12:00:00+08:00'), to: new Date('2026-03-05T00:00:00+08:00'), states: ['resolved', 'submitted'] },
];

async function expectSameAsRepository(repository: MemoryOpinionRepository, model: BoardReadModel) {
  for (const filter of filters)
    for (const sort of OPINION_SORTS)
      for (const page of [
        { skip: 0, limit: 20 },
        { skip: 40, limit: 20 },
        { skip: 180, limit: 100 },
      ]) {
        const [expected, actual] = await Promise.all([repository.boardPage(filter, page, sort), model.boardPage(filter, page, sort)]);
        const label = JSON.stringify({ filter, sort, page });
        expect(
          actual.items.map((o) => o.number),
          label,
        ).toEqual(expected.items.map((o) => o.number));
        expect(
          actual.items.map((o) => [o.number, o.state, o.content, o.plusOnes.count]),
          label,
        ).toEqual(expected.items.map((o) => [o.number, o.state, o.content, o.plusOnes.count]));
        expect(actual.total, label).toBe(expected.total);
        expect(actual.countsByState, label).toEqual(expected.countsByState);
      }
}

describe('the board read model', () => {
  it('pages, sorts, filters and counts exactly as the repository does', async () => {
    const { repository, model } = await seeded(400);
    await expectSameAsRepository(repository, model);
  });

  it('keeps every order exact as opinions move in them (+1s, deadlines, states), loaded in batches', async () => {
    const { repository, store, model } = await seeded(400);
    await model.current();
    const { items } = await repository.list({}, { skip: 0, limit: 10_000 });
    for (const [i, opinion] of items.entries()) {
      if (i % 7 === 0) await store.addPlusOne(opinion.id, `later-${i}`, clock.now());
      if (i % 11 === 0 && ['accepted', 'assigned', 'in_progress'].includes(opinion.state))
        await store.appendAudit(
          opinion.id,
          { deadline: new Date(clock.now().getTime() - (i % 5) * 86_400_000) },
          entry(opinion.state),
          clock.now(),
        );
      if (i % 13 === 0 && opinion.state === 'submitted')
        await store.transition(opinion.id, ['submitted'], 'declined', {}, entry('declined'), clock.now());
    }
    await expectSameAsRepository(repository, model);
  });

  it('reads the records of a page beyond the kept ones by id, exactly, and keeps them current', async () => {
    const { repository, store, coordination } = await seeded(400);
    const model = new BoardReadModel({ source: repository, coordination, loadBatch: 64, detailLimit: 7 });
    await expectSameAsRepository(repository, model);
    const { items } = await repository.list({}, { skip: 0, limit: 30 }, 'number');
    for (const opinion of items) await store.addPlusOne(opinion.id, 'late', clock.now());
    await expectSameAsRepository(repository, model);
    const words = await model.list({}, { skip: 0, limit: 2_000 }, '-createdAt');
    expect(words.items.map((o) => o.content)).toEqual(
      (await repository.list({}, { skip: 0, limit: 2_000 }, '-createdAt')).items.map((o) => o.content),
    );
  });

  it('reads nothing before the first list: a process that never shows the board holds no rows', async () => {
    const { repository, coordination } = await seeded(10);
    const model = new BoardReadModel({ source: repository, coordination, resyncEveryMs: 1 });
    model.warm();
    await model.resync(); // the periodic re-read does not load it either
    expect(model.loaded).toBe(false);
    expect((await model.boardPage({}, { skip: 0, limit: 5 }, '-createdAt')).total).toBe(10);
    expect(model.loaded).toBe(true);
    await model.stop();
  });

  it('follows writes through the change-marked store, and an erasure’s rewritten texts', async () => {
    const { repository, store, model } = await seeded(30);
    const first = await model.boardPage({ state: 'submitted' }, { skip: 0, limit: 50 }, 'number');
    const moved = first.items[0]!;
    await store.transition(moved.id, ['submitted'], 'accepted', {}, entry('accepted'), clock.now());
    const after = await model.boardPage({ state: 'submitted' }, { skip: 0, limit: 50 }, 'number');
    expect(after.total).toBe(first.total - 1);
    expect(after.countsByState.accepted).toBe((first.countsByState.accepted ?? 0) + 1);

    await store.anonymisePerson('m1', '已注销', () => '（已删除）');
    const erased = await model.list({ filerId: 'm1' });
    expect(erased.items.map((o) => o.content)).toEqual((await repository.list({ filerId: 'm1' })).items.map((o) => o.content));
    expect(new Set(erased.items.map((o) => o.content))).toEqual(new Set(['（已删除）']));
  });
});
