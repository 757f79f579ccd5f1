// What the administrator's pages read and change about accounts beyond users.ts: the account as the
// admin API shows it (by user name, never a password hash), disabling by user name, and the whole
// unit directory.
import type { Kysely } from 'kysely';
import type { AdminUnit, AdminUser } from '../../core/api';
import type { Database } from '../db/schema';
import { findByUsername, listUsersWithRoles, setUserDisabled, type RepoResult } from './users';

type Q = Kysely<Database>;

/** Every account, by user name, with its grants; never a password hash. */
export async function listAdminUsers(db: Q): Promise<AdminUser[]> {
  const users = await listUsersWithRoles(db);
  const rows = new Map((await db.selectFrom('users').select(['id', 'password_hash', 'created_at']).execute()).map((r) => [r.id, r]));
  return users.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    hasPassword: rows.get(u.id)?.password_hash != null,
    entraUpn: u.entraUpn,
    grants: [...u.grants],
    createdAt: rows.get(u.id)?.created_at ?? '',
  }));
}

/** One account as the admin API shows it. */
export async function adminUser(db: Q, username: string): Promise<AdminUser | undefined> {
  const user = await findByUsername(db, username);
  if (!user) return undefined;
  return (await listAdminUsers(db)).find((u) => u.username === user.username);
}

/**
 * Disables or enables an account by user name, through users.ts's setUserDisabled (which ends the
 * account's sessions and keeps the last enabled administrator). An administrator cannot disable
 * their own account either: they would lock themselves out mid-task.
 */
export async function setDisabled(
  db: Q, username: string, disabled: boolean, actor: { readonly userId: string },
): Promise<RepoResult<{ changed: boolean }> | { ok: false; code: 'user.self'; message: string }> {
  const user = await findByUsername(db, username);
  if (!user) return { ok: false, code: 'user.notFound', message: `Không tìm thấy người dùng "${username}".` };
  if (disabled && user.id === actor.userId && user.disabled === 0) return { ok: false, code: 'user.self', message: 'Bạn không thể tự khoá tài khoản của mình.' };
  return setUserDisabled(db, user.id, disabled, actor.userId);
}

/** The whole unit directory, inactive units included (they keep their submissions). */
export async function listAllUnits(db: Q): Promise<AdminUnit[]> {
  const rows = await db.selectFrom('units').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level === 'commune' ? 'commune' : 'province',
    classes: JSON.parse(r.classes) as string[],
    source: r.source === 'csv' ? 'csv' : 'plan',
    active: r.active === 1,
    updatedAt: r.updated_at,
  }));
}
