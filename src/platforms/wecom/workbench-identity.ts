import type { WecomAppConfig } from '../../config.js';
import type { Coordination } from '../../core/coordination.js';
import type { Logger } from '../../logger.js';
import type { PlatformSignIn } from '../../services/workbench/platform-sign-in.js';
import { AccessTokenClient } from './access-token.js';
import { callWecom, WECOM_ERRORS } from './api.js';

/** 40029: the OAuth code is unknown, used or expired (codes work once, within 5 minutes). */
const INVALID_CODE = 40029;

/**
 * The workbench's WeCom sign-in: an OAuth2 or web-login `code` → `GET /cgi-bin/auth/getuserinfo` →
 * the member's userid, with the app's cached access token (refreshed once if WeCom refuses it).
 */
export function wecomWorkbenchIdentity(deps: {
  app: WecomAppConfig;
  apiBase: string;
  coordination: Coordination;
  logger: Logger;
}): NonNullable<PlatformSignIn['wecom']> {
  const { app, apiBase } = deps;
  const tokens = new AccessTokenClient({
    apiBase,
    corpId: app.corpId,
    secret: app.secret,
    coordination: deps.coordination,
    logger: deps.logger,
  });
  const ask = (token: string, code: string) =>
    callWecom(`${apiBase}/cgi-bin/auth/getuserinfo?${new URLSearchParams({ access_token: token, code })}`);
  return {
    corpId: app.corpId,
    agentId: app.agentId,
    userIdForCode: async (code) => {
      const token = await tokens.token();
      let result = await ask(token, code);
      if (result.errcode === WECOM_ERRORS.invalidToken || result.errcode === WECOM_ERRORS.tokenExpired)
        result = await ask(await tokens.refresh(token), code);
      if (result.errcode === 0 && typeof result.userid === 'string' && result.userid !== '') return result.userid;
      // A non-member (openid only) or a bad code: nobody to sign in.
      if (result.errcode === 0 || result.errcode === INVALID_CODE) return null;
      throw new Error(`WeCom refused auth/getuserinfo: ${result.errcode} ${result.errmsg}`);
    },
  };
}
