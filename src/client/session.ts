// Local sign-in (POST /api/auth/login) and the session it gives: the token and who the user is,
// kept in sessionStorage so a reload of the taskpane keeps the user signed in until it expires.
import type { Session } from '../core/api';
import { createApiClient } from './api';

export type { Session, SessionUser } from '../core/api';

const KEY = 'cds.session';

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored session, unless it has expired. */
export function loadSession(now = Date.now()): Session | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return Date.parse(s.expiresAt) > now ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) storage()?.setItem(KEY, JSON.stringify(session));
  else storage()?.removeItem(KEY);
}

/** Signs in with a local account; throws ApiError with the server's Vietnamese message. */
export async function signIn(username: string, password: string, baseUrl = ''): Promise<Session> {
  const api = createApiClient({ baseUrl, token: () => null });
  // The API contract (zod schemas) loads with the first sign-in, not with the sign-in page.
  const { login } = await import(/* webpackChunkName: "api-contract" */ './endpoints');
  const session = await login(api, { username, password });
  saveSession(session);
  return session;
}
