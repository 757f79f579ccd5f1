// The one place where the database is chosen (docs/architecture.md, "Database"): the embedded SQLite file by default,
// PostgreSQL when a postgres:// URL is given. Repositories only ever see Kysely<Database>.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { DEFAULT_POSTGRES, type PostgresSettings } from '../config';
import { BackgroundCheckpoints, LOG_SIZE_LIMIT, SAFETY_NET_PAGES, type CheckpointOptions } from './checkpoints';
import { groupCommits, type GroupCommit } from './group-commit';
import { rememberReads, type ReadCache } from './read-cache';
import type { Database } from './schema';
import { StatementCache } from './statements';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** The PostgreSQL schema the tables live in (search_path); undefined on SQLite. */
  readonly schema?: string;
  /** The better-sqlite3 handle (SQLite only): for backups and tests. */
  readonly sqlite?: SqliteDatabase.Database;
  /** The WAL checkpoint thread (SQLite file opened with backgroundCheckpoints). */
  readonly checkpoints?: BackgroundCheckpoints;
  /** SQLite: the write transactions that run through writeTransaction, committed in groups (db/group-commit.ts). */
  readonly groupCommit?: GroupCommit;
  /** SQLite: the remembered reads of db/read-cache.ts. */
  readonly readCache?: ReadCache;
  /** PostgreSQL: the connection pool, whose counts /metrics shows. */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

export type ConnectOptions =
  | {
      readonly databaseUrl: string;
      readonly schema?: string;
      readonly settings?: Partial<PostgresSettings>;
      /** Where pool errors go (an idle connection dropped by the server, a failover). */
      readonly onPoolError?: (error: Error) => void;
    }
  | {
      readonly sqliteFile: string;
      /** The server's own file: WAL checkpoints in a worker thread, off the requests (db/checkpoints.ts). */
      readonly backgroundCheckpoints?: CheckpointOptions;
    };

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
  // Savepoints' undo pages (each grouped submission has one, db/group-commit.ts), temporary
  // triggers and sorts kept in memory, not in temporary files: the sub-journal of a submission's
  // savepoint outgrew SQLite's in-memory allowance and went through a file, a third of the
  // transaction's time (docs/performance.md). What a sort or a temporary table holds is bounded by
  // the queries the server runs (a period's consolidation at most).
  sqlite.pragma('temp_store = MEMORY');
  return sqlite;
}

/** The handle Kysely's SQLite driver uses: each SQL text prepared once (db/statements.ts). */
function cachingStatements(statements: StatementCache): SqliteDialectConfig['database'] {
  return { close: () => statements.sqlite.close(), prepare: (text: string) => statements.prepare(text) };
}

/**
 * Two changes to Kysely's SQLite driver.
 *
 * Transactions begin IMMEDIATE, taking the write lock at their start. Kysely's plain `begin` is
 * DEFERRED: a transaction that reads and then writes, while another process (`npm run admin` beside
 * the server, a second instance at its first start) commits in between, cannot write over its stale
 * snapshot and fails at once with "database is locked" – SQLite does not wait for that. Begun
 * IMMEDIATE, it waits for the other writer (busy_timeout) and then reads what it committed. Within
 * one process nothing changes: Kysely runs one transaction at a time on the connection.
 *
 * SQLite itself rolls a transaction back when a statement fails with SQLITE_FULL, SQLITE_IOERR or
 * SQLITE_NOMEM; Kysely's ROLLBACK after that fails with "cannot rollback - no transaction is
 * active" and that error replaces the one that matters. Skipping the ROLLBACK when SQLite has
 * already ended the transaction lets the original error (disk full…) reach the logs.
 */
function sqliteDialect(sqlite: SqliteDatabase.Database, statements: StatementCache): SqliteDialect {
  return new (class extends SqliteDialect {
    override createDriver() {
      const driver = super.createDriver();
      driver.beginTransaction = async (connection) => {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      };
      const rollback = driver.rollbackTransaction.bind(driver);
      driver.rollbackTransaction = async (connection) => {
        if (sqlite.inTransaction) await rollback(connection);
      };
      return driver;
    }
  })({ database: cachingStatements(statements) });
}

/** The checkpoint thread for the server's file, the connection's own checkpoint raised to a safety net. */
function backgroundCheckpoints(sqlite: SqliteDatabase.Database, file: string, options: CheckpointOptions): BackgroundCheckpoints {
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT}`);
  return new BackgroundCheckpoints(file, options);
}

/**
 * Opens the database. The schema option (PostgreSQL only) puts every table in that schema via
 * search_path, so test suites running side by side never meet.
 * @example const db = connect({ sqliteFile: path.join(dataDir, 'reporting.sqlite') });
 */
export function connect(options: ConnectOptions): Db {
  if ('sqliteFile' in options) {
    const sqlite = openSqlite(options.sqliteFile);
    const statements = new StatementCache(sqlite);
    const kysely = new Kysely<Database>({ dialect: sqliteDialect(sqlite, statements) });
    const checkpoints = options.backgroundCheckpoints && options.sqliteFile !== ':memory:' ? backgroundCheckpoints(sqlite, options.sqliteFile, options.backgroundCheckpoints) : null;
    return {
      kysely, dialect: 'sqlite', sqlite, checkpoints: checkpoints ?? undefined, groupCommit: groupCommits(kysely, statements),
      // Reads every request repeats (user, grants, unit, overrides), until their tables change (db/read-cache.ts).
      readCache: rememberReads(kysely, sqlite),
      // The thread's connection first: the last connection to close checkpoints the whole log.
      close: async () => {
        await checkpoints?.stop();
        await kysely.destroy();
      },
    };
  }
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const settings = { ...DEFAULT_POSTGRES, ...options.settings };
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    application_name: settings.applicationName,
    // Session settings sent with the startup packet: a held lock or a runaway query ends in an
    // error after these limits instead of holding a pooled connection (and every request) forever.
    options: [
      ...(schema ? [`-c search_path=${schema}`] : []),
      `-c statement_timeout=${settings.statementTimeoutMs}`,
      `-c lock_timeout=${settings.lockTimeoutMs}`,
    ].join(' '),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.onPoolError?.(error));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', schema: schema ?? 'public', pool, close: () => kysely.destroy() };
}

/** Opens the database the configuration asks for. */
export function connectFromConfig(
  config: { readonly databaseUrl?: string; readonly databaseSchema?: string; readonly dataDir: string; readonly postgres?: PostgresSettings },
  onPoolError?: (error: Error) => void,
  backgroundCheckpoints?: CheckpointOptions,
): Db {
  return config.databaseUrl
    ? connect({ databaseUrl: config.databaseUrl, schema: config.databaseSchema, settings: config.postgres, onPoolError })
    : connect({ sqliteFile: path.join(config.dataDir, 'reporting.sqlite'), backgroundCheckpoints });
}

/** True when an error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
