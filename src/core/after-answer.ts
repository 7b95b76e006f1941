import { AsyncLocalStorage } from 'node:async_hooks';

/** Store work that may wait until the answer has gone out. */
export type FollowUp = () => Promise<unknown>;

interface Scope {
  phase: 'answering' | 'after';
  tasks: FollowUp[];
}

const scope = new AsyncLocalStorage<Scope>();

/**
 * Runs `task` once the message being answered has its answer (issue 20: an opinion in at most 5
 * store round trips on the request path). Called while no message is being answered (a scheduled
 * job, the admin API, the CLI) or from a follow-up itself, it runs at once. Follow-ups run one after
 * the other in the order they were deferred, so a later one may rely on an earlier one.
 *
 * Only work that a crash may lose without harm, or that is recovered without the request, belongs
 * here: the outbox's queue entry (start-up and nightly recovery give a waiting item its entry again),
 * the dispatcher's wake-up, the inbox's stored answer (a redelivery after a crash is handled again).
 *
 * @example
 * await this.model.create(item);
 * await afterAnswer(() => this.live.add(item._id, entry));
 */
export async function afterAnswer(task: FollowUp): Promise<void> {
  const current = scope.getStore();
  if (current?.phase === 'answering') current.tasks.push(task);
  else await task();
}

/**
 * Runs `answer` with {@link afterAnswer} putting follow-ups into `tasks` (also when `answer`
 * throws: what was deferred before the throw is still owed).
 */
export async function answering<T>(tasks: FollowUp[], answer: () => Promise<T>): Promise<T> {
  const current: Scope = { phase: 'answering', tasks };
  try {
    return await scope.run(current, answer);
  } finally {
    // Timers or loops started while answering keep this context: what they defer later runs at once.
    current.phase = 'after';
  }
}

/**
 * Runs follow-ups one by one, outside any answering scope (so what they defer runs at once).
 * A failed follow-up is reported to `onError` and does not stop the ones after it.
 */
export async function runFollowUps(tasks: readonly FollowUp[], onError: (error: unknown) => void): Promise<void> {
  await scope.run({ phase: 'after', tasks: [] }, async () => {
    for (const task of tasks) {
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    }
  });
}

/** True inside {@link runFollowUps}: lets a test tell the request path's store commands from the follow-ups'. */
export function inFollowUp(): boolean {
  return scope.getStore()?.phase === 'after';
}
