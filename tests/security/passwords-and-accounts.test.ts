// Attack 8: weak passwords, locking out someone else's account, and tokens that outlive a sign-out
// or a disabled account. Each rule is checked on SQLite and PostgreSQL where the database counts.
import type { FastifyInstance } from 'fastify';
import { runCommand } from '../../src/server/admin-cli';
import { checkPasswordPolicy } from '../../src/server/auth/password-policy';
import type { Db } from '../../src/server/db/connect';
import { findByUsername, grant, setUserDisabled } from '../../src/server/repositories/users';
import { addUnits, addUser, bearer, buildAuthApp, call } from '../server/auth/helpers';
import { describeEachDatabase } from '../server/support/databases';

const PASSWORD = 'Mật khẩu thật dài 2026';

describe('the password policy refuses what a guesser tries first', () => {
  it.each([
    ['shorter than 12 characters', 'Xq7#vLp2!aZ'],
    ['a leaked password padded to 12', 'password1234'],
    ['a leaked password with capitals', 'Password1234'],
    ['digits in a row', '123456789012'],
    ['a keyboard row', 'qwertyuiop12'],
    ['a common phrase with digits', 'iloveyou2026'],
    ['a repeated pattern', 'abcabcabcabc'],
    ['one character repeated', 'aaaaaaaaaaaaaaaa'],
    ['an alphabet run', 'abcdefghijklm'],
    ['a common word with a year and a sign', 'Password2026!'],
  ])('refuses %s', (_what, password) => {
    expect(checkPasswordPolicy(password, 'vt.hoa')).toEqual(expect.stringMatching(/^Mật khẩu/));
  });

  it.each([
    ['the name as it is', 'vt.hoa', 'vt.hoa rất thích mùa xuân'],
    ['the name in capitals', 'vt.hoa', 'Nhớ VT.HOA mãi mãi nhé'],
    ['the name without its dot', 'vt.hoa', 'vthoa-Sở-KHCN-Nghệ-An'],
    ['the name with other separators', 'nguyen_van_an', 'Nguyễn Văn An ở Vinh 2026'],
  ])('refuses %s inside the password', (_what, username, password) => {
    expect(checkPasswordPolicy(password, username)).toBe('Mật khẩu không được chứa tên đăng nhập.');
  });

  it.each([['Sở Khoa học và Công nghệ Nghệ An'], ['Mat-khau-thu-nghiem-2026'], [PASSWORD], ['ngựa-đá-bay-qua-sông-Lam']])('accepts the long passphrase %j', (password) => {
    expect(checkPasswordPolicy(password, 'vt.hoa')).toBeNull();
  });

  it('counts characters, not UTF-16 units or bytes: 11 Vietnamese letters are too few', () => {
    expect(checkPasswordPolicy('Đường Phố Ợ', 'x')).toBe('Mật khẩu phải có ít nhất 12 ký tự.');
  });
});

