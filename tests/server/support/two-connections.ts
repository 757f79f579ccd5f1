// Two connections to one new database – two processes' worth – and a Kysely plugin that runs the
// other process's work at a chosen moment of this one's, so that a race between instances runs the
// same way at every run (bootstrap-admin-race, users-race).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { connect, type Db } from '../../../src/server/db/connect';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { postgresUrl } from './databases';

/** The databases to run a race on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const raceKinds = postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** Two connections to one new, migrated database (two processes' worth), how to remove it, and its file (SQLite). */
export async function twoConnections(kind: 'sqlite' | 'postgres'): Promise<{ a: Db; b: Db; drop(): Promise<void>; file?: string }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-race-'));
    const file = path.join(dir, 'reporting.sqlite');
    const a = connect({ sqliteFile: file });
    await migrateToLatest(a);
    const b = connect({ sqliteFile: file });
    return { a, b, file, drop: async () => { await b.close(); await a.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
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

/**
 * Runs `between` once, after the `nth` select on this connection that reads `table` (and, when
 * given, `column`) has been answered – before the caller sees the answer.
 */
export function afterSelect(table: string, nth: number, between: () => Promise<void>, column?: string): KyselyPlugin & { fired: boolean } {
  const matching = new WeakSet<object>();
  let seen = 0;
  const plugin = {
    fired: false,
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      const text = JSON.stringify(args.node);
      if (args.node.kind === 'SelectQueryNode' && text.includes(`"${table}"`) && (!column || text.includes(`"${column}"`))) matching.add(args.queryId);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (!plugin.fired && matching.has(args.queryId) && ++seen === nth) {
        plugin.fired = true;
        await between();
      }
      return args.result;
    },
  };
  return plugin;
}

/** Runs `between` once, after the first look-up of a user by name has been answered on this connection. */
export const afterFirstNameLookup = (between: () => Promise<void>) => afterSelect('users', 1, between, 'username');

/**
 * Another process writing to a SQLite file: it begins a transaction, runs `statements`, says so, holds
 * the write lock for `holdMs`, then commits. Resolves once it holds the lock, with its exit to await.
 */
export async function otherProcessWriting(file: string, statements: readonly string[], holdMs = 500): Promise<{ exited: Promise<number | null> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    db.exec('begin immediate');
    for (const s of ${JSON.stringify(statements)}) db.exec(s);
    process.stdout.write('holding\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('commit');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('holding')) resolve(); });
    child.once('exit', (code) => reject(new Error(`the other process exited (${code}) before holding the lock`)));
  });
  return { exited };
}
