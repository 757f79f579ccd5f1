import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../../src/server/db/connect';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { verifyPassword } from '../../../src/server/auth/passwords';
import { addUnits, addUser } from './helpers';

const root = join(__dirname, '../../..');
// Each test starts the CLI several times (`npx tsx`, a few seconds each on a loaded machine).
jest.setTimeout(120_000);

function admin(dataDir: string, args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'src/server/admin-cli.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The server's database file in DATA_DIR, migrated (the CLI migrates too, so either may go first). */
async function open(dataDir: string) {
  const db = connect({ sqliteFile: join(dataDir, 'reporting.sqlite') });
  await migrateToLatest(db);
  return db;
}

async function read(dataDir: string) {
  const db = await open(dataDir);
  try {
    const k = db.kysely;
    return {
      users: await k.selectFrom('users').selectAll().execute(),
      roles: await k.selectFrom('user_roles').selectAll().execute(),
      units: await k.selectFrom('units').selectAll().execute(),
      audit: await k.selectFrom('audit').selectAll().orderBy('id').execute(),
    };
  } finally {
    await db.close();
  }
}

const CSV = 'id,name,level,classes\nphuong-vinh-hung,Phường Vinh Hưng,commune,cap-xa\nxa-nghi-loc,Xã Nghi Lộc,xã,cap-xa\n';

describe('npm run admin', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'admin-cli-'));
  });

  it('adds a user with --password-stdin, imports units, grants, lists and revokes, auditing each write', async () => {
    expect(admin(dir, ['user', 'add', 'VT.Hoa', '--password-stdin', '--display-name', 'Vũ Thị Hoa'], 'Mật khẩu đủ dài 2026\n')).toMatchObject({ code: 0, out: 'Đã tạo người dùng "vt.hoa".\n' });
    writeFileSync(join(dir, 'units.csv'), CSV);
    expect(admin(dir, ['units', 'import', join(dir, 'units.csv'), '--dry-run']).out).toMatch(/chạy thử.*thêm 2/);
    expect((await read(dir)).units).toHaveLength(0);
    expect(admin(dir, ['units', 'import', join(dir, 'units.csv')])).toMatchObject({ code: 0, out: expect.stringContaining('thêm 2') });
    expect(admin(dir, ['grant', 'vt.hoa', 'reporter', 'phuong-vinh-hung']).code).toBe(0);
    expect(admin(dir, ['grant', 'vt.hoa', 'consolidator']).code).toBe(0);
    expect(admin(dir, ['users']).out).toBe('vt.hoa\tVũ Thị Hoa\tconsolidator, reporter@phuong-vinh-hung\n');
    expect(admin(dir, ['revoke', 'vt.hoa', 'consolidator']).code).toBe(0);

    const state = await read(dir);
    expect(state.users).toHaveLength(1);
    expect(await verifyPassword('Mật khẩu đủ dài 2026', state.users[0].password_hash)).toBe(true);
    expect(state.roles.map((r) => [r.role, r.unit_id])).toEqual([['reporter', 'phuong-vinh-hung']]);
    expect(state.audit.map((a) => a.action)).toEqual(['user.add', 'units.import', 'role.grant', 'role.grant', 'role.revoke']);
    expect(state.audit.every((a) => a.user_id?.startsWith('cli:') && a.at)).toBe(true);
    expect(JSON.stringify(state.audit)).not.toMatch(/scrypt|Mật khẩu/);
  }, 90_000); // nine CLI processes: about 4 s each on a loaded machine

  it.each([
    [['grant', 'vt.hoa', 'boss'], /Lỗi \[role\.unknown\]: Vai trò "boss" không tồn tại/, 1],
    [['grant', 'vt.hoa', 'reporter'], /Lỗi \[role\.unitRequired\]/, 1],
    [['grant', 'vt.hoa', 'reporter', 'so-khong-co'], /Lỗi \[unit\.notFound\]/, 1],
    [['grant', 'vt.hoa', 'admin', 'phuong-vinh-hung'], /Lỗi \[role\.unitForbidden\]/, 1],
    [['grant', 'khong-ai', 'admin'], /Lỗi \[user\.notFound\]/, 1],
    [['revoke', 'vt.hoa', 'approver', 'phuong-vinh-hung'], /Lỗi \[grant\.notFound\]/, 1],
    [['frobnicate'], /Lỗi \[cli\.usage\]: Lệnh không hợp lệ/, 2],
    [['users', '--force'], /Lỗi \[cli\.usage\]: Tuỳ chọn không hợp lệ/, 2],
  ])('refuses %j with a clear message, a non-zero exit and no write', async (args, message, code) => {
    const db = await open(dir);
    await addUnits(db, ['phuong-vinh-hung']);
    await addUser(db, 'vt.hoa', 'Mật khẩu đủ dài 2026');
    await db.close();
    const before = (await read(dir)).audit.length;
    const r = admin(dir, args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    const after = await read(dir);
    expect(after.roles).toHaveLength(0);
    expect(after.audit).toHaveLength(before);
  });

  it('refuses a weak password or a taken name, and writes nothing', async () => {
    const weak = admin(dir, ['user', 'add', 'vt.hoa', '--password-stdin'], 'ngắn\n');
    expect(weak).toMatchObject({ code: 1, err: expect.stringContaining('Lỗi [password.policy]: Mật khẩu phải có ít nhất 12 ký tự.') });
    expect((await read(dir)).users).toHaveLength(0);
    expect(admin(dir, ['user', 'add', 'vt.hoa', '--password-stdin'], 'Mật khẩu đủ dài 2026').code).toBe(0);
    const taken = admin(dir, ['user', 'add', 'VT.HOA', '--password-stdin'], 'Mật khẩu khác đủ dài');
    expect(taken).toMatchObject({ code: 1, err: expect.stringContaining('[user.exists]') });
    expect((await read(dir)).users).toHaveLength(1);
  });

  it('imports nothing from a CSV with one bad line, and says which line', async () => {
    writeFileSync(join(dir, 'bad.csv'), `${CSV}Xã Có Dấu,Xã Có Dấu,commune,\nxa-thieu-ten,,commune,\n`);
    const r = admin(dir, ['units', 'import', join(dir, 'bad.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Lỗi \[units\.csvInvalid\]: Tệp CSV có lỗi, không nạp đơn vị nào/);
    expect(r.err).toMatch(/Dòng 4: mã đơn vị/);
    expect(r.err).toMatch(/Dòng 5: thiếu tên đơn vị/);
    const state = await read(dir);
    expect(state.units).toHaveLength(0);
    expect(state.audit).toHaveLength(0);
    expect(admin(dir, ['units', 'import', join(dir, 'missing.csv')])).toMatchObject({ code: 1, err: expect.stringContaining('[file.unreadable]') });
  });

  it('adds a Microsoft account without a password, and resets a password with --must-change', async () => {
    expect(admin(dir, ['user', 'add', 'nv.a', '--entra-upn', 'Nguyen.Van.A@NgheAn.gov.vn', '--display-name', 'Nguyễn Văn A']).code).toBe(0);
    expect(admin(dir, ['user', 'passwd', 'nv.a', '--password-stdin', '--must-change'], 'Mật khẩu tạm thời 2026').code).toBe(0);
    expect(admin(dir, ['users']).out).toBe('nv.a\tNguyễn Văn A\t(chưa có vai trò)\t[phải đổi mật khẩu; Microsoft: nguyen.van.a@nghean.gov.vn]\n');
    const { users, audit } = await read(dir);
    expect(users[0]).toMatchObject({ entra_upn: 'nguyen.van.a@nghean.gov.vn', must_change_password: 1 });
    expect(audit.map((a) => a.action)).toEqual(['user.add', 'user.password']);
    expect(admin(dir, ['user', 'add', 'nv.b'])).toMatchObject({ code: 2, err: expect.stringContaining('--password-stdin') });
  });

  it('rolls back a --dry-run user add', async () => {
    expect(admin(dir, ['user', 'add', 'thu', '--password-stdin', '--dry-run'], 'Mật khẩu đủ dài 2026').out).toMatch(/^\[chạy thử\]/);
    expect((await read(dir)).users).toHaveLength(0);
  });
});
