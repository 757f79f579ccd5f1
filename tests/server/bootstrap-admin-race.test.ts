// Two server processes starting together on an empty database both try to create the first
// administrator (bootstrap-admin.ts). The one that loses must go on starting – an administrator
// exists – and must leave the other's account as it is: not take it for an `admin` that lost its
// role and reset its password (the one-time password the other printed would then not work).
// On PostgreSQL the other's commit can land between the loser's statements: after its look-up of the
// name (the name then found taken, or the insert refused by the unique name) or after its check for
// an administrator (the account then found). A Kysely plugin places it there, so each race runs the
// same way every time. CI once saw the first stop an instance (tests/operations/two-instances).
// On SQLite the loser's transaction begins IMMEDIATE and waits for the other's commit: a real second
// process holds it here.
import type { Kysely } from 'kysely';
import { ensureAdmin } from '../../src/server/bootstrap-admin';
import type { Database } from '../../src/server/db/schema';
import { createUser, grant } from '../../src/server/repositories/users';
import { postgresUrl } from './support/databases';
import { afterFirstNameLookup, afterSelect, otherProcessWriting, raceKinds, twoConnections } from './support/two-connections';

const quiet = { info: () => undefined, warn: () => undefined };

/** Every account holding the administrator role, as stored. */
const administrators = (db: Kysely<Database>) =>
  db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.username', 'users.password_hash', 'users.must_change_password']).where('user_roles.role', '=', 'admin').execute();

// PostgreSQL runs the two transactions side by side, so the other's commit can land between this
// one's statements. SQLite's begin IMMEDIATE (db/connect.ts) leaves no such moment: the second
// waits at its start for the first to commit, below.
(postgresUrl ? describe : describe.skip)('the first administrator, when another process creates it at the same moment (postgres)', () => {
  const kind = 'postgres';
  // The moments at which the other process's commit can land inside this one's transaction.
  const moments = [
    // Between the look-up of `admin` and the insert: the name is taken (PostgreSQL) or the snapshot stale (SQLite).
    ['between the look-up of the name and the insert', () => afterFirstNameLookup],
    // Between the check for an administrator and the look-up of `admin`: the account is found and
    // must not be taken for one that lost its role (its password reset, the other's printed one void).
    ['between the check for an administrator and the look-up of the name', () => (between: () => Promise<void>) => afterSelect('user_roles', 2, between)],
  ] as const;

  it.each(moments)('lets the process that lost start, one administrator with the other\'s password (commit %s)', async (_moment, pluginFor) => {
    const { a, b, drop } = await twoConnections(kind);
    try {
      // The other process: its administrator written, not yet committed.
      let commit!: () => void;
      const committing = new Promise<void>((resolve) => (commit = resolve));
      let written!: () => void;
      const isWritten = new Promise<void>((resolve) => (written = resolve));
      const other = a.kysely.transaction().execute(async (trx) => {
        const made = await createUser(trx, { username: 'admin', passwordHash: 'other', mustChangePassword: true }, 'system');
        if (!made.ok) throw new Error(made.message);
        const granted = await grant(trx, made.value.id, 'admin', null, 'system');
        if (!granted.ok) throw new Error(granted.message);
        written();
        await committing;
      });
      await isWritten;

      // This process: it finds no administrator, then the other commits at the chosen moment.
      const plugin = pluginFor()(async () => {
        commit();
        await other;
      });
      const password = await ensureAdmin(b.kysely.withPlugin(plugin), quiet, () => undefined);
      expect(plugin.fired).toBe(true);
      expect(password).toBeNull();

      expect(await administrators(a.kysely)).toEqual([expect.objectContaining({ username: 'admin', password_hash: 'other' })]);
    } finally {
      await drop();
    }
  });
});

describe('the first administrator, when another process is creating it (sqlite)', () => {
  it('waits for the other to commit, then starts without making a second one', async () => {
    const { a: db, file, drop } = await twoConnections('sqlite');
    try {
      const now = new Date().toISOString();
      const other = await otherProcessWriting(file!, [
        `insert into users (id, username, display_name, password_hash, must_change_password, created_at) values ('other-admin', 'admin', 'Quản trị hệ thống', 'other', 1, '${now}')`,
        `insert into user_roles (user_id, role, unit_id, granted_at) values ('other-admin', 'admin', '', '${now}')`,
      ]);
      const password = await ensureAdmin(db.kysely, quiet, () => undefined);
      expect(await other.exited).toBe(0);
      expect(password).toBeNull();
      expect(await administrators(db.kysely)).toEqual([expect.objectContaining({ username: 'admin', password_hash: 'other' })]);
    } finally {
      await drop();
    }
  });
});

describe.each(raceKinds)('an `admin` account without the administrator role, at start (%s)', (kind) => {
  it('is given the role and a new one-time password, not duplicated', async () => {
    const { a, b, drop } = await twoConnections(kind);
    try {
      const made = await createUser(a.kysely, { username: 'admin', passwordHash: 'old' }, 'system');
      if (!made.ok) throw new Error(made.message);
      const printed: string[] = [];
      const password = await ensureAdmin(b.kysely, quiet, (line) => printed.push(line));
      expect(password).toEqual(expect.any(String));
      expect(printed.join('\n')).toContain(password!);
      const admins = await administrators(a.kysely);
      expect(admins).toHaveLength(1);
      expect(admins[0].id).toBe(made.value.id);
      expect(admins[0].password_hash).not.toBe('old');
      expect(admins[0].must_change_password).toBe(1);
    } finally {
      await drop();
    }
  });
});
