import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/server/db/connect';
import { describeEachDatabase } from '../support/databases';
import { addUnits, addUser, bearer, buildAuthApp, call } from './helpers';

describeEachDatabase('local sign-in', (database) => {
  let db: Db & { drop(): Promise<void> };
  let app: FastifyInstance;
  const PASSWORD = 'Mật khẩu thật dài 2026';

  beforeEach(async () => {
    db = await database.create();
    await addUnits(db, ['so-tai-chinh', 'so-y-te']);
    await addUser(db, 'vt.hoa', PASSWORD, [['reporter', 'so-tai-chinh']]);
    app = await buildAuthApp(db, { throttle: { perAccountAddress: 5, perAddress: 20, perAccount: 100, windowMs: 900_000 } });
  });
  afterEach(async () => {
    await app.close();
    await db.drop();
  });

  const login = (body: unknown, ip = '10.1.1.1') => call(app, { method: 'POST', url: '/api/auth/login', payload: body as object, remoteAddress: ip });

  it('returns a bearer token and the user with roles', async () => {
    const res = await login({ username: 'VT.Hoa', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresAt: expect.any(String),
      user: { username: 'vt.hoa', displayName: 'vt.hoa', roles: [{ role: 'reporter', unitId: 'so-tai-chinh' }], mustChangePassword: false, via: 'local' },
    });
    const me = await call(app, { url: '/api/auth/me', headers: bearer(body.token) });
    expect(me.json().user.username).toBe('vt.hoa');
    expect((await call(app, { url: '/api/units/so-tai-chinh/submissions', headers: bearer(body.token) })).statusCode).toBe(200);
    const other = await call(app, { url: '/api/units/so-y-te/submissions', headers: bearer(body.token) });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({ error: 'forbidden', code: 'auth.forbidden', message: 'Bạn không có quyền xem báo cáo của đơn vị này.' });
    expect((await call(app, { url: '/api/audit', headers: bearer(body.token) })).statusCode).toBe(403);
    expect((await call(app, { url: '/api/submissions', headers: bearer(body.token) })).statusCode).toBe(200);
  });

  it.each([
    ['a wrong password', { username: 'vt.hoa', password: 'sai mật khẩu rồi' }],
    ['an unknown user', { username: 'khong.ton.tai', password: PASSWORD }],
  ])('answers 401 with one message for %s', async (_n, body) => {
    const res = await login(body);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized', code: 'auth.invalidCredentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it.each([
    ['an unknown field', { username: 'vt.hoa', password: PASSWORD, admin: true }],
    ['a missing password', { username: 'vt.hoa' }],
    ['a number as password', { username: 'vt.hoa', password: 1234567890 }],
  ])('refuses a body with %s (400)', async (_n, body) => {
    const res = await login(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('auth.badRequest');
  });

  it('answers 429 with Retry-After to an address after 5 failures for an account, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ username: 'vt.hoa', password: `sai-${i}-mat-khau` }, '10.0.0.7')).statusCode).toBe(401);
    const res = await login({ username: 'vt.hoa', password: PASSWORD }, '10.0.0.7');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(res.json().message).toMatch(/thử lại sau 15 phút/);
    expect((await login({ username: 'vt.hoa', password: PASSWORD }, '10.9.9.9')).statusCode).toBe(200);
  });

  it('lets at most 5 of 20 parallel guesses from one address reach the password check', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => login({ username: 'vt.hoa', password: `đoán song song ${i}` }, '10.2.0.1')));
    const codes = replies.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(15);
  });

  it('answers 429 after 20 failures from one address over many accounts', async () => {
    for (let i = 0; i < 20; i++) await login({ username: `user${i}`, password: 'đoán bừa thôi' }, '203.0.113.5');
    expect((await login({ username: 'vt.hoa', password: PASSWORD }, '203.0.113.5')).statusCode).toBe(429);
    expect((await login({ username: 'vt.hoa', password: PASSWORD }, '203.0.113.6')).statusCode).toBe(200);
  });

  it('answers 401 to a tampered, garbage or signed-out token, and lets login through with a stale one', async () => {
    const { token } = (await login({ username: 'vt.hoa', password: PASSWORD })).json();
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const t of [tampered, 'garbage', `${token}.x`]) {
      const res = await call(app, { url: '/api/auth/me', headers: bearer(t) });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.invalidToken');
    }
    expect((await call(app, { url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/units/so-tai-chinh/submissions' })).statusCode).toBe(401);
    const relogin = await call(app, { method: 'POST', url: '/api/auth/login', headers: bearer(tampered), payload: { username: 'vt.hoa', password: PASSWORD } });
    expect(relogin.statusCode).toBe(200);
  });

  it('a disabled account cannot sign in, and its live tokens stop working', async () => {
    const { token } = (await login({ username: 'vt.hoa', password: PASSWORD })).json();
    await db.kysely.updateTable('users').set({ disabled: 1 }).where('username', '=', 'vt.hoa').execute();
    expect((await call(app, { url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await login({ username: 'vt.hoa', password: PASSWORD })).statusCode).toBe(401);
  });
});
