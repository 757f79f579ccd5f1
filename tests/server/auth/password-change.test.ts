import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/server/db/connect';
import { ensureAdmin } from '../../../src/server/bootstrap-admin';
import { describeEachDatabase } from '../support/databases';
import { bearer, buildAuthApp, call } from './helpers';

const quiet = { info: () => undefined, warn: () => undefined };

describeEachDatabase('first start and the one-time password', (database) => {
  let db: Db & { drop(): Promise<void> };
  let app: FastifyInstance;
  beforeEach(async () => {
    db = await database.create();
    app = await buildAuthApp(db);
  });
  afterEach(async () => {
    await app.close();
    await db.drop();
  });

  it('creates admin once with a printed one-time password that must be changed', async () => {
    const printed: string[] = [];
    const password = await ensureAdmin(db.kysely, quiet, (l) => printed.push(l));
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(printed.join('\n')).toContain(password);
    expect(await ensureAdmin(db.kysely, quiet, (l) => printed.push(l))).toBeNull();
    expect(printed.filter((l) => l.includes(password!))).toHaveLength(1);

    const login = await call(app, { method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json();
    expect(user).toMatchObject({ username: 'admin', mustChangePassword: true, roles: [{ role: 'admin', unitId: null }] });

    // Everything but login, password and me is closed until the password is changed.
    const blocked = await call(app, { url: '/api/audit', headers: bearer(token) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password.mustChange' });
    expect((await call(app, { url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);

    const change = (body: object, t = token) => call(app, { method: 'POST', url: '/api/auth/password', headers: bearer(t), payload: body });
    expect((await change({ currentPassword: 'sai rồi đó nha', newPassword: 'Mật khẩu mới đủ dài' })).json().code).toBe('password.currentWrong');
    const short = await change({ currentPassword: password, newPassword: 'ngắn' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toBe('Mật khẩu phải có ít nhất 12 ký tự.');
    expect((await change({ currentPassword: password, newPassword: 'Mật khẩu mới đủ dài', extra: 1 })).statusCode).toBe(400);

    const ok = await change({ currentPassword: password, newPassword: 'Mật khẩu mới đủ dài' });
    expect(ok.statusCode).toBe(200);
    const fresh = ok.json();
    expect(fresh.user.mustChangePassword).toBe(false);
    // The old token dies with the old password; the new one opens admin routes.
    expect((await call(app, { url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/audit', headers: bearer(fresh.token) })).statusCode).toBe(200);

    const audit = await db.kysely.selectFrom('audit').selectAll().orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.add', 'role.grant', 'user.password']);
    const change1 = audit[2];
    expect(JSON.parse(change1.before!)).toMatchObject({ mustChangePassword: true });
    expect(JSON.parse(change1.after!)).toMatchObject({ mustChangePassword: false });
    expect(change1.before).not.toMatch(/scrypt/);
    expect(change1.user_id).toBe(fresh.user && (await db.kysely.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id);
  });
});
