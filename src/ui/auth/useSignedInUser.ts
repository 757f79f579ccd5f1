// The signed-in user, one hook for every view (taskpane Excel and Word views, web app). The session
// lives in sessionStorage (src/client/session.ts); the API client reads the CURRENT token on each
// call, so when a sign-in expires and the user signs in again, the views stay mounted and keep what
// was typed – only the token changes underneath them.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { createApiClient, type ApiClient } from '../../client/api';
import { createFileClient, type FileClient } from '../../client/files';
import { loadSession, saveSession, type Session, type SessionUser } from '../../client/session';

export interface SignedInUser {
  readonly user: SessionUser;
  /** The current bearer token (it changes when the user signs in again after expiry). */
  readonly token: () => string | null;
  /** Sends the current token; a 401 marks the sign-in as expired instead of dropping the page. */
  readonly api: ApiClient;
  /** Downloads, uploads, PUT and DELETE, with the same token and expiry. */
  readonly files: FileClient;
  readonly signOut: () => void;
}

export interface AuthState {
  /** The session, kept while expired so the page underneath stays as it was. */
  readonly session: Session | null;
  readonly expired: boolean;
  /** The user signed out by their own hand (the sign-in page says so). */
  readonly signedOut: boolean;
  readonly api: ApiClient;
  readonly files: FileClient;
  readonly token: () => string | null;
  /** A new session from sign-in or a password change. */
  readonly accept: (session: Session) => void;
  readonly signOut: () => void;
}

/**
 * The session state behind the provider: sign-in, expiry (on a 401 or when expiresAt passes) and
 * sign-out. `baseUrl` is '' for the page's own origin.
 */
export function useAuthState(baseUrl = ''): AuthState {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [expired, setExpired] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const current = useRef(session);
  current.current = session;

  const token = useCallback(() => current.current?.token ?? null, []);
  const { api, files } = useMemo(() => {
    const options = { baseUrl, token, onUnauthorized: () => { if (current.current) setExpired(true); } };
    return { api: createApiClient(options), files: createFileClient(options) };
  }, [baseUrl, token]);
  const accept = useCallback((next: Session) => {
    saveSession(next);
    current.current = next;
    setSession(next);
    setExpired(false);
    setSignedOut(false);
  }, []);
  const signOut = useCallback(() => {
    // The server ends every session of the user (a token left on a shared computer must not outlive
    // the sign-out); the page forgets its own at once, whether or not the server could be reached.
    if (current.current) void api.post('/api/auth/logout').catch(() => undefined);
    saveSession(null);
    current.current = null;
    setSession(null);
    setExpired(false);
    setSignedOut(true);
  }, [api]);

  // The token's own end: tell the user before their next click fails.
  useEffect(() => {
    if (!session || expired) return undefined;
    const left = Date.parse(session.expiresAt) - Date.now();
    if (left <= 0) {
      setExpired(true);
      return undefined;
    }
    // setTimeout's limit is about 24.8 days; tokens live hours.
    const timer = setTimeout(() => setExpired(true), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [session, expired]);

  return { session, expired, signedOut, api, files, token, accept, signOut };
}

export const AuthContext = createContext<AuthState | null>(null);

/**
 * The signed-in user, inside a <SignInGate> (which renders its children only once someone is signed
 * in and has no password to change).
 * @example const { user, api } = useSignedInUser(); await api.get('/api/auth/me');
 */
export function useSignedInUser(): SignedInUser {
  const auth = useContext(AuthContext);
  if (!auth?.session) throw new Error('useSignedInUser() is used outside a signed-in <SignInGate>.');
  return { user: auth.session.user, token: auth.token, api: auth.api, files: auth.files, signOut: auth.signOut };
}
