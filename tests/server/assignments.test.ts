// The effective assignment over the real plan (Kế hoạch 1174/KH-UBND): the catalogue's reading of
// a lead cell, corrected by item-level overrides. Pure: the overrides are data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, Unit } from '../../src/core/catalogue-types';
import { assignedIds, assignmentsOf, assignmentSources, type AssignmentOverride } from '../../src/server/assignments';

const plan = JSON.parse(readFileSync(join(__dirname, '../../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
// Two of indicator 10's sectors are not in the catalogue's directory; the administrator adds them untagged.
const units: Unit[] = [
  ...plan.units,
  { id: 'so-xay-dung', name: 'Sở Xây dựng', classes: [], level: 'province' },
  { id: 'bql-kkt-dong-nam', name: 'Ban Quản lý Khu Kinh tế Đông Nam', classes: [], level: 'province' },
  { id: 'phuong-vinh-hung', name: 'Phường Vinh Hưng', classes: ['cap-xa'], level: 'commune' },
];
const NINE = ['bql-kkt-dong-nam', 'cong-an-tinh', 'so-cong-thuong', 'so-gddt', 'so-khcn', 'so-nnmt', 'so-vhttdl', 'so-xay-dung', 'so-y-te'];
const override = (itemId: string, unitId: string, effect: AssignmentOverride['effect']): AssignmentOverride => ({ itemId, unitId, effect });

describe('assignmentsOf with overrides', () => {
  it('reads indicator 10 ("Các sở, ban, ngành") as every department until corrected', () => {
    const ct10 = assignmentsOf(plan, units).indicatorUnits.get('ct-10');
    expect(ct10).toEqual(expect.arrayContaining(['so-noi-vu', 'so-tai-chinh', 'vp-ubnd-tinh']));
    expect(ct10).not.toContain('so-xay-dung');
  });

  it('restricts indicator 10 to the nine sectors it names, by excludes and includes', () => {
    const overrides = [
      ...['so-noi-vu', 'so-tai-chinh', 'so-tu-phap', 'vp-ubnd-tinh', 'bo-chqs-tinh'].map((u) => override('ct-10', u, 'exclude')),
      override('ct-10', 'so-xay-dung', 'include'),
      override('ct-10', 'bql-kkt-dong-nam', 'include'),
    ];
    const a = assignmentsOf(plan, units, overrides);
    expect([...(a.indicatorUnits.get('ct-10') ?? [])].sort()).toEqual(NINE);
    // Only ct-10 changes: Sở Nội vụ still reports the other "Các sở, ban, ngành" indicators.
    expect(a.indicatorUnits.get('ct-16')).toEqual(assignmentsOf(plan, units).indicatorUnits.get('ct-16'));
    expect(assignedIds(a, 'indicators', 'so-noi-vu').has('ct-10')).toBe(false);
    expect(assignedIds(a, 'indicators', 'so-xay-dung')).toEqual(new Set(['ct-10']));
  });

  it('gives "Chủ quản các nền tảng số" (no members) a reporter only when included', () => {
    expect(assignmentsOf(plan, units).indicatorUnits.get('ct-38')).toEqual([]);
    const a = assignmentsOf(plan, units, [override('ct-38', 'cong-ttdt-tinh', 'include')]);
    expect(a.indicatorUnits.get('ct-38')).toEqual(['cong-ttdt-tinh']);
  });

  it('applies task overrides to the lead units, never to the monitoring agencies', () => {
    const before = assignmentsOf(plan, units);
    const a = assignmentsOf(plan, units, [override('nv-01', 'phuong-vinh-hung', 'exclude'), override('nv-01', 'so-noi-vu', 'exclude')]);
    expect(before.taskUnits.get('nv-01')).toContain('phuong-vinh-hung');
    expect(a.taskUnits.get('nv-01')).not.toContain('phuong-vinh-hung');
    expect(a.taskMonitors.get('nv-01')).toEqual(before.taskMonitors.get('nv-01'));
  });

  it('ignores an override naming a unit outside the directory (inactive)', () => {
    const a = assignmentsOf(plan, units, [override('ct-10', 'so-da-giai-the', 'include')]);
    expect(a.indicatorUnits.get('ct-10')).toEqual(assignmentsOf(plan, units).indicatorUnits.get('ct-10'));
  });

  it('says where each unit of an item comes from', () => {
    const overrides = [override('ct-10', 'so-noi-vu', 'exclude'), override('ct-10', 'so-xay-dung', 'include'), override('ct-10', 'so-khcn', 'include')];
    const sources = Object.fromEntries(assignmentSources(plan, units, overrides, 'ct-10').map((s) => [s.unitId, s]));
    expect(sources['so-noi-vu']).toEqual({ unitId: 'so-noi-vu', plan: true, override: 'exclude', assigned: false });
    expect(sources['so-xay-dung']).toEqual({ unitId: 'so-xay-dung', plan: false, override: 'include', assigned: true });
    expect(sources['so-khcn']).toEqual({ unitId: 'so-khcn', plan: true, override: 'include', assigned: true });
    expect(sources['so-y-te']).toEqual({ unitId: 'so-y-te', plan: true, override: null, assigned: true });
    expect(sources['bql-kkt-dong-nam']).toBeUndefined();
  });
});
