// The effective assignment over the real plan (Kế hoạch 1174/KH-UBND): the catalogue's reading of
// a lead cell, corrected by item-level overrides. Pure: the overrides are data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, Unit } from '../../src/core/catalogue-types';
import { assignedIds, assignmentsOf, assignmentSources, itemsWithoutReporter, type AssignmentOverride } from '../../src/server/assignments';

const plan = JSON.parse(readFileSync(join(__dirname, '../../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const units: Unit[] = [...plan.units, { id: 'phuong-vinh-hung', name: 'Phường Vinh Hưng', classes: ['cap-xa'], level: 'commune' }];
const NINE = ['bql-kkt-dong-nam', 'cong-an-tinh', 'so-cong-thuong', 'so-gddt', 'so-khcn', 'so-nnmt', 'so-vhttdl', 'so-xay-dung', 'so-y-te'];
const override = (itemId: string, unitId: string, effect: AssignmentOverride['effect']): AssignmentOverride => ({ itemId, unitId, effect });

describe('assignmentsOf with overrides', () => {
  it('gives indicator 10 to the nine sectors its text names (not to every department), both named by the plan and in the directory', () => {
    const a = assignmentsOf(plan, units);
    expect([...(a.indicatorUnits.get('ct-10') ?? [])].sort()).toEqual(NINE);
    expect(assignedIds(a, 'indicators', 'so-noi-vu').has('ct-10')).toBe(false);
    expect(assignedIds(a, 'indicators', 'so-xay-dung').has('ct-10')).toBe(true);
    expect(plan.units.find((u) => u.id === 'bql-kkt-dong-nam')?.name).toBe('Ban Quản lý Khu kinh tế Đông Nam Nghệ An');
  });

  it('gives every indicator and task at least one reporter once the communes are loaded', () => {
    expect(itemsWithoutReporter(plan, assignmentsOf(plan, units))).toEqual([]);
  });

  it('on a fresh install (no commune loaded yet) leaves only the indicators that only communes report without a reporter', () => {
    const communesOnly = plan.indicators
      .filter((x) => x.reporters.every((r) => r.kind === 'class' && r.classId === 'cap-xa'))
      .map((x) => x.id);
    expect(communesOnly).toEqual(expect.arrayContaining(['ct-05', 'ct-18']));
    const fresh = assignmentsOf(plan, plan.units);
    expect(itemsWithoutReporter(plan, fresh).map((x) => x.itemId)).toEqual(communesOnly);
    // A task of the communes only is followed by its monitoring agency until they are loaded.
    expect(fresh.taskUnits.get('nv-45')).toEqual(['so-khcn']);
    expect(assignmentsOf(plan, units).taskUnits.get('nv-45')).toEqual(['phuong-vinh-hung']);
  });

  it('lists the items an override leaves without anyone, as a clerk reads them', () => {
    const a = assignmentsOf(plan, units, [override('ct-01', 'so-khcn', 'exclude'), override('nv-07', 'so-khcn', 'exclude')]);
    expect(itemsWithoutReporter(plan, a)).toEqual([{ itemId: 'ct-01', label: 'Chỉ tiêu 1' }, { itemId: 'nv-07', label: 'Nhiệm vụ 7' }]);
  });

  it('lets a fallback stand in only while nobody else reports: "Chủ quản các nền tảng số" (no members yet) → SKHCN', () => {
    expect(assignmentsOf(plan, units).indicatorUnits.get('ct-38')).toEqual(['so-khcn']);
    const a = assignmentsOf(plan, units, [override('ct-38', 'cong-ttdt-tinh', 'include')]);
    expect(a.indicatorUnits.get('ct-38')).toEqual(['cong-ttdt-tinh']);
    const tagged = assignmentsOf(plan, units.map((u) => (u.id === 'vp-ubnd-tinh' ? { ...u, classes: [...u.classes, 'chu-quan-httt'] } : u)));
    expect(tagged.indicatorUnits.get('ct-41')).toEqual(['vp-ubnd-tinh']);
  });

  it.each([
    ['nv-19', 'doanh-nghiep-vien-thong', 'so-khcn'],
    ['nv-43', 'co-so-giao-duc', 'so-gddt'],
    ['nv-58', 'chu-quan-httt', 'cong-an-tinh'],
  ])('task %s (lead class %s, no members yet) is reported by its monitoring agency %s', (taskId, _cls, monitor) => {
    expect(assignmentsOf(plan, units).taskUnits.get(taskId)).toEqual([monitor]);
  });

  it('reads single-source indicators from the named unit only: 19 (Sở GD&ĐT), 22/28/29/32 (VP UBND tỉnh), 46 (NHNN KV8)', () => {
    const a = assignmentsOf(plan, units);
    expect(a.indicatorUnits.get('ct-19')).toEqual(['so-gddt']);
    for (const id of ['ct-22', 'ct-28', 'ct-29', 'ct-32']) expect(a.indicatorUnits.get(id)).toEqual(['vp-ubnd-tinh']);
    expect(a.indicatorUnits.get('ct-46')).toEqual(['ngan-hang-nn-kv8']);
    expect(assignedIds(a, 'indicators', 'phuong-vinh-hung').has('ct-46')).toBe(false);
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
    const overrides = [override('ct-10', 'so-y-te', 'exclude'), override('ct-10', 'so-noi-vu', 'include'), override('ct-10', 'so-khcn', 'include')];
    const sources = Object.fromEntries(assignmentSources(plan, units, overrides, 'ct-10').map((s) => [s.unitId, s]));
    expect(sources['so-y-te']).toEqual({ unitId: 'so-y-te', plan: true, override: 'exclude', assigned: false });
    expect(sources['so-noi-vu']).toEqual({ unitId: 'so-noi-vu', plan: false, override: 'include', assigned: true });
    expect(sources['so-khcn']).toEqual({ unitId: 'so-khcn', plan: true, override: 'include', assigned: true });
    expect(sources['so-xay-dung']).toEqual({ unitId: 'so-xay-dung', plan: true, override: null, assigned: true });
    expect(sources['so-tai-chinh']).toBeUndefined();
  });
});
