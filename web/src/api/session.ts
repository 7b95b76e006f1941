import { reactive } from 'vue';
import { requestDingtalkAuthCode } from './dingtalk';
import { api, ApiError, setCsrfToken } from './http';

export type Role = 'member' | 'convenor' | 'staff' | 'admin';

export interface SessionMember {
  id: string;
  name: string;
  role: Role;
  sector?: string;
}

interface SessionBody {
  member: SessionMember;
  csrfToken: string;
  expiresAt: string;
}

/** The signed-in member, shared by the frame, the router guard and the pages. */
export const session = reactive<{ member: SessionMember | null; loaded: boolean }>({ member: null, loaded: false });

/** Asks the server who is signed in; `null` when nobody is (401). Other errors propagate. */
export async function loadSession(): Promise<SessionMember | null> {
  try {
    const body = await api.get<SessionBody>('/api/session');
    setCsrfToken(body.csrfToken);
    session.member = body.member;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    setCsrfToken(undefined);
    session.member = null;
  }
  session.loaded = true;
  return session.member;
}

/**
 * Forgets the member before the server is told, so that a request still in flight (the board's
 * polling) that comes back 401 is known to be the member's own doing, not an expired session.
 */
export async function signOut(): Promise<void> {
  session.member = null;
  try {
    await api.post('/api/session/sign-out');
  } finally {
    setCsrfToken(undefined);
  }
}

/** The ways of signing in that this deployment has set up (GET /workbench/auth/options). */
export interface SignInOptions {
  wecom: boolean;
  /** DingTalk web login; `corpId` only when 免登 inside DingTalk is set up (DINGTALK_CORP_ID). */
  dingtalk: { webLogin: boolean; corpId: string | null } | null;
}

export const signInOptions = () => api.get<SignInOptions>('/workbench/auth/options');

/**
 * 免登 inside DingTalk: a code from the DingTalk app, exchanged by the server for a session (the
 * cookie comes with the answer). Throws with a sentence to show when DingTalk or the server refuse.
 */
export async function signInWithDingtalk(corpId: string): Promise<SessionMember> {
  const authCode = await requestDingtalkAuthCode(corpId);
  const body = await api.post<SessionBody>('/workbench/auth/dingtalk', { authCode });
  setCsrfToken(body.csrfToken);
  session.member = body.member;
  session.loaded = true;
  return body.member;
}

export const isOffice = (role: Role | undefined) => role === 'staff' || role === 'admin';
