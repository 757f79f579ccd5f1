// Local passwords: scrypt (memory-hard, in node:crypto, no native add-on) stored as
// "scrypt$N$r$p$salt$hash" (base64) so the cost can be raised later without breaking old hashes.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const SALT_LEN = 16;
/** Cost limits accepted when reading a stored hash: a corrupted row must not make us burn RAM. */
const MAX_N = 1 << 20;
const MAX_PASSWORD = 1024;

function scrypt(password: string, salt: Buffer, keyLen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, keyLen, { ...opts, maxmem: 256 * (opts.N ?? N) * (opts.r ?? R) + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Hash a password with a fresh salt.
 * @example await hashPassword('mật khẩu đủ dài') // "scrypt$16384$8$1$…$…"
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LEN);
  const key = await scrypt(password, salt, KEY_LEN, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map((x) => (/^\d+$/.test(x) ? Number(x) : NaN));
  if (!(n >= 2 && n <= MAX_N && (n & (n - 1)) === 0) || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > 128) return null;
  return { n, r, p, salt, hash };
}

let dummy: Promise<string> | null = null;

/**
 * Check a password against a stored hash in constant time. A null or malformed hash (unknown user,
 * Entra-only account) still costs one scrypt run against a dummy hash, so the response time does
 * not tell an attacker whether the account exists.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = stored ? parse(stored) : null;
  if (!parsed || password.length > MAX_PASSWORD) {
    dummy ??= hashPassword('dummy-password-for-timing');
    const d = parse(await dummy)!;
    const key = await scrypt(password.slice(0, MAX_PASSWORD), d.salt, d.hash.length, { N: d.n, r: d.r, p: d.p });
    timingSafeEqual(key, d.hash);
    return false;
  }
  const key = await scrypt(password, parsed.salt, parsed.hash.length, { N: parsed.n, r: parsed.r, p: parsed.p });
  return timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash uses weaker parameters than today's, so it can be rehashed on login. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.n < N || parsed.r < R || parsed.hash.length < KEY_LEN;
}

export { checkPasswordPolicy, MIN_PASSWORD_LENGTH } from './password-policy';
