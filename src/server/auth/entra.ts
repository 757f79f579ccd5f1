// Microsoft Entra ID access tokens, as the taskpane gets them from MSAL (nested app authentication).
// The signature and the claims are checked by jose; the tenant's keys come from JwksCache below,
// which keeps serving cached keys while the endpoint is down and refetches on an unknown kid at
// most once a minute. Pinned: RS256, the tenant's v2.0 issuer, our audience, expiry.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { decodeJwt, type TokenError, type Verified } from './jwt';

export interface EntraConfig {
  readonly tenantId: string;
  readonly clientId: string;
  /** Accepted `aud` values: the client id, and ENTRA_AUDIENCE (e.g. "api://addin.example.vn/<clientId>") when set. */
  readonly audiences: readonly string[];
  readonly issuer: string;
  readonly jwksUrl: string;
  /** Clock skew tolerated on exp/nbf, seconds. */
  readonly clockSkewSec: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Entra settings from the environment; null when ENTRA_TENANT_ID and ENTRA_CLIENT_ID are unset
 * (local accounts only). Throws a list of problems for a half-done configuration.
 */
export function loadEntraConfig(env: Readonly<Record<string, string | undefined>> = process.env): EntraConfig | null {
  const tenantId = env.ENTRA_TENANT_ID?.trim() ?? '';
  const clientId = env.ENTRA_CLIENT_ID?.trim() ?? '';
  if (!tenantId && !clientId) return null;
  const problems: string[] = [];
  // A tenant id, not "common"/"organizations": tokens of any tenant must not be accepted.
  if (!GUID.test(tenantId)) problems.push('ENTRA_TENANT_ID must be the directory (tenant) id, a GUID');
  if (!GUID.test(clientId)) problems.push('ENTRA_CLIENT_ID must be the application (client) id, a GUID');
  const jwksUrl = env.ENTRA_JWKS_URL?.trim() || `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
  if (!/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(jwksUrl)) problems.push('ENTRA_JWKS_URL must be https:// (plain http only on loopback, for tests)');
  if (problems.length > 0) throw new Error(`Invalid Entra configuration:\n  - ${problems.join('\n  - ')}`);
  const extra = env.ENTRA_AUDIENCE?.trim();
  return {
    tenantId,
    clientId,
    audiences: extra ? [clientId, extra] : [clientId],
    issuer: env.ENTRA_ISSUER?.trim() || `https://login.microsoftonline.com/${tenantId}/v2.0`,
    jwksUrl,
    clockSkewSec: 300,
  };
}

/**
 * The tenant's signing keys, cached by kid. An unknown kid triggers one refetch (Entra rolls keys),
 * at most once per minRefetchMs so tokens with made-up kids cannot make us hammer the endpoint.
 */
export class JwksCache {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly opts: { maxAgeMs?: number; minRefetchMs?: number; timeoutMs?: number; now?: () => number } = {},
  ) {}

  async get(kid: string): Promise<KeyObject | undefined> {
    const now = (this.opts.now ?? Date.now)();
    const stale = now - this.fetchedAt > (this.opts.maxAgeMs ?? 24 * 3600_000);
    const mayRefetch = now - this.fetchedAt > (this.opts.minRefetchMs ?? 60_000);
    if (stale || (!this.keys.has(kid) && mayRefetch)) {
      try {
        await this.refresh();
      } catch (err) {
        // Keep serving cached keys when the endpoint is briefly down; with none, tokens fail.
        if (this.keys.size === 0) throw err;
      }
    }
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    this.fetchedAt = (this.opts.now ?? Date.now)();
    const res = await fetch(this.url, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000), redirect: 'error' });
    if (!res.ok) throw new Error(`JWKS ${this.url} answered ${res.status}`);
    const body = (await res.json()) as { keys?: unknown };
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(body.keys) ? (body.keys as Record<string, unknown>[]) : []) {
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string') continue;
      if (jwk.use !== undefined && jwk.use !== 'sig') continue;
      if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' }));
      } catch {
        // one malformed key must not hide the others
      }
    }
    this.keys = keys;
  }
}

export interface EntraIdentity {
  /** Object id: immutable, the preferred link to a local account. */
  readonly oid: string | undefined;
  /** preferred_username or upn, lower-case. */
  readonly upn: string | undefined;
  readonly name: string | undefined;
}

function entraRefusal(error: unknown): TokenError {
  if (error instanceof joseErrors.JWTExpired) return 'token.expired';
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) return 'token.algorithm';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token.signature';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'token.issuer';
    if (error.claim === 'aud') return 'token.audience';
    if ((error.claim === 'nbf' || error.claim === 'iat') && error.reason !== 'missing') return 'token.notYetValid';
    return 'token.claims';
  }
  return 'token.malformed';
}

/** Verify an Entra access token and return who it names. */
export async function verifyEntraToken(config: EntraConfig, jwks: JwksCache, token: string, now: Date = new Date()): Promise<Verified<EntraIdentity>> {
  const jwt = decodeJwt(token);
  if (!jwt) return { ok: false, error: 'token.malformed' };
  // Pinned: an HS256 token "signed" with our public key, or alg none, never reaches a key.
  if (jwt.header.alg !== 'RS256' || jwt.header.crit !== undefined) return { ok: false, error: 'token.algorithm' };
  if (typeof jwt.header.kid !== 'string') return { ok: false, error: 'token.unknownKey' };
  let key: KeyObject | undefined;
  try {
    key = await jwks.get(jwt.header.kid);
  } catch {
    key = undefined;
  }
  if (!key) return { ok: false, error: 'token.unknownKey' };
  let p: Record<string, unknown>;
  try {
    ({ payload: p } = await jwtVerify(token, key, {
      algorithms: ['RS256'],
      issuer: config.issuer,
      audience: [...config.audiences],
      clockTolerance: config.clockSkewSec,
      currentDate: now,
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    return { ok: false, error: entraRefusal(error) };
  }
  if (p.tid !== undefined && p.tid !== config.tenantId) return { ok: false, error: 'token.issuer' };
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const upn = str(p.preferred_username) ?? str(p.upn);
  const identity = { oid: str(p.oid), upn: upn?.toLowerCase(), name: str(p.name) };
  if (!identity.oid && !identity.upn) return { ok: false, error: 'token.claims' };
  return { ok: true, value: identity };
}
