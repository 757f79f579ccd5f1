// Shared setup of the adapter tests: the real catalogue, a directory with the SAMPLE communes, a
// fake Excel host installed as the globals, and specs for a commune and for SKHCN.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, Unit } from '../../../src/core/catalogue-types';
import { buildTemplateSpec, type ReportKind, type TemplateSpec } from '../../../src/core/template';
import { parseUnitsCsv, type UnitDirectory } from '../../../src/core/units';
import { FakeExcelHost, type FakeExcelOptions } from '../../support/fake-excel';

const root = join(__dirname, '..', '..', '..');
export const catalogue = JSON.parse(readFileSync(join(root, 'seeds', 'nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const communes = parseUnitsCsv(readFileSync(join(root, 'seeds', 'sample-communes.csv'), 'utf8'));
if (!communes.ok) throw new Error('sample communes unreadable');
export const directory: UnitDirectory = { units: [...catalogue.units, ...communes.value], classes: catalogue.unitClasses };
export const unit = (id: string): Unit => {
  const u = directory.units.find((x) => x.id === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
};

export function spec(kind: ReportKind, unitId: string, period = '2026-Q1', assignedIds?: ReadonlySet<string>): TemplateSpec {
  const r = buildTemplateSpec(catalogue, { kind, unit: unit(unitId), period, directory, assignedIds });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.value;
}

/** A fake host with a clerk's usual first sheet, installed for the duration of one test file. */
export function useFakeExcel(options: FakeExcelOptions = {}): { host: () => FakeExcelHost } {
  let host: FakeExcelHost;
  let uninstall: () => void;
  beforeEach(() => {
    host = new FakeExcelHost(options);
    host.book.create('Sheet1');
    uninstall = host.install();
  });
  afterEach(() => uninstall());
  return { host: () => host };
}

/** The address of a row's input column, by id and column key. */
export function addressOf(s: TemplateSpec, id: string, key: keyof TemplateSpec['mapping']['columns']): string {
  const row = s.mapping.rows.find((r) => r.id === id);
  const col = s.mapping.columns[key];
  if (!row || col === undefined) throw new Error(`no cell for ${id}/${String(key)}`);
  return `${String.fromCharCode(65 + col)}${row.row + 1}`;
}
