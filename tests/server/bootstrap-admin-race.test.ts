// Two server processes starting together on an empty database both try to create the first
// administrator (bootstrap-admin.ts). However the other's commit reaches the one that loses – its
// insert refused by the unique user name, the name found already taken between its two reads
// (PostgreSQL, read committed), or its snapshot gone stale before its first write (SQLite, WAL) – it
// must go on starting: an administrator exists. Nor may it take the other's new account, found
// between its check and its look-up, for an `admin` that lost its role and reset its password (the
// one-time password the other printed would then not work). CI once saw the second case stop an instance
// (tests/operations/two-instances). Here the other process's commit is placed between the loser's
// reads by a Kysely plugin, so the race runs the same way every time, on both databases.
import { ensureAdmin } from '../../src/server/bootstrap-admin';
import { createUser, grant } from '../../src/server/repositories/users';
import { afterFirstNameLookup, afterSelect, raceKinds, twoConnections } from './support/two-connections';

const quiet = { info: () => undefined, warn: () => undefined };

describe.each(raceKinds)('the first administrator, when another process creates it at the same moment (%s)', (kind) => {
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

      const admins = await a.kysely.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
        .select(['users.username', 'users.password_hash']).where('user_roles.role', '=', 'admin').execute();
      expect(admins).toEqual([{ username: 'admin', password_hash: 'other' }]);
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
      const admins = await a.kysely.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
        .select(['users.id', 'users.password_hash', 'users.must_change_password']).where('user_roles.role', '=', 'admin').execute();
      expect(admins).toHaveLength(1);
      expect(admins[0].id).toBe(made.value.id);
      expect(admins[0].password_hash).not.toBe('old');
      expect(admins[0].must_change_password).toBe(1);
    } finally {
      await drop();
    }
  });
});
