/**
 * What the workbench needs from WeCom and DingTalk to sign someone in: the app's ids for the
 * authorisation pages, and the user id a one-time code stands for (null when the platform calls
 * the code invalid or used). Built in src/composition from the platforms' own API clients.
 */
export interface PlatformSignIn {
  wecom?: {
    corpId: string;
    agentId: string;
    /** `code` from OAuth2 (snsapi_base) or web login → `/cgi-bin/auth/getuserinfo` → userid. */
    userIdForCode(code: string): Promise<string | null>;
  };
  dingtalk?: {
    appKey: string;
    /** 免登 `authCode` → `/topapi/v2/user/getuserinfo` → userid. */
    userIdForAuthCode(code: string): Promise<string | null>;
  };
}
