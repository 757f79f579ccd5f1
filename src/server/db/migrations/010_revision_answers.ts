// A revision's answer is built from what the revision stores instead of being stored beside it
// (repositories/submissions.ts submissionAnswer): the stored answer repeated the evaluations, the
// hash and the lateness – a fifth of the database, and on SQLite enough to push every revision's
// row past a page into an overflow page (docs/performance.md, fifth pass). The one part stored
// nowhere else, the warnings the report was taken with, gets its own column, copied here from the
// stored answers; then the answers go. Down puts them back, built as the server built them.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time: they must not follow later changes of Database
type AnyDb = Kysely<any>;

const BATCH = 500;

/** Every revision in id order, BATCH at a time, each batch handed to `each` before the next is read. */
async function inBatches<R extends { id: string }>(read: (after: string) => Promise<R[]>, each: (rows: R[]) => Promise<void>): Promise<void> {
  for (let after = ''; ; ) {
    const rows = await read(after);
    if (rows.length === 0) return;
    await each(rows);
    after = rows[rows.length - 1].id;
  }
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('revisions').addColumn('warnings', 'text').execute();
  // Only answers that carry warnings have any to copy; the key is written only at the top level.
  await inBatches(
    (after) => db.selectFrom('revisions').select(['id', 'response']).where('id', '>', after).where('response', 'like', '%"warnings":%').orderBy('id').limit(BATCH).execute() as Promise<{ id: string; response: string }[]>,
    async (rows) => {
      for (const row of rows) {
        const warnings = (JSON.parse(row.response) as { warnings?: unknown[] }).warnings;
        if (warnings && warnings.length > 0) await db.updateTable('revisions').set({ warnings: JSON.stringify(warnings) }).where('id', '=', row.id).execute();
      }
    },
  );
  await db.schema.alterTable('revisions').dropColumn('response').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('revisions').addColumn('response', 'text', (c) => c.notNull().defaultTo(sql`''`)).execute();
  await inBatches(
    (after) => db.selectFrom('revisions').select(['id', 'submission_id', 'revision', 'content_hash', 'late', 'evaluations', 'warnings']).where('id', '>', after).orderBy('id').limit(BATCH).execute() as Promise<
      { id: string; submission_id: string; revision: number; content_hash: string; late: number; evaluations: string; warnings: string | null }[]
    >,
    async (rows) => {
      for (const r of rows) {
        // The answer as the server stored it before this migration, key for key.
        const warnings = r.warnings === null ? [] : (JSON.parse(r.warnings) as unknown[]);
        const response = {
          id: r.submission_id, revision: r.revision, status: 'submitted', contentHash: r.content_hash, late: r.late === 1,
          evaluations: JSON.parse(r.evaluations) as unknown, ...(warnings.length > 0 ? { warnings } : {}),
        };
        await db.updateTable('revisions').set({ response: JSON.stringify(response) }).where('id', '=', r.id).execute();
      }
    },
  );
  await db.schema.alterTable('revisions').dropColumn('warnings').execute();
}
