// The unit directory in the database: the agencies named in the plan catalogue (source 'plan') and
// the communes and wards the administrator loads from CSV (source 'csv', parsed by core's
// parseUnitsCsv). Units are never deleted – submissions point at them – only marked inactive.
import type { Kysely } from 'kysely';
import type { Catalogue, Unit } from '../../core/catalogue-types';
import { parseUnitsCsv } from '../../core/units';
import type { Issue } from '../../core/result';
import { preparedQuery } from '../db/prepared';
import { rememberedRead } from '../db/read-cache';
import type { Database } from '../db/schema';
import { recordAudit } from './audit';

type Source = 'plan' | 'csv';

function toRow(unit: Unit, source: Source, now: string) {
  return {
    id: unit.id,
    name: unit.name,
    level: unit.level ?? (source === 'csv' ? 'commune' : 'province'),
    classes: JSON.stringify(unit.classes),
    source,
    active: 1,
    updated_at: now,
  };
}

async function upsert(db: Kysely<Database>, units: readonly Unit[], source: Source, now: string): Promise<void> {
  for (const unit of units) {
    const row = toRow(unit, source, now);
    await db
      .insertInto('units')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ name: row.name, level: row.level, classes: row.classes, source: row.source, active: 1, updated_at: now }),
      )
      .execute();
  }
}

/** Adds or refreshes the plan's own units (run at every start; idempotent). */
export async function syncCatalogueUnits(db: Kysely<Database>, catalogue: Catalogue, now: string): Promise<void> {
  await db.transaction().execute((tx) => upsert(tx, catalogue.units, 'plan', now));
}

type UnitRow = { id: string; name: string; classes: string; level: string };
const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, classes: JSON.parse(r.classes) as string[], level: r.level === 'commune' ? 'commune' : 'province' });

/**
 * Every active unit, as the core's Unit, in id order. Remembered on SQLite until the units change
 * (db/read-cache.ts), frozen: every plan, template, monitor's read and consolidation asks for the
 * whole directory, and at the national scale (3,400 units) reading it took 10–35 ms of the event
 * loop each time (docs/performance.md, "The consolidation at the national scale").
 */
export async function listUnits(db: Kysely<Database>): Promise<readonly Unit[]> {
  return rememberedRead(db, 'units:active', async () => {
    const rows = await db.selectFrom('units').selectAll().where('active', '=', 1).orderBy('id').execute();
    return rows.map(toUnit);
  });
}

/** One active unit, or undefined. */
// Read by every submission (prepared once: db/prepared.ts).
const activeUnit = preparedQuery<{ id: string }, UnitRow>((db, param) =>
  db.selectFrom('units').selectAll().where('id', '=', param('id')).where('active', '=', 1));

export async function getUnit(db: Kysely<Database>, id: string): Promise<Unit | undefined> {
  const row = await activeUnit.executeTakeFirst(db, { id });
  return row ? toUnit(row) : undefined;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly added: number;
      readonly updated: number;
      readonly unchanged: number;
      readonly dryRun: boolean;
      /** The units of the file that are (or, in a dry run, would be) added or updated. */
      readonly changes: readonly { readonly id: string; readonly name: string; readonly change: 'add' | 'update' }[];
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Loads communes and wards from the administrator's CSV. Nothing is written when any line is bad;
 * dryRun reports what would change without writing (docs/domain.md §5).
 */
export async function importUnitsCsv(
  db: Kysely<Database>,
  csv: string,
  opts: { readonly userId: string | null; readonly now: string; readonly dryRun?: boolean },
): Promise<ImportResult> {
  const parsed = parseUnitsCsv(csv);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  return db.transaction().execute(async (tx) => {
    const existing = new Map((await tx.selectFrom('units').selectAll().execute()).map((r) => [r.id, r]));
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: Unit[] = [];
    const changes: { id: string; name: string; change: 'add' | 'update' }[] = [];
    for (const unit of parsed.value) {
      const before = existing.get(unit.id);
      const row = toRow(unit, 'csv', opts.now);
      if (!before) added++;
      else if (before.name === row.name && before.level === row.level && before.classes === row.classes && before.active === 1) {
        unchanged++;
        continue;
      } else updated++;
      changed.push(unit);
      changes.push({ id: unit.id, name: unit.name, change: before ? 'update' : 'add' });
    }
    if (!opts.dryRun && changed.length > 0) {
      await upsert(tx, changed, 'csv', opts.now);
      await recordAudit(tx, {
        at: opts.now,
        userId: opts.userId,
        action: 'units.import',
        entity: 'unit',
        entityId: null,
        before: changed.map((u) => existing.get(u.id)).filter((r) => r !== undefined),
        after: changed,
      });
    }
    return { ok: true, added, updated, unchanged, dryRun: opts.dryRun ?? false, changes };
  });
}
