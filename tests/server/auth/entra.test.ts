import { createServer, type Server } from 'node:http';
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/server/db/connect';
import { JwksCache, loadEntraConfig, verifyEntraToken } from '../../../src/server/auth/entra';
import { sqliteTestDatabase } from '../support/databases';
import { addUnits, addUser, bearer, buildAuthApp, call } from './helpers';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const OID = '99999999-8888-4777-8666-555555555555';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const newKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

let key = newKey();
let served: Array<{ kid: string; publicKey: KeyObject }> = [];
let fetches = 0;
let jwksServer: Server;
let jwksUrl: string;

function rs256(payload: Record<string, unknown>, opts: { kid?: string; privateKey?: KeyObject } = {}): string {
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: opts.kid ?? 'k1' })}.${b64(payload)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), opts.privateKey ?? key.privateKey).toString('base64url')}`;
}

const nowSec = () => Math.floor(Date.now() / 1000);
const claims = (over: Record<string, unknown> = {}) => ({
  iss: ISSUER, aud: CLIENT, tid: TENANT, oid: OID, preferred_username: 'Nguyen.Van.A@NgheAn.gov.vn', name: 'Nguyễn Văn A',
  iat: nowSec() - 60, nbf: nowSec() - 60, exp: nowSec() + 3600, ver: '2.0', ...over,
});

beforeAll(async () => {
  jwksServer = createServer((_req, res) => {
    fetches++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: served.map(({ kid, publicKey }) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' })) }));
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as { port: number }).port}/keys`;
});
afterAll(() => new Promise((r) => jwksServer.close(r)));

