// GET /api/auth/config: what the taskpane needs to choose its sign-in before anyone is signed in –
// Microsoft Entra (MSAL nested app authentication) when ENTRA_* is configured, local accounts
// otherwise. Public and secret-free: ids of the app registration only, as any SPA ships them.
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { loadEntraConfig } from '../auth/entra';
import { route } from './contract';

export interface ClientAuthConfig {
  readonly entraClientId: string | null;
  readonly entraTenantId: string | null;
  readonly authority: string | null;
  /** The scope whose access token the server accepts (its audience). */
  readonly scope: string | null;
}

/** From the same variables the auth plugin verifies Entra tokens with (read once, at start). */
export function clientAuthConfig(env: Readonly<Record<string, string | undefined>> = process.env): ClientAuthConfig {
  const entra = loadEntraConfig(env);
  if (!entra) return { entraClientId: null, entraTenantId: null, authority: null, scope: null };
  const audience = env.ENTRA_AUDIENCE?.trim();
  return {
    entraClientId: entra.clientId,
    entraTenantId: entra.tenantId,
    authority: `https://login.microsoftonline.com/${entra.tenantId}`,
    scope: audience ? `${audience}/access_as_user` : `${entra.clientId}/.default`,
  };
}

export const clientConfigRoutes: FastifyPluginAsync = async (app) => {
  const config = clientAuthConfig();
  route(app, API.authConfig, async () => config);
};
