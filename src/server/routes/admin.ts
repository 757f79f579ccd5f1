// The administrator's HTTP API (docs/api.md): users (list, create with a one-time password, reset to
// a one-time password, grant / revoke roles per unit, disable / enable) and the unit directory (list,
// CSV import with a dry run). The same repository functions as `npm run admin`, each write in one
// transaction with its audit record, the actor being the signed-in administrator.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { API, type AdminUser } from '../../core/api';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/schema';
import { badRequest, conflict, HttpError, notFound } from '../errors';
import { adminUser, listAdminUsers, listAllUnits, setDisabled } from '../repositories/user-admin';
import { importUnitsCsv } from '../repositories/units';
import { createUser, findByUsername, grant, revoke, setPassword } from '../repositories/users';
import { route, type ContractRequest } from './contract';
import { requireCan } from './guard';

/** A repository's refusal as an HTTP error: missing things 404, clashes 409, the rest 400. */
function refusal(r: { code: string; message: string }): HttpError {
  if (r.code.endsWith('.notFound')) return notFound(r.message);
  if (['user.exists', 'role.lastAdmin', 'user.lastAdmin', 'user.self'].includes(r.code)) return conflict(r.message);
  return badRequest(r.message);
}
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T => {
  if (!r.ok) throw refusal(r);
  return r.value;
};

/** 18 random bytes, base64url: 24 characters the user types once and replaces at first sign-in. */
const oneTimePassword = (): string => randomBytes(18).toString('base64url');

export const adminRoutes: FastifyPluginAsync = async (app) => {
  const db = () => app.db.kysely;
  const userOf = async (q: Kysely<Database>, username: string): Promise<AdminUser> => {
    const user = await adminUser(q, username);
    if (!user) throw notFound(`Không tìm thấy người dùng "${username}".`);
    return user;
  };
  const idOf = async (q: Kysely<Database>, username: string): Promise<string> => {
    const user = await findByUsername(q, username);
    if (!user) throw notFound(`Không tìm thấy người dùng "${username}".`);
    return user.id;
  };

  route(app, API.listUsers, async () => ({ users: await listAdminUsers(db()) }));

  route(app, API.createUser, async (request, reply) => {
    const actor = requireCan(request, 'users.manage').userId;
    const body = request.body;
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const user = await db().transaction().execute(async (trx) => {
      const made = unwrap(await createUser(trx, { username: body.username, displayName: body.displayName, passwordHash, mustChangePassword: true, entraUpn: body.entraUpn ?? null }, actor));
      for (const g of body.grants) unwrap(await grant(trx, made.id, g.role, g.unitId, actor));
      return userOf(trx, made.username);
    });
    return reply.status(201).send({ user, oneTimePassword: password });
  });

  route(app, API.resetPassword, async (request) => {
    const actor = requireCan(request, 'users.manage').userId;
    const { username } = request.params;
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const user = await db().transaction().execute(async (trx) => {
      // A new password hash ends every token signed with the old one (tokens carry its fingerprint).
      unwrap(await setPassword(trx, await idOf(trx, username), passwordHash, { mustChange: true }, actor));
      return userOf(trx, username);
    });
    return { user, oneTimePassword: password };
  });

  route(app, API.grantRole, async (request) => {
    const actor = requireCan(request, 'users.manage').userId;
    const { username } = request.params;
    return db().transaction().execute(async (trx) => {
      const { changed } = unwrap(await grant(trx, await idOf(trx, username), request.body.role, request.body.unitId, actor));
      return { user: await userOf(trx, username), changed };
    });
  });

  route(app, API.revokeRole, async (request) => {
    const actor = requireCan(request, 'users.manage').userId;
    const { username } = request.params;
    return db().transaction().execute(async (trx) => {
      unwrap(await revoke(trx, await idOf(trx, username), request.query.role, request.query.unitId ?? null, actor));
      return { user: await userOf(trx, username), changed: true };
    });
  });

  const disabling = (disabled: boolean) => async (request: ContractRequest<typeof API.disableUser | typeof API.enableUser>) => {
    const actor = requireCan(request, 'users.manage');
    const { username } = request.params;
    return db().transaction().execute(async (trx) => {
      const { changed } = unwrap(await setDisabled(trx, username, disabled, actor));
      return { user: await userOf(trx, username), changed };
    });
  };
  route(app, API.disableUser, disabling(true));
  route(app, API.enableUser, disabling(false));

  const units = { capability: 'units.manage' } as const;
  route(app, API.listUnits, async () => ({ units: await listAllUnits(db()) }), units);

  route(app, API.importUnits, async (request, reply) => {
    const actor = requireCan(request, 'units.manage').userId;
    const dryRun = request.query.dryRun === 'true';
    // The same import as `npm run admin -- units import`: nothing is written when any line is bad.
    const r = await importUnitsCsv(db(), request.body.csv, { userId: actor, now: app.clock().toISOString(), dryRun });
    if (!r.ok) return reply.status(422).send({ error: 'invalid', message: 'Tệp CSV có lỗi, chưa nạp đơn vị nào.', issues: r.issues });
    return { dryRun: r.dryRun, added: r.added, updated: r.updated, unchanged: r.unchanged, changes: r.changes };
  }, units);
};
