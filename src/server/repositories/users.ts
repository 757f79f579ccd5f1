// Users and their role grants (docs/domain.md §5). Every write leaves an audit row in the same
// transaction: who, when, what, before/after. Works on SQLite and PostgreSQL through Kysely.
// Pass a Transaction to make several writes one unit (the admin CLI does).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { isUniqueViolation } from '../db/connect';
import { preparedQuery } from '../db/prepared';
import type { Database, UserTable } from '../db/schema';
import type { Principal, Role, RoleGrant } from '../auth/principal';
import { isRole, roleNeedsUnit } from '../auth/roles';
import { recordAudit } from './audit';

type Q = Kysely<Database>;
export type UserRow = Selectable<UserTable>;

/** Who made a change: a user id, or a label such as "cli:root" or "system" for operator actions. */
export type Actor = string;

export type UserErrorCode =
  | 'user.invalidName'
  | 'user.exists'
  | 'user.notFound'
  | 'role.unknown'
  | 'role.unitRequired'
  | 'role.unitForbidden'
  | 'role.lastAdmin'
  | 'unit.notFound'
  | 'grant.notFound'
  | 'user.lastAdmin';
export type RepoResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: UserErrorCode; readonly message: string };
const fail = (code: UserErrorCode, message: string): RepoResult<never> => ({ ok: false, code, message });

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const normalizeUsername = (name: string): string => name.trim().toLowerCase();

const now = (): string => new Date().toISOString();

const audit = (db: Q, actor: Actor, action: string, entity: string, entityId: string | null, before: unknown, after: unknown): Promise<void> =>
  recordAudit(db, { at: now(), userId: actor, action, entity, entityId, before, after });

/** What the audit log keeps of a user: never the password hash. */
const publicUser = (u: UserRow) => ({
  username: u.username,
  displayName: u.display_name,
  hasPassword: u.password_hash !== null,
  mustChangePassword: u.must_change_password === 1,
  entraOid: u.entra_oid,
  entraUpn: u.entra_upn,
  disabled: u.disabled === 1,
});

export interface NewUser {
  readonly username: string;
  readonly displayName?: string;
  /** An scrypt hash from passwords.ts; null for Entra-only accounts. */
  readonly passwordHash: string | null;
  readonly mustChangePassword?: boolean;
  readonly entraOid?: string | null;
  readonly entraUpn?: string | null;
}

/**
 * Create a user (user names are stored lower-case).
 * @example await createUser(db, { username: 'vt.hoa', passwordHash }, 'cli:root')
 */
export async function createUser(db: Q, input: NewUser, actor: Actor): Promise<RepoResult<UserRow>> {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) {
    return fail('user.invalidName', `Tên đăng nhập "${input.username}" không hợp lệ: 2–64 ký tự a-z, 0-9, dấu chấm, gạch ngang, gạch dưới.`);
  }
  const taken = () => fail('user.exists', `Tên đăng nhập "${username}" đã tồn tại.`);
  if (await findByUsername(db, username)) return taken();
  const row: UserRow = {
    id: randomUUID(),
    username,
    display_name: input.displayName?.trim() || username,
    password_hash: input.passwordHash,
    must_change_password: input.mustChangePassword ? 1 : 0,
    entra_oid: input.entraOid ?? null,
    entra_upn: input.entraUpn ? input.entraUpn.trim().toLowerCase() : null,
    disabled: 0,
    created_at: now(),
    token_version: 0,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (error) {
    // Another administrator (another instance, the CLI) took the name between the look-up and this
    // insert: the same refusal as when it was taken before, not a server error. Inside a PostgreSQL
    // transaction the failed insert has ended it; the caller's refusal rolls it back.
    if (usernameTaken(error)) return taken();
    throw error;
  }
  await audit(db, actor, 'user.add', 'user', row.id, null, publicUser(row));
  return { ok: true, value: row };
}

/** A unique violation on the user name (PostgreSQL names the constraint, SQLite the column). */
function usernameTaken(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  const e = error as { constraint?: unknown; message?: unknown };
  return e.constraint === 'users_username_key' || (typeof e.message === 'string' && e.message.includes('users.username'));
}

export async function findByUsername(db: Q, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', normalizeUsername(username)).executeTakeFirst();
}

// Read at every request by the authentication (prepared once: db/prepared.ts).
const userById = preparedQuery<{ id: string }, UserRow>((db, param) => db.selectFrom('users').selectAll().where('id', '=', param('id')));

export async function findById(db: Q, id: string): Promise<UserRow | undefined> {
  return userById.executeTakeFirst(db, { id });
}

