// The compact JWS shape shared by local tokens (HS256) and Entra tokens (RS256): split, decode and
// check the time claims here once, so each verifier only adds its own signature and issuer rules.

export interface JwtParts {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  /** "<header>.<payload>" as received: the bytes the signature covers. */
  readonly signingInput: string;
  readonly signature: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Split a compact JWS without verifying it. Null for anything that is not three base64url parts of JSON. */
export function decodeJwt(token: string): JwtParts | null {
  if (token.length > 16384) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p)) || parts[2] === '') return null;
  const header = decodeJson(parts[0]);
  const payload = decodeJson(parts[1]);
  if (!header || !payload) return null;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
}

export const b64json = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Why a token was refused; the codes are for logs and tests, users only ever see "sign in again". */
export type TokenError =
  | 'token.malformed'
  | 'token.algorithm'
  | 'token.signature'
  | 'token.expired'
  | 'token.notYetValid'
  | 'token.issuer'
  | 'token.audience'
  | 'token.unknownKey'
  | 'token.claims';

export type Verified<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TokenError };

/** exp is required; nbf and iat, when present, may not be in the future (beyond the clock skew). */
export function checkTimes(payload: Record<string, unknown>, nowSec: number, skewSec: number): TokenError | null {
  const { exp, nbf, iat } = payload;
  if (typeof exp !== 'number') return 'token.claims';
  if (nowSec >= exp + skewSec) return 'token.expired';
  if (nbf !== undefined && (typeof nbf !== 'number' || nowSec + skewSec < nbf)) return 'token.notYetValid';
  if (iat !== undefined && (typeof iat !== 'number' || nowSec + skewSec < iat)) return 'token.notYetValid';
  return null;
}
