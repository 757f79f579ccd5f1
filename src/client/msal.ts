// Sign-in with Microsoft Entra through MSAL's nested app authentication (NAA): inside Office the
// host brokers the token, so no popup of our own is needed where NAA is supported. Used only when
// the server says an Entra app is configured (GET /api/auth/config); otherwise the clerk signs in
// with a local account (session.ts). @azure/msal-browser is imported lazily: it must not weigh on
// the taskpane's first load. The token lives in sessionStorage (session.ts), never in the workbook.
// Source: https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
import { strings } from '../text/strings';
import type { ClientAuthConfig } from '../core/api';
import { createApiClient } from './api';
import { saveSession, type Session } from './session';

export type { ClientAuthConfig } from '../core/api';

const LOCAL_ONLY: ClientAuthConfig = { entraClientId: null, entraTenantId: null, authority: null, scope: null };

/** The server's sign-in settings; local accounts only when it cannot say (older server, offline). */
export async function fetchAuthConfig(baseUrl = '', doFetch: typeof fetch = (...a) => fetch(...a)): Promise<ClientAuthConfig> {
  try {
    // The API contract (zod schemas) is its own chunk: not on the sign-in page's first load.
    const { authConfig } = await import(/* webpackChunkName: "api-contract" */ './endpoints');
    const config = await authConfig(createApiClient({ baseUrl, token: () => null, fetch: doFetch }));
    return config && typeof config.entraClientId === 'string' ? config : LOCAL_ONLY;
  } catch {
    return LOCAL_ONLY;
  }
}

export const entraEnabled = (c: ClientAuthConfig): boolean => c.entraClientId !== null && c.authority !== null && c.scope !== null;

const FAILED = strings.client.entraFailed;

/**
 * Gets an Entra access token (silently when Office already knows the user, otherwise with MSAL's
 * popup), asks the server who that is, and keeps the session like a local sign-in.
 * @example if (entraEnabled(config)) onSignedIn(await signInWithEntra(config));
 */
export async function signInWithEntra(config: ClientAuthConfig, baseUrl = ''): Promise<Session> {
  if (!entraEnabled(config)) throw new Error(FAILED);
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const pca = await msal.createNestablePublicClientApplication({
    auth: { clientId: config.entraClientId!, authority: config.authority! },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const request = { scopes: [config.scope!] };
  let result;
  try {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    result = await pca.acquireTokenSilent(account ? { ...request, account } : request);
  } catch {
    try {
      result = await pca.acquireTokenPopup(request);
    } catch {
      throw new Error(FAILED);
    }
  }
  const token = result.accessToken;
  // The server's answer, not the token's claims: roles are kept on the server (phân quyền).
  const { me } = await import(/* webpackChunkName: "api-contract" */ './endpoints');
  const { user } = await me(createApiClient({ baseUrl, token: () => token }));
  const session: Session = { token, expiresAt: (result.expiresOn ?? new Date(Date.now() + 3_600_000)).toISOString(), user };
  saveSession(session);
  return session;
}
