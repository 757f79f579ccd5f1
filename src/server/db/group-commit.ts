// Group commit on SQLite (docs/performance.md, "Group commit"). SQLite has one writer and a commit
// writes every page the transaction touched to the log: with one transaction per submission, the
// commit was the largest single cost of a submission (~135 µs of ~0.8 ms), and the pages that
// submissions share (the tables' last leaves, the indexes' upper levels) were written again by each.
// Here the write transactions that are waiting at one moment run one after another inside a single
// transaction, each in its own savepoint: one that fails is rolled back to its savepoint alone, and
// every caller hears its outcome only after the group's COMMIT has returned – an answer never
// reports a write that is not on disk, and a failed commit fails every one of them, nothing half-kept.
// PostgreSQL commits concurrent transactions side by side: there the work runs in its own transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import { runningDirectly, type StatementCache } from './statements';

export type TransactionWork<T> = (tx: Transaction<Database>) => Promise<T>;

interface Job {
  readonly work: TransactionWork<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** How many transactions one commit carries at most: bounds how long the first one waits for the last. */
export const MAX_GROUP = 64;

/** The groups committed so far, for tests and the benchmark. */
export interface GroupCommitStats {
  groups: number;
  transactions: number;
  largest: number;
}

export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private running = false;
  readonly stats: GroupCommitStats = { groups: 0, transactions: 0, largest: 0 };

  constructor(
    private readonly kysely: Kysely<Database>,
    private readonly statements: StatementCache,
  ) {}

  /** Runs the work in a transaction of its own as far as it can see; resolves once that work is committed. */
  run<T>(work: TransactionWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  // The group starts on the next turn of the event loop, so that every request whose body arrived in
  // the same turn has reached its transaction and joins it.
  private schedule(): void {
    if (this.scheduled || this.running || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = true;
      void this.commitGroup(this.queue.splice(0, MAX_GROUP)).finally(() => {
        this.running = false;
        this.schedule();
      });
    });
  }

  private async commitGroup(group: readonly Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    // Work that never ran because SQLite itself ended the transaction goes back to the queue's front.
    let unrun: readonly Job[] = [];
    try {
      await this.kysely.transaction().execute((tx) =>
        // The transaction holds the connection: its prepared queries run on it directly (db/statements.ts).
        runningDirectly(tx, this.statements, async () => {
          const statements = this.statements;
          for (const [index, job] of group.entries()) {
            statements.run('savepoint grouped', []);
            try {
              const value = await job.work(tx);
              statements.run('release grouped', []);
              outcomes.push({ ok: true, value });
            } catch (error) {
              // SQLITE_FULL, SQLITE_IOERR and SQLITE_NOMEM can roll the whole transaction back: the
              // work before this one is gone too, and the group ends with this error.
              if (!statements.sqlite.inTransaction) {
                unrun = group.slice(index + 1);
                throw error;
              }
              statements.run('rollback to grouped', []);
              statements.run('release grouped', []);
              outcomes.push({ ok: false, error });
            }
          }
        }),
      );
    } catch (error) {
      // Nothing of the group is stored: every job that ran hears the error (the commit's, or the one
      // that ended the transaction), whatever its own outcome was.
      const ran = group.length - unrun.length;
      for (const job of group.slice(0, ran)) job.reject(error);
      this.queue.unshift(...unrun);
      return;
    }
    this.stats.groups++;
    this.stats.transactions += group.length;
    this.stats.largest = Math.max(this.stats.largest, group.length);
    for (const [index, job] of group.entries()) {
      const outcome = outcomes[index];
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }
  }
}

const groups = new WeakMap<Kysely<Database>, GroupCommit>();

/** Makes write transactions on this SQLite connection commit in groups (db/connect.ts). */
export function groupCommits(kysely: Kysely<Database>, statements: StatementCache): GroupCommit {
  const group = new GroupCommit(kysely, statements);
  groups.set(kysely, group);
  return group;
}

/**
 * Runs a write transaction: grouped with the others waiting on SQLite, on its own on PostgreSQL.
 * The work must only use the transaction it is given – no other connection, and nothing outside the
 * database to wait for, since the whole group waits with it. It runs once.
 */
export async function writeTransaction<T>(db: Kysely<Database>, work: TransactionWork<T>): Promise<T> {
  const group = groups.get(db);
  return group ? group.run(work) : db.transaction().execute(work);
}
