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

/** A token as a sign-in route hands it over. */
export interface TokenAnswer {
  readonly accessToken: string;
  /** ISO instant; null when the route did not say (an hour is assumed). */
  readonly expiresOn: string | null;
}

/**
 * How this Office can sign in with Microsoft (src/office/capabilities.ts decides): 'nested' when it
 * brokers the token (NestedAppAuth 1.1), 'dialog' through the Office dialog, 'none' when neither.
 */
export interface EntraRoute {
  readonly mode: 'nested' | 'dialog' | 'none';
  /** Signs in in the Office dialog (src/office/auth-dialog/broker.ts). */
  readonly dialog?: (config: ClientAuthConfig) => Promise<TokenAnswer>;
}

/**
 * Gets an Entra access token – brokered by Office where it can (silently when it knows the user,
 * otherwise with MSAL's popup), in the Office dialog where it cannot or where that fails – asks the
 * server who that is, and keeps the session like a local sign-in.
 * @example if (entraEnabled(config)) onSignedIn(await signInWithEntra(config, '', { mode: microsoftSignInMode(), dialog: signInThroughDialog }));
 */
export async function signInWithEntra(config: ClientAuthConfig, baseUrl = '', route: EntraRoute = { mode: 'nested' }): Promise<Session> {
  if (!entraEnabled(config)) throw new Error(FAILED);
  let answer: TokenAnswer;
  if (route.mode === 'nested') {
    try {
      answer = await nestedToken(config);
    } catch (e) {
      if (!route.dialog) throw e;
      answer = await route.dialog(config);
    }
  } else if (route.mode === 'dialog' && route.dialog) {
    answer = await route.dialog(config);
  } else {
    throw new Error(FAILED);
  }
  const token = answer.accessToken;
  // The server's answer, not the token's claims: roles are kept on the server (phân quyền).
  const { me } = await import(/* webpackChunkName: "api-contract" */ './endpoints');
  const { user } = await me(createApiClient({ baseUrl, token: () => token }));
  const session: Session = { token, expiresAt: answer.expiresOn ?? new Date(Date.now() + 3_600_000).toISOString(), user };
  saveSession(session);
  return session;
}

/** MSAL's nested app authentication: Office brokers the token. */
async function nestedToken(config: ClientAuthConfig): Promise<TokenAnswer> {
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
  return { accessToken: result.accessToken, expiresOn: result.expiresOn ? result.expiresOn.toISOString() : null };
}
