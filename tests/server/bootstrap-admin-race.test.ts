// Two server processes starting together on an empty database both try to create the first
// administrator (bootstrap-admin.ts). However the other's commit reaches the one that loses – its
// insert refused by the unique user name, the name found already taken between its two reads
// (PostgreSQL, read committed), or its snapshot gone stale before its first write (SQLite, WAL) – it
// must go on starting: an administrator exists. CI once saw the second case stop an instance
// (tests/operations/two-instances). Here the other process's commit is placed between the loser's
// reads by a Kysely plugin, so the race runs the same way every time, on both databases.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { ensureAdmin } from '../../src/server/bootstrap-admin';
import { connect, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { createUser, grant } from '../../src/server/repositories/users';
import { postgresUrl } from './support/databases';

const quiet = { info: () => undefined, warn: () => undefined };

/** Two connections to one new, migrated database (two processes' worth), and how to remove it. */
async function twoConnections(kind: 'sqlite' | 'postgres'): Promise<{ a: Db; b: Db; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-race-'));
    const file = path.join(dir, 'reporting.sqlite');
    const a = connect({ sqliteFile: file });
    await migrateToLatest(a);
    const b = connect({ sqliteFile: file });
    return { a, b, drop: async () => { await b.close(); await a.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `race_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`create schema ${schema}`);
  const a = connect({ databaseUrl: postgresUrl!, schema });
  await migrateToLatest(a);
  const b = connect({ databaseUrl: postgresUrl!, schema });
  return { a, b, drop: async () => { await b.close(); await a.close(); await admin(`drop schema ${schema} cascade`); } };
}

/** Runs `between` once, after the first look-up of a user by name has been answered on this connection. */
function afterFirstNameLookup(between: () => Promise<void>): KyselyPlugin & { fired: boolean } {
  const lookups = new WeakSet<object>();
  const plugin = {
    fired: false,
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      const text = JSON.stringify(args.node);
      if (args.node.kind === 'SelectQueryNode' && text.includes('"users"') && text.includes('"username"')) lookups.add(args.queryId);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (!plugin.fired && lookups.has(args.queryId)) {
        plugin.fired = true;
        await between();
      }
      return args.result;
    },
  };
  return plugin;
}

const kinds = postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(kinds)('the first administrator, when another process creates it at the same moment (%s)', (kind) => {
  it('lets the process that lost start, with one administrator in the database', async () => {
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

      // This process: it finds no administrator and no `admin`, then the other commits.
      const plugin = afterFirstNameLookup(async () => {
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
