import { reactive } from 'vue';
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

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/session/sign-out');
  } finally {
    setCsrfToken(undefined);
    session.member = null;
  }
}

export const isOffice = (role: Role | undefined) => role === 'staff' || role === 'admin';
