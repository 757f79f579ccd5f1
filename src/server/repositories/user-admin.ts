// What the administrator's pages read and change about accounts beyond users.ts: the account as the
// admin API shows it, and disabling / enabling (audited like every write). A disabled account's
// tokens stop working at once: getPrincipal() refuses it on every request. Token revocation and the
// sign-in side of the disabled state belong to the auth hardening (issue 13), which may refine this.
import type { Kysely } from 'kysely';
import type { AdminUnit, AdminUser } from '../../core/api';
import type { Database } from '../db/schema';
import { recordAudit } from './audit';
import { findByUsername, listUsersWithRoles, type RepoResult } from './users';

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

export type DisableCode = 'user.notFound' | 'user.self' | 'role.lastAdmin';

/**
 * Disables or enables an account. An administrator cannot disable their own account, nor the last
 * enabled administrator: someone must still be able to undo it.
 */
export async function setDisabled(
  db: Q, username: string, disabled: boolean, actor: { readonly userId: string }, now: string,
): Promise<RepoResult<{ changed: boolean }> | { ok: false; code: DisableCode; message: string }> {
  const user = await findByUsername(db, username);
  if (!user) return { ok: false, code: 'user.notFound', message: `Không tìm thấy người dùng "${username}".` };
  if ((user.disabled === 1) === disabled) return { ok: true, value: { changed: false } };
  if (disabled && user.id === actor.userId) return { ok: false, code: 'user.self', message: 'Bạn không thể tự khoá tài khoản của mình.' };
  if (disabled) {
    const admins = await db
      .selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.id').where('user_roles.role', '=', 'admin').where('users.disabled', '=', 0).execute();
    if (admins.length > 0 && admins.every((a) => a.id === user.id)) {
      return { ok: false, code: 'role.lastAdmin', message: 'Không thể khoá quản trị viên cuối cùng; hãy cấp quyền quản trị cho người khác trước.' };
    }
  }
  await db.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', user.id).execute();
  await recordAudit(db, {
    at: now, userId: actor.userId, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: user.id, unitId: null,
    before: { username: user.username, disabled: user.disabled === 1 }, after: { username: user.username, disabled },
  });
  return { ok: true, value: { changed: true } };
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
