import { describe, expect, it } from 'vitest';
import { afterAnswer, answering, inFollowUp, runFollowUps, type FollowUp } from '../../../src/core/after-answer.js';

describe('afterAnswer', () => {
  it('defers work while an answer is made, and runs it in order once asked, in a follow-up context', async () => {
    const done: string[] = [];
    const tasks: FollowUp[] = [];
    const answer = await answering(tasks, async () => {
      await afterAnswer(async () => done.push(`first:${inFollowUp()}`));
      await afterAnswer(async () => done.push('second'));
      done.push('answer');
      return 'ok';
    });
    expect(answer).toBe('ok');
    expect(done).toEqual(['answer']);
    await runFollowUps(tasks, () => undefined);
    expect(done).toEqual(['answer', 'first:true', 'second']);
  });

  it('runs work at once outside an answer, and in a scope whose answer is done', async () => {
    const done: string[] = [];
    await afterAnswer(async () => done.push('outside'));
    let later: (() => Promise<void>) | undefined;
    await answering([], async () => {
      later = () => afterAnswer(async () => done.push('late'));
    });
    await later!();
    expect(done).toEqual(['outside', 'late']);
  });

  it('keeps what was deferred before the answer failed, and goes on after a failed follow-up', async () => {
    const tasks: FollowUp[] = [];
    await expect(
      answering(tasks, async () => {
        await afterAnswer(async () => {
          throw new Error('store away');
        });
        await afterAnswer(async () => undefined);
        throw new Error('answer failed');
      }),
    ).rejects.toThrow('answer failed');
    const errors: unknown[] = [];
    await runFollowUps(tasks, (error) => errors.push(error));
    expect(tasks).toHaveLength(2);
    expect(errors).toHaveLength(1);
  });
});
