import { createHash } from 'node:crypto';
import type { Coordination } from '../../core/coordination.js';
import { DINGTALK_SIGN_WINDOW_MS } from './verify.js';

/** Instances' clocks may differ a little; the claim outlives the window by this much. */
const CLOCK_SKEW_MS = 60_000;

/**
 * True when this (timestamp, sign) pair has not been seen with another body.
 *
 * Why: DingTalk's sign covers only the timestamp, so a captured pair would otherwise carry any
 * body (any sender, any command) for the rest of its hour. The first request with a pair claims
 * it for the SHA-256 of its body, for as long as the pair can pass the freshness check; the same
 * pair with another body is a replay and is refused. The same pair with the same bytes is let
 * through on purpose: it can only be a redelivery of a message already taken (DingTalk does not
 * document whether an HTTP retry keeps its headers), and the inbox dedups it by msgId, so it
 * changes nothing and is answered as the first delivery was.
 */
export async function isFirstUseOfSign(
  coordination: Coordination,
  request: { timestamp: string; sign: string; body: Buffer; nowMs: number },
): Promise<boolean> {
  const digest = createHash('sha256').update(request.body).digest('base64url');
  const ttlMs = Number(request.timestamp) + DINGTALK_SIGN_WINDOW_MS - request.nowMs + CLOCK_SKEW_MS;
  return coordination.claimFor(`dingtalk-sign:${request.timestamp}:${request.sign}`, digest, Math.max(CLOCK_SKEW_MS, ttlMs));
}
