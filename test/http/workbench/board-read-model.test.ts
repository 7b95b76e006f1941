import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { register, say } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { signIn, type Browser } from './workbench-client.js';

/**
 * The board answers from each instance's read model (src/services/opinions/board-read-model.ts),
 * kept current by the change feed every opinion write appends to. Documented bound: a change that
 * finished before a board request started is in its answer, whichever instance or path made it.
 * So these checks ask once, right after the change, with no waiting.
 */
const clock = new ManualClock('2026-03-04T10:00:00+08:00');
let board: TestYishi; // the instance the office's browser talks to
let chat: TestYishi; // another instance, taking chat and API traffic
let desk: Browser;
let staff: { id: string };
let filer: { id: string };
let neighbour: { id: string };

const numbers = (body: { items: Array<{ number: string }> }) => body.items.map((i) => i.number);

beforeAll(async () => {
  board = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  chat = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', stores: board.stores });
  staff = await register(board, { name: '王主任', sector: '中共', role: 'staff' });
  filer = await register(board, { name: '张委员', sector: '文艺界', role: 'member' });
  neighbour = await register(board, { name: '赵委员', sector: '经济界', role: 'member' });
  expect(await say(board, filer.id, '反映 青石社区3号楼路灯坏了一周')).toMatch(/MY-2026-000001/);
  desk = await signIn(board, staff.id);
});
afterAll(async () => {
  await Promise.all([chat?.stop(), board?.stop()]);
});

describe('the board of one instance', () => {
  it('lists an opinion filed through chat on another instance at once', async () => {
    const before = await desk.call('/api/opinions');
    expect(before.status).toBe(200);
    expect(numbers(before.body)).toEqual(['MY-2026-000001']);
    clock.advance(60_000);
    expect(await say(chat, neighbour.id, '反映 河西村口路面坑洼，雨天积水')).toMatch(/MY-2026-000002/);
    const after = await desk.call('/api/opinions');
    expect(numbers(after.body)).toEqual(['MY-2026-000002', 'MY-2026-000001']);
    expect(after.body.countsByState).toMatchObject({ submitted: 2 });
  });

  it('shows +1s, state changes and the counts per state made elsewhere at once', async () => {
    await desk.call('/api/opinions?sort=-plusOnes'); // read model current before the changes
    expect(await say(chat, neighbour.id, '附议 MY-2026-000001')).toContain('MY-2026-000001');
    const byPlusOnes = await desk.call('/api/opinions?sort=-plusOnes');
    expect(byPlusOnes.body.items[0]).toMatchObject({ number: 'MY-2026-000001', plusOnes: { count: 1 } });

    // 受理 through the other instance's API (a machine with the token), then the tabs on this one.
    const accepted = await chat.api('/api/opinions/MY-2026-000002/actions?view=board', { body: { action: 'accept' } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const tab = await desk.call('/api/opinions?state=accepted');
    expect(numbers(tab.body)).toEqual(['MY-2026-000002']);
    expect(tab.body.countsByState).toMatchObject({ submitted: 1, accepted: 1 });
  });

  it('reads an opinion the browser changed itself straight away on the other instance too', async () => {
    const there = await signIn(chat, staff.id);
    await there.call('/api/opinions'); // the other instance's read model is loaded now
    const graded = await desk.call('/api/opinions/MY-2026-000002/actions', { body: { action: 'grade', grade: 'complex' } });
    expect(graded.status, JSON.stringify(graded.body)).toBe(200);
    expect(numbers((await there.call('/api/opinions?grade=complex')).body)).toEqual(['MY-2026-000002']);
    expect(numbers((await desk.call('/api/opinions?grade=complex')).body)).toEqual(['MY-2026-000002']);
  });
});
