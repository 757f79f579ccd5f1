// Runs a suite once per available database (docs/architecture.md §8): always on SQLite, and on PostgreSQL when
// TEST_DATABASE_URL is set. Each PostgreSQL run gets its own schema, so suites running side by side
// in jest workers never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Db } from '../../../src/server/db/connect';
import { migrateToLatest } from '../../../src/server/db/migrate';

export type TestDbKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  readonly kind: TestDbKind;
  /** A fresh, migrated database for one suite or test; drop() removes it. */
  create(): Promise<Db & { drop(): Promise<void> }>;
}

const pgUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const sqliteTestDatabase: TestDatabase = {
  kind: 'sqlite',
  async create() {
    const db = connect({ sqliteFile: ':memory:' });
    await migrateToLatest(db);
    return { ...db, drop: () => db.close() };
  },
};

export const postgresTestDatabase: TestDatabase = {
  kind: 'postgres',
  async create() {
    const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
    await adminQuery(`create schema ${schema}`);
    const db = connect({ databaseUrl: pgUrl as string, schema });
    await migrateToLatest(db);
    return {
      ...db,
      drop: async () => {
        await db.close();
        await adminQuery(`drop schema ${schema} cascade`);
      },
    };
  },
};

export const testDatabases: readonly TestDatabase[] = pgUrl ? [sqliteTestDatabase, postgresTestDatabase] : [sqliteTestDatabase];

export const postgresUrl = pgUrl;

/**
 * describe() once per database: `describeEachDatabase('submissions', (database) => { … })`.
 * The callback gets the TestDatabase to create() fresh databases from.
 */
export function describeEachDatabase(name: string, suite: (database: TestDatabase) => void): void {
  describe.each(testDatabases.map((d) => [d.kind, d] as const))(`${name} on %s`, (_kind, database) => suite(database));
}
