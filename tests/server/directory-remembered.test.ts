// The unit directory and the plan's effective assignment, remembered on SQLite (repositories/units.ts
// listUnits, effective-assignments.ts): whatever changes a unit or an override – on this connection
// or another one (npm run admin in another process, psql) – the next read gives what a read from
// scratch gives. Checked over the real plan, change after change, on each database.
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Catalogue } from '../../src/core/catalogue-types';
import { assignmentsOf } from '../../src/server/assignments';
import type { Db } from '../../src/server/db/connect';
import type { Database } from '../../src/server/db/schema';
import { effectiveAssignments } from '../../src/server/effective-assignments';
import { clearOverride, listOverrides, setOverride } from '../../src/server/repositories/assignment-overrides';
import { importUnitsCsv, listUnits, syncCatalogueUnits } from '../../src/server/repositories/units';
import { raceKinds, twoConnections } from './support/two-connections';

const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '../../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const communesCsv = fs.readFileSync(path.join(__dirname, '../../seeds/sample-communes.csv'), 'utf8');
const now = '2026-04-01T00:00:00.000Z';
const firstCommune = communesCsv.split('\n').filter((l) => /^[a-z]/.test(l))[1].split(',')[0];
const planned = assignmentsOf(catalogue, [...catalogue.units, { id: firstCommune, name: 'Xã', level: 'commune', classes: ['cap-xa'] }]);
/** An indicator the commune does not report, and a task with its first lead unit: overrides that change something. */
const newForCommune = catalogue.indicators.find((i) => !(planned.indicatorUnits.get(i.id) ?? []).includes(firstCommune))!.id;
const [ledTask, leadUnit] = [...planned.taskUnits].map(([task, leads]) => [task, leads[0]] as const).find(([, lead]) => lead !== undefined)!;

/** What a read from scratch gives: the same repositories inside a transaction, where nothing is remembered. */
async function fromScratch(db: Kysely<Database>) {
  return db.transaction().execute(async (tx) => {
    const units = await listUnits(tx);
    return { units, assignments: assignmentsOf(catalogue, units, await listOverrides(tx, catalogue.planId)) };
  });
}

type Change = readonly [name: string, through: 'this' | 'other', run: (db: Kysely<Database>) => Promise<unknown>];
const ok = async (result: Promise<{ ok: boolean }>) => {
  const r = await result;
  if (!r.ok) throw new Error(`change refused: ${JSON.stringify(r)}`);
};

const CHANGES: readonly Change[] = [
  ['communes loaded from CSV', 'this', (db) => ok(importUnitsCsv(db, communesCsv, { userId: null, now }))],
  ['a commune renamed and given another class', 'other', (db) => ok(importUnitsCsv(db, `id,name,level,classes\n${firstCommune},Xã Đổi Tên,commune,cap-xa;vung-cao`, { userId: null, now }))],
  ['an indicator given to a commune', 'this', (db) => ok(setOverride(db, catalogue, { itemId: newForCommune, unitId: firstCommune, effect: 'include', reason: 'Thử' }, 'cli:test', now))],
  ['a task taken from its lead department', 'other', (db) => ok(setOverride(db, catalogue, { itemId: ledTask, unitId: leadUnit, effect: 'exclude', reason: 'Thử' }, 'cli:test', now))],
  ['a unit deactivated (psql)', 'other', (db) => sql`update units set active = 0 where id = ${firstCommune}`.execute(db)],
  ['an override cleared', 'this', (db) => ok(clearOverride(db, catalogue, { itemId: ledTask, unitId: leadUnit }, 'cli:test', now))],
  ['the unit loaded again', 'this', (db) => ok(importUnitsCsv(db, communesCsv, { userId: null, now }))],
  ['a department deactivated', 'this', (db) => sql`update units set active = 0 where id = ${catalogue.units[1].id}`.execute(db)],
];

describe.each(raceKinds)('the directory and its assignment, remembered (%s)', (kind) => {
  let dbs: { a: Db; b: Db; drop(): Promise<void> };
  beforeAll(async () => {
    dbs = await twoConnections(kind);
    await syncCatalogueUnits(dbs.a.kysely, catalogue, now);
  });
  afterAll(async () => dbs.drop());

  it('gives what a read from scratch gives after every change, through this connection or another', async () => {
    const db = dbs.a.kysely;
    let before = await fromScratch(db);
    expect(await listUnits(db)).toEqual(before.units);
    for (const [name, through, run] of CHANGES) {
      const remembered = await effectiveAssignments(db, catalogue, await listUnits(db)); // read before the change
      await run(through === 'this' ? db : dbs.b.kysely);
      // Another connection's commit counts from the next turn of the event loop (db/read-cache.ts).
      await new Promise((resolve) => setImmediate(resolve));
      const after = await fromScratch(db);
      expect({ name, units: await listUnits(db) }).toEqual({ name, units: after.units });
      expect({ name, assignments: await effectiveAssignments(db, catalogue, await listUnits(db)) }).toEqual({ name, assignments: after.assignments });
      // Each change changes what is read: the test reads the new directory, not the remembered one.
      expect({ name, changed: JSON.stringify([...after.assignments.indicatorUnits, ...after.assignments.taskUnits, after.units]) })
        .not.toEqual({ name, changed: JSON.stringify([...remembered.indicatorUnits, ...remembered.taskUnits, before.units]) });
      before = after;
    }
  });

  it(kind === 'sqlite' ? 'reads and computes once while nothing changes (the same frozen answer)' : 'reads afresh at every call (other instances write unseen)', async () => {
    const db = dbs.a.kysely;
    const units = await listUnits(db);
    const a = await effectiveAssignments(db, catalogue, units);
    const again = await listUnits(db);
    // Over another list of units (a part of the directory), the assignment over that list.
    const part = units.slice(0, 5);
    expect(await effectiveAssignments(db, catalogue, part)).toEqual(assignmentsOf(catalogue, part, await listOverrides(db, catalogue.planId)));
    if (kind === 'sqlite') {
      expect(again).toBe(units);
      expect(await effectiveAssignments(db, catalogue, again)).toBe(a);
      expect(Object.isFrozen(units) && Object.isFrozen(units[0])).toBe(true);
    } else {
      expect(again).not.toBe(units);
      expect(again).toEqual(units);
      expect(await effectiveAssignments(db, catalogue, again)).not.toBe(a);
    }
  });
});
