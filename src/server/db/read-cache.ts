// Reads that every request repeats – the caller's user row and grants, the unit reported for and its
// assignment overrides – remembered until anything in their tables changes (docs/performance.md,
// "Remembered reads"). Revocation must still count at the next request: a sign-out, a new password,
// a role taken away, a unit deactivated. So on SQLite two things are watched:
//   - this connection's own writes, by temporary triggers on the watched tables that call a function
//     of ours (temporary triggers belong to the connection: every statement of the server, whatever
//     code issues it, fires them – nothing depends on a repository remembering to say so);
//   - other connections' commits (`npm run admin` in another process), by `PRAGMA data_version`,
//     from the next turn of the event loop.
// Any change forgets every remembered read. PostgreSQL may be shared by several instances, whose
// writes nothing here would see: there every read goes to the database.
import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** The tables the remembered reads come from. */
export const WATCHED_TABLES = ['users', 'user_roles', 'units', 'assignment_overrides'] as const;
/** Bounds the memory: a province has a few thousand users and units. */
const LIMIT = 20_000;
const CHANGED = 'cds_watched_table_changed';

export class ReadCache {
  private generation = 0;
  private seen: string | null = null;
  private readonly entries = new Map<string, unknown>();
  private dataVersion: SqliteDatabase.Statement | null = null;
  private otherCommits: string | null = null;

  constructor(private readonly sqlite: SqliteDatabase.Database) {
    sqlite.function(CHANGED, { deterministic: false }, () => {
      this.generation += 1;
      return null;
    });
  }

  /**
   * The triggers, made on first use: the tables exist only once the migrations have run. Until they
   * can be made (no tables yet) nothing is remembered.
   */
  private watching(): boolean {
    if (this.dataVersion) return true;
    try {
      for (const table of WATCHED_TABLES) {
        for (const op of ['insert', 'update', 'delete']) {
          this.sqlite.exec(`create temp trigger if not exists cds_watch_${table}_${op} after ${op} on main.${table} begin select ${CHANGED}(); end`);
        }
      }
    } catch {
      return false;
    }
    this.dataVersion = this.sqlite.prepare('pragma data_version').pluck();
    return true;
  }

  /**
   * This connection's writes exactly (the triggers' count); other connections' commits as
   * `data_version` read at most once per turn of the event loop (the pragma costs several µs, and
   * requests handled in one turn arrived together: a commit elsewhere counts from the next turn).
   */
  private version(): string {
    if (this.otherCommits === null) {
      this.otherCommits = String(this.dataVersion!.get());
      setImmediate(() => {
        this.otherCommits = null;
      });
    }
    return `${this.otherCommits}:${this.generation}`;
  }

  /**
   * The remembered value for `key`, or `load()`'s. What is loaded is kept under the version seen
   * before loading: a change during the load makes the next read see a new version and forget it.
   * Only a read that started under an older version than the entries now hold (another read already
   * saw the change) keeps nothing.
   */
  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.watching()) return load();
    const before = this.version();
    if (before !== this.seen) {
      this.entries.clear();
      this.seen = before;
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    // Frozen through and through: one request cannot change what the next one is given.
    const value = deepFreeze(await load());
    if (this.seen === before) {
      if (this.entries.size >= LIMIT) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const caches = new WeakMap<Kysely<Database>, ReadCache>();

/** Remembers reads on this SQLite connection (db/connect.ts). */
export function rememberReads(kysely: Kysely<Database>, sqlite: SqliteDatabase.Database): ReadCache {
  const cache = new ReadCache(sqlite);
  caches.set(kysely, cache);
  return cache;
}

/**
 * A read of the watched tables, remembered on SQLite until one of them changes; on PostgreSQL (or a
 * Transaction handle) read every time. On SQLite the value is shared between requests, and frozen.
 * @example const unit = await rememberedRead(db, `unit:${id}`, () => getUnit(db, id))
 */
export function rememberedRead<T>(db: Kysely<Database>, key: string, load: () => Promise<T>): Promise<T> {
  const cache = caches.get(db);
  return cache ? cache.read(key, load) : load();
}
