import Router from '@koa/router';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import { readRawBody } from '../../http/raw-body.js';
import type { Coordination } from '../../core/coordination.js';
import type { DingtalkInbound } from './inbound.js';
import { isFirstUseOfSign } from './replay-guard.js';
import { checkDingtalkSign } from './verify.js';

/**
 * `POST /dingtalk`: the robot's HTTP callback. The `timestamp`/`sign` headers are checked before
 * the body is read, and a signed pair is taken by the first body it comes with (replay-guard.ts)
 * before that body is parsed. The 200 goes out once the message is durably recorded, and the command runs
 * on after it; while MongoDB or Redis is away the answer is 503 (errorBoundary), so DingTalk
 * delivers the message again instead of it being lost.
 */
export function dingtalkCallbackRouter(deps: {
  appSecret: string;
  bodyLimitBytes: number;
  clock: Clock;
  coordination: Coordination;
  inbound: DingtalkInbound;
}): Router {
  const router = new Router();
  router.post('/dingtalk', async (ctx) => {
    const timestamp = ctx.get('timestamp');
    const sign = ctx.get('sign');
    const nowMs = deps.clock.now().getTime();
    const check = checkDingtalkSign(timestamp || undefined, sign || undefined, deps.appSecret, nowMs);
    if (!check.ok)
      throw new YishiError('dingtalk_signature_invalid', { status: 401, detail: `DingTalk callback refused: ${check.reason}` });
    const raw = await readRawBody(ctx, deps.bodyLimitBytes);
    if (!(await isFirstUseOfSign(deps.coordination, { timestamp, sign, body: raw, nowMs })))
      throw new YishiError('dingtalk_signature_replayed', {
        status: 401,
        detail: 'DingTalk callback refused: this timestamp and sign already came with another body',
      });
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new YishiError('body_not_json', { status: 400, detail: 'The DingTalk callback body is not valid JSON.' });
    }
    const accepted = await deps.inbound.accept(payload, 'http');
    if (!accepted.ok)
      throw new YishiError('dingtalk_message_invalid', { status: 400, detail: `Not a DingTalk robot message: ${accepted.problem}` });
    ctx.status = 200;
    ctx.body = {};
  });
  return router;
}
