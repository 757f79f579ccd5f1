import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect, isUniqueViolation, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { describeEachDatabase } from './support/databases';

const now = '2026-03-20T01:00:00.000Z';

describeEachDatabase('database', (database) => {
  let db: Db & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await database.create();
  });
  afterAll(async () => db.drop());

  it('creates every table of schema.ts', async () => {
    // On PostgreSQL other suites' schemas sit beside this one: count this database's tables only.
    const tables = (await db.kysely.introspection.getTables()).filter((t) => db.schema === undefined || t.schema === db.schema).map((t) => t.name).sort();
    expect(tables).toEqual(['api_keys', 'assignment_overrides', 'audit', 'decisions', 'health_checks', 'province_report_revisions', 'province_reports', 'revision_cells', 'revisions', 'sign_in_failures', 'sign_in_known_addresses', 'submissions', 'units', 'user_roles', 'users', 'verification_codes']);
  });

  it('running the migrations again changes nothing', async () => {
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('refuses a database a newer release has migrated, naming the migration it does not know, and changes nothing (docs/deploy.md, Upgrades)', async () => {
    const FUTURE = '999_from_a_newer_release';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own bookkeeping table, not in schema.ts
    const migrations = (db.kysely as any).withSchema(db.schema ?? 'main');
    const names = async () => (await migrations.selectFrom('kysely_migration').select('name').execute()).map((r: { name: string }) => r.name).sort();
    const before = await names();
    await migrations.insertInto('kysely_migration').values({ name: FUTURE, timestamp: new Date().toISOString() }).execute();
    try {
      await expect(migrateToLatest(db)).rejects.toThrow(new RegExp(FUTURE));
      expect(await names()).toEqual([...before, FUTURE].sort());
    } finally {
      await migrations.deleteFrom('kysely_migration').where('name', '=', FUTURE).execute();
    }
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('refuses a second revision with the same client submission id', async () => {
    const k = db.kysely;
    await k.insertInto('units').values({ id: 'u1', name: 'Xã A', level: 'commune', classes: '[]', source: 'csv', updated_at: now }).execute();
    await k
      .insertInto('submissions')
      .values({ id: 's1', plan_id: 'p', unit_id: 'u1', period: '2026-Q1', kind: 'indicators', status: 'submitted', latest_revision: 1, created_at: now, updated_at: now })
      .execute();
    const revision = (n: number) => ({
      id: `r${n}`, submission_id: 's1', revision: n, client_submission_id: 'c-1', content_hash: 'h', rows: '[]',
      evaluations: '[]', late: 0, submitted_by: 'x', submitted_at: now, warnings: null,
    });
    await k.insertInto('revisions').values(revision(1)).execute();
    const second = await k.insertInto('revisions').values(revision(2)).execute().catch((e: unknown) => e);
    expect(isUniqueViolation(second)).toBe(true);
  });

  it('refuses a submission for a unit that does not exist (foreign keys are on)', async () => {
    const error = await db.kysely
      .insertInto('submissions')
      .values({ id: 's2', plan_id: 'p', unit_id: 'nowhere', period: '2026-Q1', kind: 'tasks', status: 'submitted', latest_revision: 1, created_at: now, updated_at: now })
      .execute()
      .catch((e: unknown) => e);
    // SQLite's native error comes from another realm than jest's Error, so match its code instead.
    expect((error as { code?: string }).code).toMatch(/^(SQLITE_CONSTRAINT_FOREIGNKEY|23503)$/);
  });

  it('numbers audit records in order', async () => {
    const k = db.kysely;
    await k.insertInto('audit').values([{ at: now, user_id: null, action: 'a', entity: 'e', entity_id: null, before: null, after: null }]).execute();
    await k.insertInto('audit').values([{ at: now, user_id: null, action: 'b', entity: 'e', entity_id: null, before: null, after: null }]).execute();
    const rows = await k.selectFrom('audit').select(['id', 'action']).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['a', 'b']);
    expect(typeof rows[0].id).toBe('number');
    expect(rows[1].id).toBeGreaterThan(rows[0].id);
  });

  it('rolls a failed transaction back completely', async () => {
    const k = db.kysely;
    await expect(
      k.transaction().execute(async (tx) => {
        await tx.insertInto('units').values({ id: 'u-rollback', name: 'X', level: 'commune', classes: '[]', source: 'csv', updated_at: now }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const found = await k.selectFrom('units').select('id').where('id', '=', 'u-rollback').executeTakeFirst();
    expect(found).toBeUndefined();
    const count = await k.selectFrom('units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});

describe('SQLite file', () => {
  it('is opened in WAL mode with a busy timeout, foreign keys and temporary data in memory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reporting-db-'));
    const db = connect({ sqliteFile: path.join(dir, 'nested', 'reporting.sqlite') });
    try {
      await migrateToLatest(db);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.kysely);
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db.kysely);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db.kysely);
      expect(mode.rows[0].journal_mode).toBe('wal');
      expect(fk.rows[0].foreign_keys).toBe(1);
      expect(busy.rows[0].timeout).toBe(5000);
      // 2 = MEMORY: the savepoint of every grouped submission keeps its undo pages off temporary files.
      const temp = await sql<{ temp_store: number }>`pragma temp_store`.execute(db.kysely);
      expect(temp.rows[0].temp_store).toBe(2);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
