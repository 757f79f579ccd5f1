// The real auth plugin inside the server-core app (buildApp), on each database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authPlugin } from '../../../src/server/auth/plugin';
import { ensureAdmin } from '../../../src/server/bootstrap-admin';
import { testApp, type TestApp } from '../support/app';
import { PLAN_ID, SKHCN, SYT } from '../support/catalogue';
import { describeEachDatabase } from '../support/databases';
import { addUser, bearer } from './helpers';

describeEachDatabase('sign-in inside the app', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database, { auth: authPlugin, env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'auth-int-')) } });
  });
  afterEach(async () => t.close());

  const login = async (username: string, password: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode).toBe(200);
    return res.json().token as string;
  };

  it('keeps the first admin out of the API until the one-time password is changed', async () => {
    const once = await ensureAdmin(t.db.kysely, { info: () => undefined, warn: () => undefined }, () => undefined);
    const token = await login('admin', once!);
    const blocked = await t.app.inject({ url: '/api/plans', headers: bearer(token) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: 'forbidden', code: 'password.mustChange' });
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(token), payload: { currentPassword: once, newPassword: 'Quản trị Nghệ An 2026' } });
    expect(changed.statusCode).toBe(200);
    const res = await t.app.inject({ url: '/api/audit', headers: bearer(changed.json().token) });
    expect(res.statusCode).toBe(200);
  });

  it('a clerk of one unit reads the plan, not the audit trail, and not another unit', async () => {
    await addUser(t.db, 'clerk', 'Mật khẩu đủ dài 2026', [['reporter', SKHCN]]);
    const token = await login('clerk', 'Mật khẩu đủ dài 2026');
    expect((await t.app.inject({ url: '/api/plans', headers: bearer(token) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/audit', headers: bearer(token) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/plans' })).statusCode).toBe(401);
    // Lists are filtered by visibleUnitIds(): asking for another unit gives nothing, not an error.
    const other = await t.app.inject({ url: `/api/submissions?planId=${PLAN_ID}&period=2026-Q1&unitId=${SYT}`, headers: bearer(token) });
    expect(other.statusCode).toBe(200);
    expect(other.json().submissions).toEqual([]);
  });

  it('throttles by the socket address: a forged X-Forwarded-For does not escape the limit (TRUST_PROXY unset)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
        payload: { username: `khong-co-${i}`, password: 'sai mật khẩu rồi' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});