describe('Microsoft Entra ID tokens', () => {
  let db: Db & { drop(): Promise<void> };
  let app: FastifyInstance;
  const env = () => ({ ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT, ENTRA_JWKS_URL: jwksUrl, ENTRA_AUDIENCE: `api://addin.nghean.gov.vn/${CLIENT}` });

  beforeEach(async () => {
    key = newKey();
    served = [{ kid: 'k1', publicKey: key.publicKey }];
    fetches = 0;
    db = await sqliteTestDatabase.create();
    await addUnits(db, ['so-tai-chinh', 'so-y-te']);
    await addUser(db, 'nva', 'không dùng mật khẩu này', [['approver', 'so-tai-chinh']], { entraOid: OID });
    await addUser(db, 'ttb', 'không dùng mật khẩu này', [['reporter', 'so-y-te']], { entraUpn: 'tran.thi.b@nghean.gov.vn' });
    app = await buildAuthApp(db, {}, env());
  });
  afterEach(async () => {
    await app.close();
    await db.drop();
  });

  const me = (token: string) => call(app, { url: '/api/auth/me', headers: bearer(token) });

  it('maps a valid token to a user by object id, with that user’s roles', async () => {
    const res = await me(rs256(claims()));
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'nva', via: 'entra', mustChangePassword: false, roles: [{ role: 'approver', unitId: 'so-tai-chinh' }] });
    const own = await call(app, { url: '/api/units/so-tai-chinh/submissions', headers: bearer(rs256(claims())) });
    expect(own.statusCode).toBe(200);
    expect((await call(app, { url: '/api/units/so-y-te/submissions', headers: bearer(rs256(claims())) })).statusCode).toBe(403);
    expect(fetches).toBe(1); // the key set is cached
  });

  it('maps by UPN, case-insensitively, and accepts the api:// audience', async () => {
    const res = await me(rs256(claims({ oid: 'another-oid', preferred_username: 'Tran.Thi.B@NgheAn.gov.vn', aud: `api://addin.nghean.gov.vn/${CLIENT}` })));
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('ttb');
  });

  it.each([
    ['a wrong issuer', 'token.issuer', () => rs256(claims({ iss: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0' }))],
    ['a v1 issuer', 'token.issuer', () => rs256(claims({ iss: `https://sts.windows.net/${TENANT}/` }))],
    ['a wrong audience (Microsoft Graph)', 'token.audience', () => rs256(claims({ aud: '00000003-0000-0000-c000-000000000000' }))],
    ['an expired token', 'token.expired', () => rs256(claims({ exp: nowSec() - 600 }))],
    ['a token not valid yet', 'token.notYetValid', () => rs256(claims({ nbf: nowSec() + 3600 }))],
    ['a token signed by another key under our kid', 'token.signature', () => rs256(claims(), { privateKey: newKey().privateKey })],
    [
      'HS256 with the public key as the secret',
      'token.algorithm',
      () => {
        const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'k1' })}.${b64(claims())}`;
        const secret = key.publicKey.export({ format: 'pem', type: 'spki' });
        return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      },
    ],
    ['alg none', 'token.malformed', () => `${b64({ alg: 'none', kid: 'k1' })}.${b64(claims())}.`],
    ['an unknown kid', 'token.unknownKey', () => rs256(claims(), { kid: 'nope' })],
  ])('refuses %s with 401 (%s)', async (_name, error, token) => {
    const t = token();
    const config = loadEntraConfig(env())!;
    expect(await verifyEntraToken(config, new JwksCache(config.jwksUrl), t)).toEqual({ ok: false, error });
    const res = await me(t);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalidToken');
  });

  it('refuses a valid token of an unknown user with 403 and tells them to ask the administrator', async () => {
    const res = await me(rs256(claims({ oid: 'someone-else', preferred_username: 'la@nghean.gov.vn' })));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.unknownUser', message: expect.stringMatching(/liên hệ quản trị viên/) });
  });

  it('does not map by UPN to an account bound to another object id', async () => {
    await db.kysely.updateTable('users').set({ entra_upn: 'nguyen.van.a@nghean.gov.vn' }).where('username', '=', 'nva').execute();
    const res = await me(rs256(claims({ oid: 'a-different-person' })));
    expect(res.statusCode).toBe(403);
  });
});

describe('the JWKS cache', () => {
  beforeEach(() => {
    key = newKey();
    served = [{ kid: 'k1', publicKey: key.publicKey }];
    fetches = 0;
  });

  it('refetches on an unknown kid (key rotation), at most once per interval', async () => {
    let t = 1_000_000;
    const cache = new JwksCache(jwksUrl, { minRefetchMs: 60_000, now: () => t });
    expect(await cache.get('k1')).toBeDefined();
    const next = newKey();
    served.push({ kid: 'k2', publicKey: next.publicKey });
    expect(await cache.get('k2')).toBeUndefined(); // within the interval: no refetch
    expect(fetches).toBe(1);
    t += 61_000;
    expect(await cache.get('k2')).toBeDefined();
    expect(fetches).toBe(2);
    expect(await cache.get('bogus')).toBeUndefined();
    expect(fetches).toBe(2);
  });

  it('shares one fetch between concurrent requests', async () => {
    const cache = new JwksCache(jwksUrl);
    await Promise.all([cache.get('k1'), cache.get('k1'), cache.get('k1')]);
    expect(fetches).toBe(1);
  });
});

describe('Entra configuration', () => {
  it('is off without ENTRA_* and refuses half a configuration or "common"', () => {
    expect(loadEntraConfig({})).toBeNull();
    expect(() => loadEntraConfig({ ENTRA_TENANT_ID: 'common', ENTRA_CLIENT_ID: CLIENT })).toThrow(/tenant/);
    expect(() => loadEntraConfig({ ENTRA_TENANT_ID: TENANT })).toThrow(/ENTRA_CLIENT_ID/);
    expect(() => loadEntraConfig({ ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT, ENTRA_JWKS_URL: 'http://evil.example/keys' })).toThrow(/https/);
    expect(loadEntraConfig({ ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT })).toMatchObject({
      issuer: ISSUER,
      audiences: [CLIENT],
      jwksUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    });
  });
});
