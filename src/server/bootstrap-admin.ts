// The first start of an empty database creates the administrator `admin` with a one-time password,
// printed once to the operator's console and never stored in clear; it must be changed at first sign-in.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { hashPassword } from './auth/passwords';
import { createUser, findByUsername, grant, hasAdmin, setPassword } from './repositories/users';

export interface BootstrapLog {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * Ensures some account holds the admin role. Returns the one-time password when it created one
 * (for tests), otherwise null. Call once at start, after the migrations.
 * @example await ensureAdmin(db.kysely, app.log)
 */
export async function ensureAdmin(db: Kysely<Database>, log: BootstrapLog, print: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<string | null> {
  if (await hasAdmin(db)) return null;
  // 18 random bytes → 24 base64url characters (144 bits): the password lives only until first sign-in.
  const password = randomBytes(18).toString('base64url');
  const hash = await hashPassword(password);
  let created = false;
  try {
    await db.transaction().execute(async (trx) => {
      // Re-check inside the transaction: two processes starting together must not both create one.
      if (await hasAdmin(trx)) return;
      const existing = await findByUsername(trx, 'admin');
      let userId: string;
      // Another process may have committed its administrator (account and role at once) since the
      // check above: PostgreSQL's next statement sees it, and that account must keep its password.
      if (existing && (await hasAdmin(trx))) return;
      if (existing) {
        // An `admin` account that lost its role is reset rather than duplicated.
        const reset = await setPassword(trx, existing.id, hash, { mustChange: true }, 'system');
        if (!reset.ok) throw new Error(reset.message);
        userId = existing.id;
      } else {
        const made = await createUser(trx, { username: 'admin', displayName: 'Quản trị hệ thống', passwordHash: hash, mustChangePassword: true }, 'system');
        if (!made.ok) throw new Error(made.message);
        userId = made.value.id;
      }
      const granted = await grant(trx, userId, 'admin', null, 'system');
      if (!granted.ok) throw new Error(granted.message);
      created = true;
    });
  } catch (err) {
    // Another process starting at the same moment created it first: fine, whichever way its commit
    // showed here – this insert refused by the unique user name, or the name found taken between
    // this transaction's reads (PostgreSQL reads what is committed; on SQLite the transaction waits
    // for the other at its start: db/connect.ts). A failure with no administrator after it is thrown.
    if (await hasAdmin(db)) return null;
    throw err;
  }
  if (!created) return null;
  log.warn('Đã tạo tài khoản quản trị "admin" với mật khẩu dùng một lần (chỉ in một lần ra màn hình).');
  // Printed outside the logger so it does not end up in structured log files or log shipping.
  print('');
  print('  Tài khoản quản trị: admin');
  print(`  Mật khẩu dùng một lần: ${password}`);
  print('  Hãy đăng nhập và đổi mật khẩu ngay; mật khẩu này sẽ không được in lại.');
  print('');
  return password;
}
