// The rows of an indicator report in the compact form the consolidation reads (src/server/report-rows.ts):
// [ids, value JSON texts, notes], column by column. Parsing arrays of strings is a third of the cost
// of parsing the rows' objects (issue 12: 3,400 reports per period nationally). Written with each
// new revision; computed here for the revisions already stored. Task reports have none (null), and a
// revision without it is read from its rows.
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
  await db.schema.alterTable('revisions').addColumn('cells', 'text').execute();
  for (;;) {
    const batch = await db
      .selectFrom('revisions as r')
      .innerJoin('submissions as s', 's.id', 'r.submission_id')
      .select(['r.id', 'r.rows'])
      .where('s.kind', '=', 'indicators')
      .where('r.cells', 'is', null)
      .limit(BATCH)
      .execute() as { id: string; rows: string }[];
    if (batch.length === 0) break;
    for (const r of batch) await db.updateTable('revisions').set({ cells: cellsOf(r.rows) }).where('id', '=', r.id).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('revisions').dropColumn('cells').execute();
}
