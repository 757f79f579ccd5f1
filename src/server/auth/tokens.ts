// Local bearer tokens: compact JWTs signed with HMAC-SHA256. The algorithm is pinned, so "none",
// RS256 or anything else in the header is refused before any key is touched.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { b64json, checkTimes, decodeJwt, type Verified } from './jwt';

/** The issuer of local tokens; Entra tokens carry login.microsoftonline.com instead. */
export const LOCAL_ISSUER = 'cds-nghean';
export const DEFAULT_TOKEN_TTL_SEC = 8 * 60 * 60;
const MIN_SECRET_BYTES = 32;

export interface LocalClaims {
  /** users.id */
  readonly sub: string;
  readonly iat: number;
  readonly exp: number;
  /** A fingerprint of the password hash at sign-in, so changing the password ends older sessions. */
  readonly pwd: string;
}

/** A short digest of a stored password hash (or '' for accounts without one). */
export function passwordFingerprint(passwordHash: string | null): string {
  return passwordHash ? createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16) : '';
}

/**
 * The signing secret: AUTH_SECRET when set (at least 32 bytes), otherwise DATA_DIR/auth-secret,
 * created on first start with mode 0600 so restarts keep sessions valid.
 */
export function loadAuthSecret(opts: { authSecret?: string; dataDir: string }): Buffer {
  if (opts.authSecret) {
    const secret = Buffer.from(opts.authSecret, 'utf8');
    if (secret.length < MIN_SECRET_BYTES) throw new Error(`AUTH_SECRET phải dài ít nhất ${MIN_SECRET_BYTES} byte.`);
    return secret;
  }
  const file = join(opts.dataDir, 'auth-secret');
  mkdirSync(opts.dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists: two processes starting together keep the first secret.
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A copy restored with loose permissions is tightened: anyone who reads it can sign tokens.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`${file} quá ngắn; xoá tệp để tạo lại khoá.`);
  return secret;
}

const hmac = (secret: Buffer, input: string): Buffer => createHmac('sha256', secret).update(input).digest();

/**
 * Sign a local token.
 * @example signToken(secret, { sub: user.id, pwd }) // { token: "eyJ…", expiresAt: "2026-…Z" }
 */
export function signToken(
  secret: Buffer,
  claims: { sub: string; pwd: string },
  opts: { ttlSec?: number; now?: Date } = {},
): { token: string; expiresAt: string } {
  const iat = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const exp = iat + (opts.ttlSec ?? DEFAULT_TOKEN_TTL_SEC);
  const input = `${b64json({ alg: 'HS256', typ: 'JWT' })}.${b64json({ iss: LOCAL_ISSUER, sub: claims.sub, pwd: claims.pwd, iat, exp })}`;
  return { token: `${input}.${hmac(secret, input).toString('base64url')}`, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Verify a local token: HS256 only, our issuer, a valid signature, not expired. */
export function verifyToken(secret: Buffer, token: string, now: Date = new Date()): Verified<LocalClaims> {
  const jwt = decodeJwt(token);
  if (!jwt) return { ok: false, error: 'token.malformed' };
  if (jwt.header.alg !== 'HS256' || jwt.header.crit !== undefined) return { ok: false, error: 'token.algorithm' };
  const expected = hmac(secret, jwt.signingInput);
  if (jwt.signature.length !== expected.length || !timingSafeEqual(jwt.signature, expected)) return { ok: false, error: 'token.signature' };
  const p = jwt.payload;
  if (p.iss !== LOCAL_ISSUER) return { ok: false, error: 'token.issuer' };
  const timeError = checkTimes(p, Math.floor(now.getTime() / 1000), 0);
  if (timeError) return { ok: false, error: timeError };
  if (typeof p.sub !== 'string' || !p.sub || typeof p.pwd !== 'string' || typeof p.iat !== 'number') return { ok: false, error: 'token.claims' };
  return { ok: true, value: { sub: p.sub, pwd: p.pwd, iat: p.iat, exp: p.exp as number } };
}
