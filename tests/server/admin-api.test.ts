// The administrator's HTTP API on each database, with the real sign-in: users with one-time
// passwords, roles per unit, disabling, the unit directory's CSV import with a dry run, and the audit
// trail's filters and paging. Every write is audited with the administrator as the actor; every
// refusal is Vietnamese and leaves the database as it was.
import { withAuthOptions } from '../../src/server/auth/plugin';
import { hashPassword } from '../../src/server/auth/passwords';
import { recordAudit } from '../../src/server/repositories/audit';
import { createUser, grant } from '../../src/server/repositories/users';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { SKHCN, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';

const PASSWORD = 'Mat-khau-quan-tri-2026';

describeEachDatabase('admin API', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let adminId: string;

  beforeEach(async () => {
    t = await testApp(database, { auth: withAuthOptions({ env: { AUTH_SECRET: 'admin-api-test-secret-that-is-long-enough' } }) });
    const made = await createUser(t.db.kysely, { username: 'qt.tinh', displayName: 'Quản trị tỉnh', passwordHash: await hashPassword(PASSWORD) }, 'test');
    if (!made.ok) throw new Error(made.message);
    adminId = made.value.id;
    await grant(t.db.kysely, adminId, 'admin', null, 'test');
    admin = await signIn('qt.tinh', PASSWORD);
  });
  afterEach(async () => t.close());

  async function signIn(username: string, password: string): Promise<Record<string, string>> {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(res.body);
    return { authorization: `Bearer ${res.json().token}` };
  }
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers = admin) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const count = async (table: 'users' | 'user_roles' | 'units' | 'audit') =>
    Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => Promise.all((['users', 'user_roles', 'units', 'audit'] as const).map(count));
  const auditOf = async (action: string) => (await inject('GET', `/api/audit?actor=qt.tinh&action=${action}`)).json().records;

  it('creates a user with roles and a one-time password that must be changed at first sign-in', async () => {
    const res = await inject('POST', '/api/admin/users', { username: 'CB.VinhHung', displayName: 'Nguyễn Thị Hoa', grants: [{ role: 'reporter', unitId: 'phuong-vinh-hung' }] });
    expect(res.statusCode).toBe(201);
    const { user, oneTimePassword } = res.json();
    expect(user).toMatchObject({ username: 'cb.vinhhung', displayName: 'Nguyễn Thị Hoa', mustChangePassword: true, disabled: false, hasPassword: true, grants: [{ role: 'reporter', unitId: 'phuong-vinh-hung' }] });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cb.vinhhung', password: oneTimePassword } });
    expect(login.json().user.mustChangePassword).toBe(true);
    const token = { authorization: `Bearer ${login.json().token}` };
    expect((await inject('GET', '/api/plans', undefined, token)).statusCode).toBe(403);
    const list = (await inject('GET', '/api/admin/users')).json().users;
    expect(list.map((u: { username: string }) => u.username)).toEqual(['cb.vinhhung', 'qt.tinh']);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password_hash|passwordHash/);
    const [added] = await auditOf('user.add');
    expect(added).toMatchObject({ userId: adminId, username: 'qt.tinh', entity: 'user' });
    expect(JSON.stringify(added)).not.toContain('scrypt');
    expect(await auditOf('role.grant')).toEqual([expect.objectContaining({ userId: adminId, unitId: 'phuong-vinh-hung' })]);
  });

  it.each([
    ['a taken name', { username: 'qt.tinh', displayName: 'Trùng' }, 409, /đã tồn tại/],
    ['an invalid name', { username: 'có dấu', displayName: 'Sai tên' }, 400, /không hợp lệ/],
    ['a role for a unit that does not exist', { username: 'cb.moi', displayName: 'Mới', grants: [{ role: 'reporter', unitId: 'xa-khong-co' }] }, 404, /Không tìm thấy đơn vị/],
    ['a unit on a province-wide role', { username: 'cb.moi', displayName: 'Mới', grants: [{ role: 'admin', unitId: SKHCN }] }, 400, /toàn tỉnh/],
    ['a reporter without a unit', { username: 'cb.moi', displayName: 'Mới', grants: [{ role: 'reporter', unitId: null }] }, 400, /phải gắn với một đơn vị/],
  ])('refuses %s in Vietnamese and writes nothing (not even the user)', async (_what, body, status, message) => {
    const before = await counts();
    const res = await inject('POST', '/api/admin/users', body);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('answers a malformed request with the project’s Vietnamese refusal: request.invalid issues per field', async () => {
    const res = await inject('POST', '/api/admin/users', { username: 'cb.moi', displayName: 'Mới', role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', message: 'Dữ liệu gửi lên không đúng định dạng.' });
    expect(res.json().issues).toEqual([expect.objectContaining({ code: 'request.invalid', severity: 'error' })]);
    expect(res.json().issues[0].message).not.toMatch(/Unrecognized|Invalid|expected/);
    const query = await inject('GET', '/api/audit?limit=0');
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ error: 'bad_request', message: 'Tham số truy vấn không hợp lệ.', issues: [expect.objectContaining({ field: 'limit' })] });
  });

  it('resets a password to a one-time password: the old password and the user’s live sessions stop working', async () => {
    const made = (await inject('POST', '/api/admin/users', { username: 'cb.a', displayName: 'A' })).json();
    const session = await signIn('cb.a', made.oneTimePassword);
    const reset = await inject('POST', '/api/admin/users/cb.a/password-reset');
    expect(reset.statusCode).toBe(200);
    expect(reset.json().oneTimePassword).not.toBe(made.oneTimePassword);
    expect((await inject('GET', '/api/auth/me', undefined, session)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cb.a', password: made.oneTimePassword } })).statusCode).toBe(401);
    await signIn('cb.a', reset.json().oneTimePassword);
    expect(await auditOf('user.password')).toEqual([expect.objectContaining({ userId: adminId, after: expect.objectContaining({ mustChangePassword: true }) })]);
    expect((await inject('POST', '/api/admin/users/khong.co/password-reset')).statusCode).toBe(404);
  });

  it('grants and revokes roles per unit; granting twice changes nothing; the last administrator keeps the role', async () => {
    await inject('POST', '/api/admin/users', { username: 'cb.a', displayName: 'A' });
    const first = await inject('PUT', '/api/admin/users/cb.a/roles', { role: 'approver', unitId: SYT });
    expect(first.json()).toMatchObject({ changed: true, user: { grants: [{ role: 'approver', unitId: SYT }] } });
    expect((await inject('PUT', '/api/admin/users/cb.a/roles', { role: 'approver', unitId: SYT })).json().changed).toBe(false);
    const revoked = await inject('DELETE', `/api/admin/users/cb.a/roles?role=approver&unitId=${SYT}`);
    expect(revoked.json().user.grants).toEqual([]);
    expect((await inject('DELETE', `/api/admin/users/cb.a/roles?role=approver&unitId=${SYT}`)).statusCode).toBe(404);
    const last = await inject('DELETE', '/api/admin/users/qt.tinh/roles?role=admin');
    expect(last.statusCode).toBe(409);
    expect(last.json().message).toMatch(/quản trị viên cuối cùng/);
    expect((await auditOf('role.')).map((r: { action: string }) => r.action)).toEqual(['role.revoke', 'role.grant']); // the second grant changed nothing: no record
  });

  it('disables an account (sign-in refused, live token refused) and enables it again; never oneself', async () => {
    const made = (await inject('POST', '/api/admin/users', { username: 'cb.a', displayName: 'A' })).json();
    const session = await signIn('cb.a', made.oneTimePassword);
    const disabled = await inject('POST', '/api/admin/users/cb.a/disable');
    expect(disabled.json()).toMatchObject({ changed: true, user: { disabled: true } });
    expect((await inject('GET', '/api/auth/me', undefined, session)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cb.a', password: made.oneTimePassword } })).statusCode).toBe(401);
    expect((await inject('POST', '/api/admin/users/cb.a/disable')).json().changed).toBe(false);
    const self = await inject('POST', '/api/admin/users/qt.tinh/disable');
    expect(self.statusCode).toBe(409);
    expect(self.json().message).toMatch(/tự khoá/);
    expect((await inject('POST', '/api/admin/users/cb.a/enable')).json().user.disabled).toBe(false);
    await signIn('cb.a', made.oneTimePassword);
    expect((await auditOf('user.')).map((r: { action: string }) => r.action)).toEqual(['user.enable', 'user.disable', 'user.add']);
  });

  it('lists the unit directory, previews a CSV import without writing, then imports it with an audit record', async () => {
    const units = (await inject('GET', '/api/admin/units')).json().units;
    expect(units).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: SKHCN, source: 'plan', level: 'province', active: true }),
      expect.objectContaining({ id: 'xa-dien-chau', source: 'csv', level: 'commune' }),
    ]));
    const csv = 'id,name,level,classes\nxa-dien-chau,Xã Diễn Châu (mới),xã,cap-xa\nxa-quynh-luu,Xã Quỳnh Lưu,xã,cap-xa\nphuong-vinh-hung,Phường Vinh Hưng,phường,cap-xa';
    const before = await counts();
    const preview = await inject('POST', '/api/admin/units/import?dryRun=true', { csv });
    expect(preview.json()).toEqual({
      dryRun: true, added: 1, updated: 1, unchanged: 1,
      changes: [{ id: 'xa-dien-chau', name: 'Xã Diễn Châu (mới)', change: 'update' }, { id: 'xa-quynh-luu', name: 'Xã Quỳnh Lưu', change: 'add' }],
    });
    expect(await counts()).toEqual(before);
    const done = await inject('POST', '/api/admin/units/import', { csv });
    expect(done.json()).toMatchObject({ dryRun: false, added: 1, updated: 1 });
    expect((await inject('GET', '/api/admin/units')).json().units).toContainEqual(expect.objectContaining({ id: 'xa-quynh-luu', name: 'Xã Quỳnh Lưu' }));
    expect(await auditOf('units.import')).toEqual([expect.objectContaining({ userId: adminId, entity: 'unit' })]);
  });

  it('refuses a CSV with a bad line (422, every bad line named) and writes nothing, dry run or not', async () => {
    const csv = 'id,name,level,classes\nxa-tot,Xã Tốt,xã,cap-xa\n,Không mã,xã,cap-xa';
    const before = await counts();
    for (const url of ['/api/admin/units/import?dryRun=true', '/api/admin/units/import']) {
      const res = await inject('POST', url, { csv });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: 'invalid', message: expect.stringMatching(/CSV có lỗi/) });
      expect(res.json().issues[0].message).toMatch(/^Dòng 3/);
    }
    expect(await counts()).toEqual(before);
  });

  it('filters the audit trail by who, unit, action family and Việt Nam days, and pages through all of it', async () => {
    const at = (iso: string, userId: string, action: string, unitId: string | null) =>
      recordAudit(t.db.kysely, { at: iso, userId, action, entity: 'submission', entityId: `s-${iso}`, unitId, before: null, after: { n: 1 } });
    await at('2026-03-15T16:59:59.000Z', adminId, 'submission.create', SKHCN); // 15/03 23:59:59 in Việt Nam
    await at('2026-03-15T17:00:00.000Z', adminId, 'submission.approve', SKHCN); // 16/03 00:00
    await at('2026-03-16T16:59:59.000Z', 'cli:root', 'submission.create', SYT); // 16/03 23:59:59
    await at('2026-03-16T17:00:00.000Z', adminId, 'submission.return', SYT); // 17/03 00:00
    const ids = async (query: string) => (await inject('GET', `/api/audit?entity=submission&${query}`)).json().records.map((r: { at: string }) => r.at);
    expect(await ids('from=2026-03-16&to=2026-03-16')).toEqual(['2026-03-16T16:59:59.000Z', '2026-03-15T17:00:00.000Z']);
    expect(await ids('to=2026-03-15')).toEqual(['2026-03-15T16:59:59.000Z']);
    expect(await ids('actor=cli:root')).toEqual(['2026-03-16T16:59:59.000Z']);
    expect(await ids('actor=QT.Tinh&unitId=' + SYT)).toEqual(['2026-03-16T17:00:00.000Z']);
    expect(await ids('action=submission.create')).toEqual(['2026-03-16T16:59:59.000Z', '2026-03-15T16:59:59.000Z']);
    expect(await ids('action=submission.')).toHaveLength(4);
    expect(await ids('action=submission_')).toEqual([]);
    expect(await ids('actor=khong.co')).toEqual([]);
    expect((await inject('GET', '/api/audit?from=2026-03-17&to=2026-03-16')).statusCode).toBe(400);

    const seen: number[] = [];
    let url = '/api/audit?limit=2';
    let total = -1;
    for (;;) {
      const page = (await inject('GET', url)).json();
      total = page.total;
      seen.push(...page.records.map((r: { id: number }) => r.id));
      if (page.nextBeforeId === null) break;
      url = `/api/audit?limit=2&beforeId=${page.nextBeforeId}`;
    }
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBe(await count('audit'));
  });
});
