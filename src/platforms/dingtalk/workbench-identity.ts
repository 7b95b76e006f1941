import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type { DingtalkConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { PlatformSignIn } from '../../services/workbench/platform-sign-in.js';
import { DingtalkAccessToken } from './access-token.js';
import { errorCodeOf, requestJson } from './http-client.js';

/** 40078 不存在的临时授权码: the code is unknown, used or older than 5 minutes. */
const INVALID_AUTH_CODE = 40078;
/** 88 / 40014: the access token was refused. */
const TOKEN_REFUSED = new Set([88, 40014]);

/**
 * The workbench's DingTalk 免登: `requestAuthCode`'s code → `POST /topapi/v2/user/getuserinfo` with the
 * app's access token (the one the robot already uses) → userid.
 */
export function dingtalkWorkbenchIdentity(deps: {
  config: DingtalkConfig;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
}): NonNullable<PlatformSignIn['dingtalk']> {
  const tokens = new DingtalkAccessToken(deps.config, deps.coordination, deps.clock, deps.logger);
  const ask = (token: string, code: string) =>
    requestJson(`${deps.config.oapiBase}/topapi/v2/user/getuserinfo?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      body: { code },
    });
  return {
    appKey: deps.config.appKey,
    userIdForAuthCode: async (code) => {
      const token = await tokens.get();
      let answer = await ask(token, code);
      if (TOKEN_REFUSED.has(errorCodeOf(answer))) {
        await tokens.invalidate(token);
        answer = await ask(await tokens.get(), code);
      }
      const code_ = errorCodeOf(answer);
      const userId = (answer.body.result as { userid?: unknown } | undefined)?.userid;
      if (code_ === 0 && typeof userId === 'string' && userId !== '') return userId;
      if (code_ === 0 || code_ === INVALID_AUTH_CODE) return null;
      throw new Error(`DingTalk refused topapi/v2/user/getuserinfo: ${code_}`);
    },
  };
}
