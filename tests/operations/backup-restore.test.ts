// The backups docs/deploy.md prescribes, run for real and restored: an online SQLite backup with
// the sqlite3 command-line tool while the database is open, and pg_dump/pg_restore for
// PostgreSQL. After the restore the migrated database holds the same reports.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { testApp } from '../server/support/app';
import { SKHCN } from '../server/support/catalogue';
import { postgresUrl, type TestDatabase } from '../server/support/databases';
import { indicatorReport } from '../server/support/requests';
import { as, principal } from '../server/support/test-auth';

const clerk = as(principal('reporter', SKHCN));
const has = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
const run = (tool: string, args: string[]) => {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** The stored reports, in a form to compare across databases. */
async function reports(db: Db) {
  return db.kysely.selectFrom('revisions').select(['submission_id', 'revision', 'content_hash']).orderBy('submission_id').orderBy('revision').execute();
}

/** Sends two reports through the app on the database `database` makes. */
async function fill(database: TestDatabase) {
  const t = await testApp(database);
  for (const period of ['2026-Q1', '2026-H1']) {
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport({ period }) });
    expect(res.statusCode).toBe(201);
  }
  return t;
}

(has('sqlite3') ? describe : describe.skip)('SQLite: sqlite3 .backup while the server has the file open', () => {
  it('restores a file that passes integrity_check and holds the same reports', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cds-backup-'));
    const file = path.join(dir, 'reporting.sqlite');
    const database: TestDatabase = {
      kind: 'sqlite',
      async create() {
        const db = connect({ sqliteFile: file });
        await migrateToLatest(db);
        return { ...db, drop: () => db.close() };
      },
    };
    const t = await fill(database);
    try {
      const before = await reports(t.db);
      expect(before).toHaveLength(2);
      const backup = path.join(dir, 'backup.sqlite');
      run('sqlite3', [file, `.backup '${backup}'`]); // the server still holds the file, in WAL mode
      await t.close();

      const restoredDir = path.join(dir, 'restored');
      spawnSync('mkdir', ['-p', restoredDir]);
      copyFileSync(backup, path.join(restoredDir, 'reporting.sqlite'));
      expect(run('sqlite3', [path.join(restoredDir, 'reporting.sqlite'), 'pragma integrity_check']).trim()).toBe('ok');
      const restored = connect({ sqliteFile: path.join(restoredDir, 'reporting.sqlite') });
      try {
        expect(await migrateToLatest(restored)).toEqual([]); // already at the latest migration
        expect(await reports(restored)).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

(postgresUrl && has('pg_dump') && has('pg_restore') ? describe : describe.skip)('PostgreSQL: pg_dump --format=custom and pg_restore', () => {
  it('restores the schema with the same reports', async () => {
    const schema = `t_backup_${randomBytes(4).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`create schema ${schema}`);
    const database: TestDatabase = {
      kind: 'postgres',
      async create() {
        const db = connect({ databaseUrl: postgresUrl!, schema });
        await migrateToLatest(db);
        return { ...db, drop: () => db.close() };
      },
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cds-pgdump-'));
    try {
      const t = await fill(database);
      const before = await reports(t.db);
      await t.close();
      const dump = path.join(dir, 'cds.dump');
      run('pg_dump', ['--format=custom', '--no-owner', `--schema=${schema}`, `--file=${dump}`, postgresUrl!]);
      // Disaster: the data is gone. Restore into the emptied database.
      await admin(`drop schema ${schema} cascade`);
      run('pg_restore', ['--no-owner', `--dbname=${postgresUrl}`, dump]);
      const restored = connect({ databaseUrl: postgresUrl!, schema });
      try {
        expect(await migrateToLatest(restored)).toEqual([]);
        expect(await reports(restored)).toEqual(before);
        expect(before).toHaveLength(2);
      } finally {
        await restored.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await admin(`drop schema if exists ${schema} cascade`);
    }
  });
});
