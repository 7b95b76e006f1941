import { describe, expect, it } from 'vitest';
import { byImportance, residentNoticeKindFor, slotsToLeave } from '../../../../src/services/residents/notice-priority.js';
import type { HeldNotice } from '../../../../src/services/residents/kf-channel-stores.js';

describe('the priority of messages to residents (notice-priority.ts)', () => {
  it('names each state’s notice: the final word, a step, or an acknowledgement', () => {
    expect(['resolved', 'declined', 'merged', 'closed'].map((s) => residentNoticeKindFor(s as never))).toEqual(Array(4).fill('result'));
    expect(['assigned', 'in_progress', 'escalated'].map((s) => residentNoticeKindFor(s as never))).toEqual(Array(3).fill('progress'));
    expect(residentNoticeKindFor('accepted')).toBe('acknowledgement');
  });

  it('leaves room only for what is more important', () => {
    const pending = { results: 2, progress: 1 };
    expect(slotsToLeave('reply', pending)).toBe(0);
    expect(slotsToLeave('result', pending)).toBe(0);
    expect(slotsToLeave('progress', pending)).toBe(2);
    expect(slotsToLeave('acknowledgement', pending)).toBe(3);
  });

  it('sends held notices most important first, oldest first among equals (unset counts as a result)', () => {
    const notice = (id: string, kind?: HeldNotice['kind']): HeldNotice => ({
      id,
      openKfId: 'wk',
      externalUserId: 'wm',
      text: id,
      key: id,
      heldAt: new Date(0),
      reason: '',
      ...(kind ? { kind } : {}),
    });
    const order = byImportance([notice('a', 'progress'), notice('b'), notice('c', 'result'), notice('d', 'progress')]).map((n) => n.id);
    expect(order).toEqual(['b', 'c', 'a', 'd']);
  });
});
