import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { DEFAULT_TOKEN_TTL_SEC, isVerifiedLocal, loadAuthSecret, signToken, verifyToken } from '../../../src/server/auth/tokens';

const secret = Buffer.from('a-test-secret-that-is-at-least-32-bytes-long');
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const sign = (input: string, key = secret) => createHmac('sha256', key).update(input).digest('base64url');
const now = new Date('2026-03-10T08:00:00Z');

describe('local tokens', () => {
  it('round-trips and expires after 8 hours by default', async () => {
    const { token, expiresAt } = await signToken(secret, { sub: 'u1', pwd: 'fp' }, { now });
    expect(expiresAt).toBe('2026-03-10T16:00:00.000Z');
    expect(DEFAULT_TOKEN_TTL_SEC).toBe(8 * 3600);
    expect(await verifyToken(secret, token, now)).toEqual({ ok: true, value: expect.objectContaining({ sub: 'u1', pwd: 'fp' }) });
    expect((await verifyToken(secret, token, new Date('2026-03-10T15:59:59Z'))).ok).toBe(true);
    expect(await verifyToken(secret, token, new Date('2026-03-10T16:00:00Z'))).toEqual({ ok: false, error: 'token.expired' });
  });

  // Made by hand, as jose makes it (HS256 over "<header>.<payload>"), so the cases below can be built at collection time.
  const h = b64({ alg: 'HS256', typ: 'JWT' });
  const payload = { pwd: 'fp', iss: 'cds-nghean', sub: 'u1', iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 8 * 3600 };
  const p = b64(payload);
  const good = `${h}.${p}.${sign(`${h}.${p}`)}`;

  it('knows a token as ours only once its signature was verified under that secret', async () => {
    const { token } = await signToken(secret, { sub: 'u9', pwd: 'fp' }, { now });
    expect(isVerifiedLocal(secret, token)).toBe(false);
    expect((await verifyToken(Buffer.from('another secret, long enough for HS256 0123456789'), token, now)).ok).toBe(false);
    expect(isVerifiedLocal(secret, token)).toBe(false);
    expect((await verifyToken(secret, token, now)).ok).toBe(true);
    expect(isVerifiedLocal(secret, token)).toBe(true);
    expect(isVerifiedLocal(Buffer.from('another secret, long enough for HS256 0123456789'), token)).toBe(false);
    expect(isVerifiedLocal(secret, `${token.slice(0, -2)}xx`)).toBe(false);
  });

  it('accepts the hand-made token the cases below alter', async () => {
    expect((await verifyToken(secret, good, now)).ok).toBe(true);
  });

  it.each([
    ['alg none, no signature', `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, 'token.malformed'],
    ['alg none with the old signature', `${b64({ alg: 'none' })}.${p}.${good.split('.')[2]}`, 'token.algorithm'],
    ['alg RS256', `${b64({ alg: 'RS256' })}.${p}.${sign(`${b64({ alg: 'RS256' })}.${p}`)}`, 'token.algorithm'],
    ['alg HS512', `${b64({ alg: 'HS512' })}.${p}.${sign(`${b64({ alg: 'HS512' })}.${p}`)}`, 'token.algorithm'],
    ['a payload changed to another user', `${h}.${b64({ ...payload, sub: 'admin' })}.${good.split('.')[2]}`, 'token.signature'],
    ['a later expiry, same signature', `${h}.${b64({ ...payload, exp: payload.exp + 3600 })}.${good.split('.')[2]}`, 'token.signature'],
    ['another secret', `${h}.${p}.${sign(`${h}.${p}`, Buffer.from('x'.repeat(40)))}`, 'token.signature'],
    ['a truncated signature', good.slice(0, -5), 'token.signature'],
    ['another issuer, correctly signed', `${h}.${b64({ ...payload, iss: 'evil' })}.${sign(`${h}.${b64({ ...payload, iss: 'evil' })}`)}`, 'token.issuer'],
    ['no exp, correctly signed', `${h}.${b64({ ...payload, exp: undefined })}.${sign(`${h}.${b64({ ...payload, exp: undefined })}`)}`, 'token.claims'],
    ['two parts', `${h}.${p}`, 'token.malformed'],
    ['not JSON', `abc.def.ghi`, 'token.malformed'],
  ])('refuses %s', async (_name, token, error) => {
    expect(await verifyToken(secret, token, now)).toEqual({ ok: false, error });
  });

  // verifyToken remembers a verified signature (tokens.ts): the time rules and the secret still apply to every use.
  it.each([
    ['at its expiry', new Date('2026-03-10T16:00:00Z'), secret, 'token.expired'],
    ['long after its expiry', new Date('2026-03-11T16:00:00Z'), secret, 'token.expired'],
    ['before its issue time', new Date('2026-03-10T07:59:59Z'), secret, 'token.notYetValid'],
    ['under another secret', now, Buffer.from('another-secret-that-is-at-least-32-bytes-long'), 'token.signature'],
  ])('refuses a token verified before (remembered) %s', async (_name, when, key, error) => {
    const { token } = await signToken(secret, { sub: 'u1', pwd: 'fp' }, { now });
    for (let i = 0; i < 2; i++) expect((await verifyToken(secret, token, now)).ok).toBe(true);
    expect(await verifyToken(key, token, when)).toEqual({ ok: false, error });
    expect((await verifyToken(secret, token, now)).ok).toBe(true);
  });

  it('refuses a token issued in the future', async () => {
    const { token } = await signToken(secret, { sub: 'u1', pwd: '' }, { now: new Date('2026-03-11T00:00:00Z') });
    expect(await verifyToken(secret, token, now)).toEqual({ ok: false, error: 'token.notYetValid' });
  });
});

describe('the signing secret', () => {
  it('is created once in DATA_DIR/auth-secret with mode 0600 and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'auth-secret-'));
    const first = loadAuthSecret({ dataDir: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(loadAuthSecret({ dataDir: dir }).equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'auth-secret'), 'utf8')).toBe(first.toString());
    chmodSync(join(dir, 'auth-secret'), 0o644);
    expect(loadAuthSecret({ dataDir: dir }).equals(first)).toBe(true);
    expect(statSync(join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
  });

  it('comes from AUTH_SECRET when set, and a short one is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'auth-secret-'));
    expect(loadAuthSecret({ dataDir: dir, authSecret: 'k'.repeat(32) }).toString()).toBe('k'.repeat(32));
    expect(() => loadAuthSecret({ dataDir: dir, authSecret: 'short' })).toThrow(/AUTH_SECRET/);
  });
});
