// The one place where the database is chosen (STYLE.md §8): the embedded SQLite file by default,
// PostgreSQL when a postgres:// URL is given. Repositories only ever see Kysely<Database>.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** The PostgreSQL schema the tables live in (search_path); undefined on SQLite. */
  readonly schema?: string;
  close(): Promise<void>;
}

export type ConnectOptions =
  | { readonly databaseUrl: string; readonly schema?: string; readonly poolSize?: number }
  | { readonly sqliteFile: string };

// PostgreSQL returns int8 (count(*), sums) as strings; the counts here are far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new SqliteDatabase(file);
  // The file holds password hashes and unapproved reports: readable by the server's user only.
  if (file !== ':memory:') fs.chmodSync(file, 0o600);
  // WAL: readers never block the writer, and a commit survives a killed process.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/**
 * Opens the database. The schema option (PostgreSQL only) puts every table in that schema via
 * search_path, so test suites running side by side never meet.
 * @example const db = connect({ sqliteFile: path.join(dataDir, 'reporting.sqlite') });
 */
export function connect(options: ConnectOptions): Db {
  if ('sqliteFile' in options) {
    const sqlite = openSqlite(options.sqliteFile);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
  }
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', schema: schema ?? 'public', close: () => kysely.destroy() };
}

/** Opens the database the configuration asks for. */
export function connectFromConfig(config: { readonly databaseUrl?: string; readonly databaseSchema?: string; readonly dataDir: string }): Db {
  return config.databaseUrl
    ? connect({ databaseUrl: config.databaseUrl, schema: config.databaseSchema })
    : connect({ sqliteFile: path.join(config.dataDir, 'reporting.sqlite') });
}

/** True when an error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
