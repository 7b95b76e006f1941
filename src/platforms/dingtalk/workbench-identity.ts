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
/** 60121 找不到该用户: the unionId belongs to nobody in this organisation. */
const NOT_IN_ORG = 60121;

/**
 * The workbench's DingTalk sign-ins. 免登: `requestAuthCode`'s code → `POST /topapi/v2/user/getuserinfo`
 * with the app's access token (the one the robot already uses) → userid. Web login (desktop): the
 * login page's `authCode` → the person's own token (`/v1.0/oauth2/userAccessToken`) → their unionId
 * (`/v1.0/contact/users/me`) → userid in this organisation (`/topapi/user/getbyunionid`).
 */
export function dingtalkWorkbenchIdentity(deps: {
  config: DingtalkConfig;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
}): NonNullable<PlatformSignIn['dingtalk']> {
  const tokens = new DingtalkAccessToken(deps.config, deps.coordination, deps.clock, deps.logger);
  const { apiBase, oapiBase } = deps.config;
  /** An oapi call with the app's token, asked again once with a fresh token if DingTalk refuses it. */
  const oapi = async (path: string, body: unknown) => {
    const ask = async (token: string) =>
      requestJson(`${oapiBase}${path}?access_token=${encodeURIComponent(token)}`, { method: 'POST', body });
    const token = await tokens.get();
    const answer = await ask(token);
    if (!TOKEN_REFUSED.has(errorCodeOf(answer))) return answer;
    await tokens.invalidate(token);
    return ask(await tokens.get());
  };
  return {
    appKey: deps.config.appKey,
    corpId: deps.config.corpId,
    userIdForAuthCode: async (code) => {
      const answer = await oapi('/topapi/v2/user/getuserinfo', { code });
      const code_ = errorCodeOf(answer);
      const userId = (answer.body.result as { userid?: unknown } | undefined)?.userid;
      if (code_ === 0 && typeof userId === 'string' && userId !== '') return userId;
      if (code_ === 0 || code_ === INVALID_AUTH_CODE) return null;
      throw new Error(`DingTalk refused topapi/v2/user/getuserinfo: ${code_}`);
    },
    userIdForLoginCode: async (code) => {
      // The person's own token for this code: DingTalk answers 4xx for an unknown, used or expired code.
      const exchanged = await requestJson(`${apiBase}/v1.0/oauth2/userAccessToken`, {
        method: 'POST',
        body: { clientId: deps.config.appKey, clientSecret: deps.config.appSecret, code, grantType: 'authorization_code' },
      });
      const userToken = exchanged.body.accessToken;
      if (exchanged.status >= 400 && exchanged.status < 500) {
        deps.logger.warn(
          { status: exchanged.status, code: exchanged.body.code },
          'DingTalk refused a web login code (used, expired or forged; or a wrong DINGTALK_APP_SECRET)',
        );
        return { refusal: 'code_invalid' };
      }
      if (exchanged.status !== 200 || typeof userToken !== 'string' || userToken === '')
        throw new Error(`DingTalk refused oauth2/userAccessToken: ${exchanged.status} ${String(exchanged.body.code ?? '')}`);
      const me = await requestJson(`${apiBase}/v1.0/contact/users/me`, {
        method: 'GET',
        headers: { 'x-acs-dingtalk-access-token': userToken },
      });
      const unionId = me.body.unionId;
      if (me.status !== 200 || typeof unionId !== 'string' || unionId === '')
        throw new Error(
          `DingTalk refused contact/users/me: ${me.status} ${String(me.body.code ?? '')} (does the app have 个人信息读权限 Contact.User.Read?)`,
        );
      const found = await oapi('/topapi/user/getbyunionid', { unionid: unionId });
      const errorCode = errorCodeOf(found);
      const userId = (found.body.result as { userid?: unknown } | undefined)?.userid;
      if (errorCode === 0 && typeof userId === 'string' && userId !== '') return { userId };
      if (errorCode === NOT_IN_ORG || errorCode === 0) return { refusal: 'not_in_org' };
      throw new Error(`DingTalk refused topapi/user/getbyunionid: ${errorCode}`);
    },
  };
}
