import type { ChildProcess } from 'node:child_process';

/**
 * Sends `signal` to a child process (none when null: something else is stopping it) and waits for
 * it to exit, killing it after `graceMs`.
 */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals | null = 'SIGTERM', graceMs = 5000): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    if (signal) child.kill(signal);
  });
}
