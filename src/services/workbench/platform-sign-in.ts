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
    /** The organisation's CorpId (DINGTALK_CORP_ID) that the page passes to requestAuthCode; unset: no 免登. */
    corpId: string | undefined;
    /** 免登 `authCode` → `/topapi/v2/user/getuserinfo` → userid. */
    userIdForAuthCode(code: string): Promise<string | null>;
    /**
     * Web login's `authCode` → `/v1.0/oauth2/userAccessToken` → `/v1.0/contact/users/me` (unionId) →
     * `/topapi/user/getbyunionid` → userid; `code_invalid` for a bad, used or expired code,
     * `not_in_org` for a DingTalk account outside the organisation.
     */
    userIdForLoginCode(code: string): Promise<{ userId: string } | { refusal: 'code_invalid' | 'not_in_org' }>;
  };
}