describeEachDatabase('accounts under attack', (database) => {
  let db: Db & { drop(): Promise<void> };
  let app: FastifyInstance;
  const limits = { perAccountAddress: 5, perAddress: 20, perAccount: 12, windowMs: 900_000 };

  beforeEach(async () => {
    db = await database.create();
    await addUnits(db, ['so-tai-chinh']);
    await addUser(db, 'vt.hoa', PASSWORD, [['reporter', 'so-tai-chinh']]);
    app = await buildAuthApp(db, { throttle: limits });
  });
  afterEach(async () => {
    await app.close();
    await db.drop();
  });

  const login = (a: FastifyInstance, password: string, ip: string, username = 'vt.hoa') =>
    call(a, { method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

  it('a guesser who fails five times locks out only its own address, not the account holder elsewhere', async () => {
    for (let i = 0; i < 8; i++) await login(app, `đoán sai lần ${i}`, '198.51.100.7');
    expect((await login(app, PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    expect((await login(app, PASSWORD, '10.0.0.1')).statusCode).toBe(200);
  });

  it('guesses spread over many addresses never lock the holder out of an address they signed in from', async () => {
    expect((await login(app, PASSWORD, '10.0.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) await login(app, `đoán sai lần ${i}`, `198.51.100.${i}`);
    // The account as a whole is now guarded against new addresses…
    expect((await login(app, PASSWORD, '203.0.113.1')).statusCode).toBe(429);
    // …but its holder, at a known address, signs in.
    expect((await login(app, PASSWORD, '10.0.0.1')).statusCode).toBe(200);
  });

  it('an IPv6 guesser cannot escape by moving within its /64', async () => {
    for (let i = 0; i < 5; i++) await login(app, `đoán sai lần ${i}`, `2001:db8:7:7::${i + 1}`);
    expect((await login(app, PASSWORD, '2001:db8:7:7:ffff::9')).statusCode).toBe(429);
  });

  it('two server instances on one database share the count', async () => {
    const second = await buildAuthApp(db, { throttle: limits });
    try {
      for (let i = 0; i < 5; i++) await login(i % 2 ? app : second, `đoán sai lần ${i}`, '198.51.100.7');
      expect((await login(app, PASSWORD, '198.51.100.7')).statusCode).toBe(429);
      expect((await login(second, PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('signing out ends every token of the user at once, and a new sign-in works', async () => {
    const first = (await login(app, PASSWORD, '10.0.0.1')).json().token as string;
    const second = (await login(app, PASSWORD, '10.0.0.2')).json().token as string;
    const out = await call(app, { method: 'POST', url: '/api/auth/logout', headers: bearer(first) });
    expect(out.statusCode).toBe(204);
    for (const token of [first, second]) {
      const res = await call(app, { url: '/api/auth/me', headers: bearer(token) });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.invalidToken');
    }
    const again = (await login(app, PASSWORD, '10.0.0.1')).json().token as string;
    expect((await call(app, { url: '/api/auth/me', headers: bearer(again) })).statusCode).toBe(200);
    expect((await call(app, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });

  it('a disabled user cannot sign in, its tokens stop at once, and enabling does not bring them back', async () => {
    const token = (await login(app, PASSWORD, '10.0.0.1')).json().token as string;
    const user = (await findByUsername(db.kysely, 'vt.hoa'))!;
    expect(await setUserDisabled(db.kysely, user.id, true, 'test')).toEqual({ ok: true, value: { changed: true } });
    expect((await call(app, { url: '/api/units/so-tai-chinh/submissions', headers: bearer(token) })).statusCode).toBe(401);
    expect((await login(app, PASSWORD, '10.0.0.1')).statusCode).toBe(401);
    expect(await setUserDisabled(db.kysely, user.id, false, 'test')).toEqual({ ok: true, value: { changed: true } });
    expect((await call(app, { url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await login(app, PASSWORD, '10.0.0.1')).statusCode).toBe(200);
    const actions = await db.kysely.selectFrom('audit').select('action').where('entity_id', '=', user.id).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('npm run admin -- user disable / enable, and the last active administrator cannot be disabled', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), stdin: async () => '', actor: 'cli:test' };
    const token = (await login(app, PASSWORD, '10.0.0.1')).json().token as string;
    await runCommand(db, ['user', 'disable', 'vt.hoa'], io);
    expect((await call(app, { url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    await runCommand(db, ['user', 'enable', 'vt.hoa'], io);
    expect(out).toEqual([expect.stringMatching(/^Đã khoá tài khoản "vt.hoa"/), 'Đã mở khoá tài khoản "vt.hoa".']);

    const admin = (await findByUsername(db.kysely, 'vt.hoa'))!;
    await grant(db.kysely, admin.id, 'admin', null, 'test');
    await expect(runCommand(db, ['user', 'disable', 'vt.hoa'], io)).rejects.toMatchObject({ code: 'user.lastAdmin' });
    expect((await findByUsername(db.kysely, 'vt.hoa'))!.disabled).toBe(0);
  });

  it('the password change refuses a common password over HTTP', async () => {
    const token = (await login(app, PASSWORD, '10.0.0.1')).json().token as string;
    const res = await call(app, { method: 'POST', url: '/api/auth/password', headers: bearer(token), payload: { currentPassword: PASSWORD, newPassword: 'password1234' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('password.policy');
  });
});
