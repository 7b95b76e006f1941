import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import { SendError } from '../types.js';

/**
 * DingTalk allows 20 messages a minute per robot. A bucket of 10 that refills 10 a minute lets
 * at most 10 + 10 = 20 through in any 60-second window (a bucket of 20 refilling 20 a minute
 * would let up to 39 through: a full burst, then the refill).
 */
const BUCKET_CAPACITY = 10;
const BUCKET_REFILL_MS = 60_000;
/** After 130101 DingTalk blocks the robot for about ten minutes; sending sooner only fails. */
export const THROTTLED_COOL_DOWN_MS = 10 * 60_000;

/** A short, stable id for a custom robot, so its access token never appears in a key or a log. */
export function customRobotId(accessToken: string): string {
  return `custom-${createHash('sha256').update(accessToken).digest('hex').slice(0, 16)}`;
}

/** The per-robot send limit, shared by every instance through coordination. */
export class RobotThrottle {
  constructor(
    private readonly coordination: Coordination,
    private readonly clock: Clock,
  ) {}

  /** Takes one send from `robotId`'s budget; throws a retryable {@link SendError} when none is left. */
  async take(robotId: string): Promise<void> {
    const nowMs = this.clock.now().getTime();
    const cooling = await this.coordination.getState<{ untilMs: number }>(`dingtalk-robot-cool-down:${robotId}`);
    if (cooling && cooling.untilMs > nowMs) {
      throw new SendError(
        `DingTalk robot ${robotId} is cooling down after being throttled`,
        'dingtalk_robot_cooling_down',
        true,
        cooling.untilMs - nowMs,
      );
    }
    const token = await this.coordination.takeToken(`dingtalk-robot:${robotId}`, BUCKET_CAPACITY, BUCKET_REFILL_MS, nowMs);
    if (!token.allowed) {
      throw new SendError(
        `DingTalk robot ${robotId} has used its 20 messages for this minute`,
        'dingtalk_robot_rate_limited',
        true,
        token.retryAfterMs,
      );
    }
  }

  /** Records that DingTalk answered 130101, so no instance sends through this robot for a while. */
  async coolDown(robotId: string): Promise<number> {
    const untilMs = this.clock.now().getTime() + THROTTLED_COOL_DOWN_MS;
    await this.coordination.setState(`dingtalk-robot-cool-down:${robotId}`, { untilMs }, THROTTLED_COOL_DOWN_MS);
    return THROTTLED_COOL_DOWN_MS;
  }
}
