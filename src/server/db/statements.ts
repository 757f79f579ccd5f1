// The SQLite connection's prepared statements, one per SQL text, shared by the two ways a query
// reaches the connection: Kysely's SQLite driver (which would otherwise prepare every query again)
// and the grouped write transactions (db/group-commit.ts), whose prepared queries (db/prepared.ts)
// run straight on the connection. Inside a group the connection is already held by the group's
// transaction and better-sqlite3 is synchronous, so Kysely's executor – its connection lock, the
// promise chain around each statement, the query transformers – had nothing left to do but cost:
// 15 % of the storing transaction (docs/performance.md).
import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** How many distinct statements stay prepared (the server's queries are a few dozen texts; `in (?, ?…)` lists vary). */
const STATEMENT_CACHE = 500;

export class StatementCache {
  private readonly cache = new Map<string, SqliteDatabase.Statement>();

  constructor(readonly sqlite: SqliteDatabase.Database) {}

  /**
   * The statement for this SQL text, prepared once. A statement still being iterated (a streamed
   * select) is busy and cannot be run again, so a fresh one is prepared for that call. SQLite
   * re-prepares a cached statement by itself after a schema change (a migration).
   */
  prepare(text: string): SqliteDatabase.Statement {
    const cached = this.cache.get(text);
    if (cached && !cached.busy) return cached;
    const stmt = this.sqlite.prepare(text);
    if (cached) return stmt;
    if (this.cache.size >= STATEMENT_CACHE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(text, stmt);
    return stmt;
  }

  /** Runs a statement as Kysely's SQLite driver would: the rows of a reader, none otherwise. */
  run<R>(text: string, parameters: readonly unknown[]): R[] {
    const stmt = this.prepare(text);
    if (stmt.reader) return stmt.all(parameters) as R[];
    stmt.run(parameters);
    return [];
  }
}

/** The grouped transactions in progress: the transaction handle → its connection's statements. */
const direct = new WeakMap<Kysely<Database>, StatementCache>();

/**
 * Lets the queries given this transaction handle run straight on the connection while `work` runs
 * (the group commit holds the connection for that long); afterwards the handle goes through Kysely
 * again, which refuses a finished transaction instead of running outside it.
 */
export async function runningDirectly<T>(tx: Kysely<Database>, statements: StatementCache, work: () => Promise<T>): Promise<T> {
  direct.set(tx, statements);
  try {
    return await work();
  } finally {
    direct.delete(tx);
  }
}

/** The connection's statements when `db` is a grouped transaction's handle; undefined otherwise (go through Kysely). */
export function directStatements(db: Kysely<Database>): StatementCache | undefined {
  return direct.get(db);
}
