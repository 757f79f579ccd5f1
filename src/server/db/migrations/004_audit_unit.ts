// The audit trail filtered by unit, user and action (the administrator's audit page, docs/api.md):
// each record names the unit it concerns – the submission's unit, the unit of a role grant or of an
// assignment override; none for a user's own changes or a whole CSV import – and the filters have
// indexes. Existing records get their unit from what they already hold.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time: they must not follow later changes of Database
type AnyDb = Kysely<any>;

/** The unit an old record concerns, read from its entity id (assignments) or its before/after (role grants). */
function unitOf(row: { entity: string; entity_id: string | null; before: string | null; after: string | null }): string | null {
  if (row.entity === 'assignment' && row.entity_id) return row.entity_id.split('/').at(-1) ?? null;
  if (row.entity === 'user') {
    for (const text of [row.after, row.before]) {
      try {
        const unitId = text ? (JSON.parse(text) as { unitId?: unknown }).unitId : null;
        if (typeof unitId === 'string') return unitId;
      } catch {
        // not JSON: no unit
      }
    }
  }
  return null;
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('audit').addColumn('unit_id', 'text').execute();
  await sql`update audit set unit_id = (select s.unit_id from submissions s where s.id = audit.entity_id) where entity = 'submission'`.execute(db);
  const rows = await db.selectFrom('audit').select(['id', 'entity', 'entity_id', 'before', 'after']).where('entity', 'in', ['assignment', 'user']).execute();
  for (const row of rows) {
    const unitId = unitOf(row);
    if (unitId) await db.updateTable('audit').set({ unit_id: unitId }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('audit_unit').on('audit').columns(['unit_id', 'id']).execute();
  await db.schema.createIndex('audit_user').on('audit').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('audit_action').on('audit').columns(['action', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of ['audit_unit', 'audit_user', 'audit_action']) await db.schema.dropIndex(index).execute();
  await db.schema.alterTable('audit').dropColumn('unit_id').execute();
}