/**
 * The account an Entra token belongs to: by object id (immutable), else by UPN, case-insensitive,
 * but only for an account not already bound to a different object id (a UPN can be reassigned).
 */
export async function findByEntra(db: Q, claims: { oid?: string; upn?: string }): Promise<UserRow | undefined> {
  if (claims.oid) {
    const byOid = await db.selectFrom('users').selectAll().where('entra_oid', '=', claims.oid).executeTakeFirst();
    if (byOid) return byOid;
  }
  if (!claims.upn) return undefined;
  const matches = await db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(entra_upn)`, '=', claims.upn.trim().toLowerCase())
    .execute();
  const usable = matches.filter((u) => u.entra_oid === null || u.entra_oid === claims.oid);
  return usable.length === 1 ? usable[0] : undefined;
}

/** Replace the password hash; mustChange marks a one-time password the user has to replace. */
export async function setPassword(db: Q, userId: string, passwordHash: string, opts: { mustChange: boolean }, actor: Actor): Promise<RepoResult<void>> {
  const before = await findById(db, userId);
  if (!before) return fail('user.notFound', 'Không tìm thấy người dùng.');
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: opts.mustChange ? 1 : 0 }).where('id', '=', userId).execute();
  const after = { ...before, password_hash: passwordHash, must_change_password: opts.mustChange ? 1 : 0 };
  await audit(db, actor, 'user.password', 'user', userId, publicUser(before), publicUser(after));
  return { ok: true, value: undefined };
}

/**
 * Disable or enable an account. Disabling ends its sessions at once (its token version is raised,
 * so a later enable does not bring old tokens back); the last enabled administrator cannot be disabled.
 * @example await setUserDisabled(db, user.id, true, actorId) // { ok: true, value: { changed: true } }
 */
export async function setUserDisabled(db: Q, userId: string, disabled: boolean, actor: Actor): Promise<RepoResult<{ changed: boolean }>> {
  const before = await findById(db, userId);
  if (!before) return fail('user.notFound', 'Không tìm thấy người dùng.');
  if ((before.disabled === 1) === disabled) return { ok: true, value: { changed: false } };
  if (disabled) {
    const otherAdmins = await db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.id')
      .where('user_roles.role', '=', 'admin')
      .where('users.disabled', '=', 0)
      .where('users.id', '!=', userId)
      .limit(1)
      .executeTakeFirst();
    const isAdmin = await db.selectFrom('user_roles').select('user_id').where('user_id', '=', userId).where('role', '=', 'admin').executeTakeFirst();
    if (isAdmin && !otherAdmins) return fail('user.lastAdmin', 'Không thể khoá quản trị viên cuối cùng còn hoạt động; hãy cấp quyền admin cho người khác trước.');
  }
  await db
    .updateTable('users')
    .set((eb) => ({ disabled: disabled ? 1 : 0, token_version: eb('token_version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
  await audit(db, actor, disabled ? 'user.disable' : 'user.enable', 'user', userId, publicUser(before), publicUser({ ...before, disabled: disabled ? 1 : 0 }));
  return { ok: true, value: { changed: true } };
}

/**
 * Sign a user out everywhere: every token issued to the user so far stops working at its next request.
 * @example await endSessions(db, principal.userId, principal.userId)
 */
export async function endSessions(db: Q, userId: string, actor: Actor): Promise<RepoResult<void>> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ token_version: eb('token_version', '+', 1) }))
    .where('id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return fail('user.notFound', 'Không tìm thấy người dùng.');
  await audit(db, actor, 'user.signOut', 'user', userId, null, null);
  return { ok: true, value: undefined };
}

const grantKey = (unitId: string | null): string => unitId ?? '';

/** Checks a grant against the role rules and the unit directory. */
async function validateGrant(db: Q, role: string, unitId: string | null): Promise<RepoResult<Role>> {
  if (!isRole(role)) return fail('role.unknown', `Vai trò "${role}" không tồn tại (reporter, approver, consolidator, admin).`);
  const needs = roleNeedsUnit(role);
  if (needs === 'required' && !unitId) return fail('role.unitRequired', `Vai trò ${role} phải gắn với một đơn vị.`);
  if (needs === 'forbidden' && unitId) return fail('role.unitForbidden', `Vai trò ${role} áp dụng toàn tỉnh, không gắn với đơn vị.`);
  if (unitId) {
    const unit = await db.selectFrom('units').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst();
    if (!unit || unit.active !== 1) return fail('unit.notFound', `Không tìm thấy đơn vị "${unitId}" trong danh mục.`);
  }
  return { ok: true, value: role };
}

/**
 * Grant a role, scoped to a unit (null = province-wide). Granting what is already held is a no-op.
 * @example await grant(db, user.id, 'reporter', 'so-tai-chinh', actorId)
 */
export async function grant(db: Q, userId: string, role: string, unitId: string | null, actor: Actor): Promise<RepoResult<{ changed: boolean }>> {
  const valid = await validateGrant(db, role, unitId || null);
  if (!valid.ok) return valid;
  if (!(await findById(db, userId))) return fail('user.notFound', 'Không tìm thấy người dùng.');
  const key = grantKey(unitId || null);
  const held = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('role', '=', valid.value).where('unit_id', '=', key).executeTakeFirst();
  if (held) return { ok: true, value: { changed: false } };
  await db.insertInto('user_roles').values({ user_id: userId, role: valid.value, unit_id: key, granted_at: now() }).execute();
  await audit(db, actor, 'role.grant', 'user', userId, null, { role: valid.value, unitId: unitId || null });
  return { ok: true, value: { changed: true } };
}

/** Withdraw a grant; revoking one that is not held is reported, not ignored, so typos are noticed. */
export async function revoke(db: Q, userId: string, role: string, unitId: string | null, actor: Actor): Promise<RepoResult<void>> {
  if (!isRole(role)) return fail('role.unknown', `Vai trò "${role}" không tồn tại (reporter, approver, consolidator, admin).`);
  const key = grantKey(unitId || null);
  if (role === 'admin') {
    const admins = await db.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').execute();
    if (admins.length === 1 && admins[0].user_id === userId) return fail('role.lastAdmin', 'Không thể thu hồi quyền của quản trị viên cuối cùng; hãy cấp quyền admin cho người khác trước.');
  }
  const deleted = await db.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', role).where('unit_id', '=', key).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return fail('grant.notFound', `Người dùng không có vai trò ${role}${key ? ` tại đơn vị ${key}` : ' toàn tỉnh'}.`);
  await audit(db, actor, 'role.revoke', 'user', userId, { role, unitId: unitId || null }, null);
  return { ok: true, value: undefined };
}

export interface UserWithRoles {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
  readonly entraUpn: string | null;
  readonly grants: readonly RoleGrant[];
}

// One user's grants, read at every request (prepared once); several users' through an `in` list.
const grantsOfUser = preparedQuery<{ userId: string }, { user_id: string; role: string; unit_id: string }>((db, param) =>
  db.selectFrom('user_roles').select(['user_id', 'role', 'unit_id']).where('user_id', '=', param('userId')).orderBy('role').orderBy('unit_id'));

async function grantsOf(db: Q, userIds: readonly string[]): Promise<Map<string, RoleGrant[]>> {
  const map = new Map<string, RoleGrant[]>();
  if (userIds.length === 0) return map;
  const rows = userIds.length === 1
    ? await grantsOfUser.execute(db, { userId: userIds[0] })
    : await db.selectFrom('user_roles').select(['user_id', 'role', 'unit_id']).where('user_id', 'in', userIds).orderBy('role').orderBy('unit_id').execute();
  for (const r of rows) {
    if (!isRole(r.role)) continue; // a role removed from the code grants nothing
    const list = map.get(r.user_id) ?? [];
    list.push({ role: r.role, unitId: r.unit_id === '' ? null : r.unit_id });
    map.set(r.user_id, list);
  }
  return map;
}

export async function listUsersWithRoles(db: Q): Promise<UserWithRoles[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
  const grants = await grantsOf(db, users.map((u) => u.id));
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    entraUpn: u.entra_upn,
    grants: grants.get(u.id) ?? [],
  }));
}

/** The principal for a request, read fresh so a revoked role or a disabled account counts at once. */
export async function getPrincipal(db: Q, userId: string, via: Principal['via'] = 'local'): Promise<Principal | null> {
  const u = await findById(db, userId);
  return u ? principalOf(db, u, via) : null;
}

/**
 * The principal of a user row the caller has just read (the auth hook, which reads it to check
 * the token's session stamp): the grants are read fresh, the row is not read a second time. (The
 * auth hook remembers both on SQLite until the users or grants change: db/read-cache.ts.)
 */
export async function principalOf(db: Q, u: UserRow, via: Principal['via'] = 'local'): Promise<Principal | null> {
  if (u.disabled === 1) return null;
  const grants = (await grantsOf(db, [u.id])).get(u.id) ?? [];
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    grants,
    // A one-time password binds local sign-ins only; Entra sign-ins never use it.
    mustChangePassword: via === 'local' && u.must_change_password === 1,
    via,
  };
}

/** Whether any account holds the admin role (the first start creates one when none does). */
export async function hasAdmin(db: Q): Promise<boolean> {
  return (await db.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').limit(1).executeTakeFirst()) !== undefined;
}
