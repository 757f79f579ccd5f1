import type { Db } from '../../../src/server/db/connect';
import { createUser, findByEntra, getPrincipal, grant, listUsersWithRoles, revoke } from '../../../src/server/repositories/users';
import { describeEachDatabase } from '../support/databases';
import { addUnits, addUser } from './helpers';

describeEachDatabase('users repository', (database) => {
  let db: Db & { drop(): Promise<void> };
  beforeEach(async () => {
    db = await database.create();
    await addUnits(db, ['so-tai-chinh', 'so-y-te']);
  });
  afterEach(async () => db.drop());

  it.each([
    ['reporter', null, 'role.unitRequired'],
    ['approver', '', 'role.unitRequired'],
    ['admin', 'so-y-te', 'role.unitForbidden'],
    ['reporter', 'so-khong-co', 'unit.notFound'],
    ['consolidator', 'so-khong-co', 'unit.notFound'],
    ['chairman', null, 'role.unknown'],
  ])('refuses to grant %s at %j (%s) and writes nothing', async (role, unitId, code) => {
    const id = await addUser(db, 'vt.hoa', 'Mật khẩu đủ dài 2026');
    const before = await db.kysely.selectFrom('audit').select('id').execute();
    expect(await grant(db.kysely, id, role, unitId, 'test')).toMatchObject({ ok: false, code, message: expect.any(String) });
    expect(await db.kysely.selectFrom('user_roles').selectAll().execute()).toEqual([]);
    expect(await db.kysely.selectFrom('audit').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a unit that is no longer active', async () => {
    await db.kysely.updateTable('units').set({ active: 0 }).where('id', '=', 'so-y-te').execute();
    const id = await addUser(db, 'vt.hoa', 'Mật khẩu đủ dài 2026');
    expect(await grant(db.kysely, id, 'reporter', 'so-y-te', 'test')).toMatchObject({ ok: false, code: 'unit.notFound' });
  });

  it('grants, lists, reads the principal and revokes, with an empty unit stored for province-wide', async () => {
    const id = await addUser(db, 'vt.hoa', 'Mật khẩu đủ dài 2026', [['reporter', 'so-tai-chinh'], ['consolidator', null], ['consolidator', 'so-y-te']]);
    expect(await grant(db.kysely, id, 'reporter', 'so-tai-chinh', 'test')).toEqual({ ok: true, value: { changed: false } });
    const rows = await db.kysely.selectFrom('user_roles').select(['role', 'unit_id']).orderBy('role').orderBy('unit_id').execute();
    expect(rows).toEqual([
      { role: 'consolidator', unit_id: '' },
      { role: 'consolidator', unit_id: 'so-y-te' },
      { role: 'reporter', unit_id: 'so-tai-chinh' },
    ]);
    const principal = await getPrincipal(db.kysely, id);
    expect(principal).toMatchObject({ username: 'vt.hoa', via: 'local', mustChangePassword: false });
    expect(principal!.grants).toEqual([
      { role: 'consolidator', unitId: null },
      { role: 'consolidator', unitId: 'so-y-te' },
      { role: 'reporter', unitId: 'so-tai-chinh' },
    ]);
    expect(await revoke(db.kysely, id, 'consolidator', null, 'test')).toEqual({ ok: true, value: undefined });
    expect(await revoke(db.kysely, id, 'consolidator', null, 'test')).toMatchObject({ ok: false, code: 'grant.notFound' });
    const [listed] = await listUsersWithRoles(db.kysely);
    expect(listed.grants).toHaveLength(2);
    const audit = await db.kysely.selectFrom('audit').selectAll().orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.user_id])).toEqual([
      ['user.add', 'test'],
      ['role.grant', 'test'],
      ['role.grant', 'test'],
      ['role.grant', 'test'],
      ['role.revoke', 'test'],
    ]);
    expect(JSON.parse(audit[4].before!)).toEqual({ role: 'consolidator', unitId: null });
  });

  it('refuses to revoke the last administrator', async () => {
    const a = await addUser(db, 'qt.mot', 'Mật khẩu đủ dài 2026', [['admin', null]]);
    expect(await revoke(db.kysely, a, 'admin', null, 'test')).toMatchObject({ ok: false, code: 'role.lastAdmin' });
    const b = await addUser(db, 'qt.hai', 'Mật khẩu đủ dài 2026', [['admin', null]]);
    expect((await revoke(db.kysely, a, 'admin', null, 'test')).ok).toBe(true);
    expect(await revoke(db.kysely, b, 'admin', null, 'test')).toMatchObject({ ok: false, code: 'role.lastAdmin' });
  });

  it('gives no principal for a disabled or missing account', async () => {
    const id = await addUser(db, 'vt.hoa', 'Mật khẩu đủ dài 2026');
    await db.kysely.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
    expect(await getPrincipal(db.kysely, id)).toBeNull();
    expect(await getPrincipal(db.kysely, 'no-such-id')).toBeNull();
  });

  it('refuses invalid and duplicate user names (case-insensitive)', async () => {
    await addUser(db, 'vt.hoa', 'Mật khẩu đủ dài 2026');
    expect(await createUser(db.kysely, { username: 'VT.HOA', passwordHash: null }, 'test')).toMatchObject({ ok: false, code: 'user.exists' });
    expect(await createUser(db.kysely, { username: 'Vũ Hoa', passwordHash: null }, 'test')).toMatchObject({ ok: false, code: 'user.invalidName' });
  });

  it('finds Entra users by oid, else by UPN ignoring case', async () => {
    await addUser(db, 'nv.a', 'Mật khẩu đủ dài 2026', [], { entraOid: 'oid-a', entraUpn: 'A@NgheAn.gov.vn' });
    await addUser(db, 'nv.b', 'Mật khẩu đủ dài 2026', [], { entraUpn: 'b@nghean.gov.vn' });
    expect((await findByEntra(db.kysely, { oid: 'oid-a' }))?.username).toBe('nv.a');
    expect((await findByEntra(db.kysely, { oid: 'x', upn: 'B@NGHEAN.GOV.VN' }))?.username).toBe('nv.b');
    expect((await findByEntra(db.kysely, { oid: 'x', upn: 'a@nghean.gov.vn' }))).toBeUndefined();
    expect((await findByEntra(db.kysely, { upn: 'c@nghean.gov.vn' }))).toBeUndefined();
    // Entra sign-ins ignore a pending one-time password
    await db.kysely.updateTable('users').set({ must_change_password: 1 }).where('username', '=', 'nv.a').execute();
    const a = await findByEntra(db.kysely, { oid: 'oid-a' });
    expect((await getPrincipal(db.kysely, a!.id, 'entra'))?.mustChangePassword).toBe(false);
  });
});
