// The administrator's item-level corrections of the catalogue's assignments (docs/domain.md §3: "an
// administrator can override an assignment"). One row per plan, item and unit: a unit is either
// included or excluded for an item, never both.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time: they must not follow later changes of Database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('assignment_overrides')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('effect', 'text', (c) => c.notNull().check(sql`effect in ('include', 'exclude')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignment_overrides_pk', ['plan_id', 'item_id', 'unit_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('assignment_overrides').execute();
}
