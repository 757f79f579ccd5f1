// Local bearer tokens: compact JWTs signed with HMAC-SHA256 by jose. The algorithm is pinned, so
// "none", RS256 or anything else in the header is refused before any key is touched.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { decodeJwt, type TokenError, type Verified } from './jwt';

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

/**
 * Sign a local token (jose, HS256).
 * @example await signToken(secret, { sub: user.id, pwd }) // { token: "eyJ…", expiresAt: "2026-…Z" }
 */
export async function signToken(
  secret: Buffer,
  claims: { sub: string; pwd: string },
  opts: { ttlSec?: number; now?: Date } = {},
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const exp = iat + (opts.ttlSec ?? DEFAULT_TOKEN_TTL_SEC);
  const token = await new SignJWT({ pwd: claims.pwd })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Why jose refused a token, in the codes the logs and tests use. */
function refusal(error: unknown): TokenError {
  if (error instanceof joseErrors.JWTExpired) return 'token.expired';
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) return 'token.algorithm';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token.signature';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'token.issuer';
    if (error.claim === 'nbf' || error.claim === 'iat') return error.reason === 'missing' ? 'token.claims' : 'token.notYetValid';
    return 'token.claims';
  }
  return 'token.malformed';
}

/**
 * Tokens whose signature has been verified, per secret. A signature check of a given token under a
 * given secret always gives the same answer, so it is remembered (jose's WebCrypto HMAC was the
 * auth hook's largest cost, docs/figures.md); what can change is checked again at every use: the
 * time claims here, and the session stamp and the account against the database in the auth hook,
 * so a sign-out, a new password or a disabled account still ends the token at once on every
 * instance. Tokens with an nbf claim are not remembered (ours never carry one).
 */
const verifiedTokens = new WeakMap<Buffer, Map<string, LocalClaims>>();
/** About 2 MB of tokens; the oldest are forgotten first (and checked by jose again when they come back). */
const VERIFIED_LIMIT = 10_000;

/** Whether this exact token was verified as one of ours under this secret (its issuer is LOCAL_ISSUER). */
export function isVerifiedLocal(secret: Buffer, token: string): boolean {
  return verifiedTokens.get(secret)?.has(token) ?? false;
}

function rememberVerified(secret: Buffer, token: string, claims: LocalClaims): void {
  let known = verifiedTokens.get(secret);
  if (!known) verifiedTokens.set(secret, (known = new Map()));
  if (known.size >= VERIFIED_LIMIT) known.delete(known.keys().next().value as string);
  known.set(token, claims);
}

/** The time rules jose applies, for a token verified before: expired at exp, not valid before iat. */
function timeError(claims: LocalClaims, now: Date): TokenError | null {
  const nowSec = Math.floor(now.getTime() / 1000);
  if (claims.exp <= nowSec) return 'token.expired';
  if (claims.iat > nowSec) return 'token.notYetValid';
  return null;
}

/** Verify a local token: HS256 only (pinned: "none", RS256 or HS512 never reach the key), our issuer, a valid signature, not expired. */
export async function verifyToken(secret: Buffer, token: string, now: Date = new Date()): Promise<Verified<LocalClaims>> {
  const known = verifiedTokens.get(secret)?.get(token);
  if (known) {
    const error = timeError(known, now);
    return error ? { ok: false, error } : { ok: true, value: known };
  }
  const parts = decodeJwt(token);
  if (!parts) return { ok: false, error: 'token.malformed' };
  try {
    const { payload: p } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: LOCAL_ISSUER,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    // jose does not refuse an iat in the future; a token "issued" later than now is not ours.
    if (typeof p.iat === 'number' && p.iat > Math.floor(now.getTime() / 1000)) return { ok: false, error: 'token.notYetValid' };
    if (typeof p.sub !== 'string' || !p.sub || typeof p.pwd !== 'string' || typeof p.iat !== 'number' || typeof p.exp !== 'number') return { ok: false, error: 'token.claims' };
    const claims: LocalClaims = { sub: p.sub, pwd: p.pwd, iat: p.iat, exp: p.exp };
    if (parts.payload.nbf === undefined) rememberVerified(secret, token, claims);
    return { ok: true, value: claims };
  } catch (error) {
    return { ok: false, error: refusal(error) };
  }
}
