// The consolidation's reads of a period's reports (issue 12: 3,400 reports per period nationally,
// src/server/report-rows.ts):
// - revision_cells: the rows of an indicator report in compact form, [ids, value JSON texts, notes],
//   column by column – arrays of strings parse in a third of the time of the rows' objects. In a
//   table of its own: a revision's row is ~6 kB (rows, evaluations, the stored answer), so SQLite
//   reaches a column stored after those only through their overflow pages. Written with each new
//   revision; computed here for the indicator revisions already stored. A revision without one
//   (task reports, or one stored by an older server during an upgrade) is read from its rows.
// - revisions_heads: the latest revisions' state read from the index alone, for the same reason.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time: they must not follow later changes of Database
type AnyDb = Kysely<any>;

type Row = { id: string; value?: unknown; note?: string | null };

/** As report-rows.ts's cellsOfRows when this migration was written (frozen here). */
const cellsOf = (rowsText: string): string => {
  const rows = (JSON.parse(rowsText) as { rows: Row[] }).rows;
  return JSON.stringify([rows.map((r) => r.id), rows.map((r) => (r.value === null || r.value === undefined ? null : JSON.stringify(r.value))), rows.map((r) => r.note ?? null)]);
};

const BATCH = 500;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('revision_cells')
    .addColumn('revision_id', 'text', (c) => c.primaryKey().references('revisions.id'))
    .addColumn('cells', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revisions_heads').on('revisions').columns(['submission_id', 'revision', 'id', 'late', 'submitted_at']).execute();
  for (;;) {
    const batch = await db
      .selectFrom('revisions as r')
      .innerJoin('submissions as s', 's.id', 'r.submission_id')
      .leftJoin('revision_cells as c', 'c.revision_id', 'r.id')
      .select(['r.id', 'r.rows'])
      .where('s.kind', '=', 'indicators')
      .where('c.revision_id', 'is', null)
      .limit(BATCH)
      .execute() as { id: string; rows: string }[];
    if (batch.length === 0) break;
    await db.insertInto('revision_cells').values(batch.map((r) => ({ revision_id: r.id, cells: cellsOf(r.rows) }))).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('revisions_heads').execute();
  await db.schema.dropTable('revision_cells').execute();
}
