import { describe, expect, it } from 'vitest';
import { GroupCommit, writeErrorsByIndex, type ItemOutcome } from '../../../src/storage/mongo/group-commit.js';

/** A store that holds each batch until the test lets it through, and remembers what it was given. */
function heldStore() {
  const batches: string[][] = [];
  const written: string[] = [];
  const releases: Array<(outcome?: Error) => void> = [];
  const write = (items: string[]) =>
    new Promise<Array<ItemOutcome<string>>>((resolve, reject) => {
      batches.push(items);
      releases.push((failure) => {
        if (failure) return reject(failure);
        written.push(...items);
        resolve(
          items.map((item) =>
            item.startsWith('dup') ? { ok: false, error: new Error(`${item} exists`) } : { ok: true, value: `id-${item}` },
          ),
        );
      });
    });
  const letThrough = async () => {
    await waitFor(() => releases.length > 0);
    releases.shift()!();
  };
  return { batches, written, releases, write, letThrough };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

describe('group commit', () => {
  it('writes an item submitted to an idle writer at once and alone', async () => {
    const store = heldStore();
    const commit = new GroupCommit(store.write);
    const first = commit.submit('a');
    expect(store.batches).toEqual([['a']]);
    await store.letThrough();
    await expect(first).resolves.toBe('id-a');
  });

  it('batches what arrives while a batch is being written, in order, and settles nothing before its batch is written', async () => {
    const store = heldStore();
    const commit = new GroupCommit(store.write);
    const settled: string[] = [];
    const track = (item: string) => commit.submit(item).then((id) => settled.push(id));
    const all = [track('a'), track('b'), track('c'), track('d')];
    expect(store.batches).toEqual([['a']]);
    await new Promise((resolve) => setImmediate(resolve));
    // b, c, d wait for a's batch: none is settled, none is written.
    expect(settled).toEqual([]);
    await store.letThrough();
    await waitFor(() => store.batches.length === 2);
    expect(settled).toEqual(['id-a']);
    expect(store.batches[1]).toEqual(['b', 'c', 'd']);
    expect(store.written).toEqual(['a']);
    await store.letThrough();
    await Promise.all(all);
    expect(settled).toEqual(['id-a', 'id-b', 'id-c', 'id-d']);
  });

  it("gives each item its own outcome: one refusal is that item's alone", async () => {
    const store = heldStore();
    const commit = new GroupCommit(store.write);
    const first = commit.submit('a');
    const [ok, refused] = [commit.submit('b'), commit.submit('dup-c')];
    await store.letThrough();
    await store.letThrough();
    await expect(first).resolves.toBe('id-a');
    await expect(ok).resolves.toBe('id-b');
    await expect(refused).rejects.toThrow('dup-c exists');
  });

  it('rejects every item of a batch the store fails, and goes on with the next', async () => {
    const store = heldStore();
    const commit = new GroupCommit(store.write);
    const first = commit.submit('a');
    const [b, c] = [commit.submit('b'), commit.submit('c')];
    await store.letThrough();
    await waitFor(() => store.releases.length > 0);
    store.releases.shift()!(new Error('store away'));
    await expect(b).rejects.toThrow('store away');
    await expect(c).rejects.toThrow('store away');
    await expect(first).resolves.toBe('id-a');
    const later = commit.submit('e');
    await store.letThrough();
    await expect(later).resolves.toBe('id-e');
    expect(store.written).toEqual(['a', 'e']);
  });

  it('caps a batch at its size', async () => {
    const store = heldStore();
    const commit = new GroupCommit(store.write, 2);
    const all = ['a', 'b', 'c', 'd', 'e'].map((item) => commit.submit(item));
    for (let batch = 0; batch < 3; batch += 1) await store.letThrough();
    await Promise.all(all);
    expect(store.batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it("reads a bulk write's errors by item index, and nothing from other errors", () => {
    const clash = { index: 2, code: 11000 };
    expect(writeErrorsByIndex({ writeErrors: [clash] })).toEqual(new Map([[2, clash]]));
    expect(writeErrorsByIndex({ writeErrors: clash })).toEqual(new Map([[2, clash]]));
    expect(writeErrorsByIndex(new Error('connection closed'))).toBeUndefined();
    expect(writeErrorsByIndex({ writeErrors: [{ code: 11000 }] })).toBeUndefined();
  });
});
