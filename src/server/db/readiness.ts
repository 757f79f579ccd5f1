// Whether this instance can do its job: the database answers within a second and a write commits.
// A write that fails for a storage reason (disk full, read-only file, lock or statement timeout,
// lost connection) also marks the instance not ready for a while, so a load balancer stops
// sending reports to a server that can read but cannot store them (docs/deploy.md#health).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connect';

/** How long after a request's storage failure the instance stays not ready. */
export const STORAGE_FAILURE_WINDOW_MS = 30_000;
export const READY_TIMEOUT_MS = 1000;

const SQLITE_STORAGE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY|LOCKED|NOMEM)/;
/** PostgreSQL SQLSTATE classes/codes that say the database, not the request, is the problem. */
const PG_STORAGE = /^(08|53|57P0|58|XX)|^55P03$|^57014$|^25006$/;

/** True for an error that says the database cannot store, not that the request was wrong. */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return /timeout exceeded when trying to connect|Connection terminated/i.test(String((error as Error)?.message ?? ''));
  return SQLITE_STORAGE.test(code) || PG_STORAGE.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ENOSPC';
}

export type Readiness = { readonly ready: true } | { readonly ready: false; readonly reason: 'timeout' | 'read' | 'write' | 'recent-write-failure' };

export class ReadinessProbe {
  readonly instance = randomUUID();
  private lastFailureAt = -Infinity;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called by the error handler for every failed request. */
  noteFailure(error: unknown): void {
    if (isStorageFailure(error)) this.lastFailureAt = this.now();
  }

  /** Reads and writes once, within READY_TIMEOUT_MS. Errors are passed to onError with their original cause. */
  async check(onError: (error: unknown, step: string) => void): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ready: false, reason: 'timeout' }), READY_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.probe(onError), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async probe(onError: (error: unknown, step: string) => void): Promise<Readiness> {
    try {
      await sql`select 1`.execute(this.db.kysely);
    } catch (error) {
      onError(error, 'read');
      return { ready: false, reason: 'read' };
    }
    try {
      // A committed write of a few pages, in a transaction as the routes write.
      const checkedAt = new Date(this.now()).toISOString();
      const payload = randomUUID().repeat(64);
      await this.db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('health_checks')
          .values({ instance: this.instance, checked_at: checkedAt, payload })
          .onConflict((oc) => oc.column('instance').doUpdateSet({ checked_at: checkedAt, payload }))
          .execute();
      });
    } catch (error) {
      this.lastFailureAt = this.now();
      onError(error, 'write');
      return { ready: false, reason: 'write' };
    }
    // The probe's small row may still fit where a report does not (a nearly full disk): a real
    // write's storage failure keeps the instance out for a while even when the probe commits.
    if (this.now() - this.lastFailureAt < STORAGE_FAILURE_WINDOW_MS) return { ready: false, reason: 'recent-write-failure' };
    return { ready: true };
  }
}
