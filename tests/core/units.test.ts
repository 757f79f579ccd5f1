// The unit directory: classes resolve to members, the administrator's CSV of communes and wards.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Unit, UnitRef } from '../../src/core/catalogue-types';
import { mergeUnits, parseUnitsCsv, resolveUnits, slugify, unknownRefs, type UnitDirectory } from '../../src/core/units';
import { imported } from '../import/plan';

const SAMPLE = readFileSync(join(__dirname, '..', '..', 'seeds', 'sample-communes.csv'), 'utf8');
const { catalogue } = imported();

function sampleCommunes(): Unit[] {
  const r = parseUnitsCsv(SAMPLE);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}
const directory: UnitDirectory = { units: mergeUnits(catalogue.units, sampleCommunes()), classes: catalogue.unitClasses };
const ids = (refs: readonly UnitRef[]): string[] => resolveUnits(refs, directory).map((u) => u.id);

describe('slugify', () => {
  it.each([
    ['Phường Vinh Hưng', 'phuong-vinh-hung'],
    ['Xã Đô Lương', 'xa-do-luong'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'so-van-hoa-the-thao-va-du-lich'],
    ['1174/KH-UBND', '1174-kh-ubnd'],
  ])('%s → %s', (name, id) => expect(slugify(name)).toBe(id));
});

describe('resolveUnits over the catalogue and the sample communes', () => {
  it('a unit ref resolves to that unit', () => {
    expect(ids([{ kind: 'unit', unitId: 'so-khcn' }])).toEqual(['so-khcn']);
  });

  it('"UBND cấp xã" resolves to every commune and ward', () => {
    expect(ids([{ kind: 'class', classId: 'cap-xa' }])).toEqual(sampleCommunes().map((u) => u.id));
  });

  it('"Các sở, ban, ngành, địa phương" is the agencies plus the communes', () => {
    const all = ids([{ kind: 'class', classId: 'so-ban-nganh-dia-phuong' }]);
    expect(all).toEqual(expect.arrayContaining(['so-khcn', 'so-noi-vu', 'vp-ubnd-tinh', 'cong-an-tinh', 'xa-dien-chau', 'phuong-vinh-hung']));
    expect(all).not.toContain('thong-ke-tinh');
    expect(all).not.toContain('so-tnmt');
  });

  it('"Các cơ quan, tổ chức trong hệ thống chính trị" includes the provincial agencies, HĐND and the communes', () => {
    const all = ids([{ kind: 'class', classId: 'htct' }]);
    expect(all).toEqual(expect.arrayContaining(['hdnd-tinh', 'so-y-te', 'bao-dai-ptth', 'xa-quynh-luu']));
  });

  it('a unit named twice, directly and through a class, appears once', () => {
    const all = ids([{ kind: 'unit', unitId: 'so-khcn' }, { kind: 'class', classId: 'so-ban-nganh' }]);
    expect(all.filter((x) => x === 'so-khcn')).toHaveLength(1);
  });

  it('a class tagged by the administrator resolves to the tagged communes only', () => {
    expect(ids([{ kind: 'class', classId: 'dia-phuong-thi-diem' }])).toEqual(['xa-dien-chau']);
  });

  it('refs that name nothing resolve to nothing and are listed by unknownRefs', () => {
    const refs: UnitRef[] = [{ kind: 'unit', unitId: 'so-khong-co' }, { kind: 'class', classId: 'khong-co' }, { kind: 'unit', unitId: 'so-y-te' }];
    expect(ids(refs)).toEqual(['so-y-te']);
    expect(unknownRefs(refs, directory)).toEqual(refs.slice(0, 2));
  });

  it('every lead and monitor ref of the catalogue names a unit or class of the catalogue', () => {
    const cat: UnitDirectory = { units: catalogue.units, classes: catalogue.unitClasses };
    for (const i of catalogue.indicators) expect(unknownRefs(i.lead, cat)).toEqual([]);
    for (const t of catalogue.tasks) expect(unknownRefs([...t.lead, ...t.monitor], cat)).toEqual([]);
  });

  it('names the units with stable ASCII ids', () => {
    expect(catalogue.units.map((u) => u.id)).toEqual(expect.arrayContaining(['so-khcn', 'cong-an-tinh', 'so-noi-vu', 'vp-ubnd-tinh', 'so-y-te', 'so-gddt', 'ngan-hang-nn-kv8', 'thong-ke-tinh', 'bao-dai-ptth']));
    for (const u of catalogue.units) expect(u.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('parseUnitsCsv', () => {
  it('reads the sample file, skipping its SAMPLE comment line', () => {
    expect(SAMPLE.split('\n')[0]).toMatch(/^# SAMPLE DATA/);
    const units = sampleCommunes();
    expect(units.length).toBeGreaterThanOrEqual(10);
    expect(units[2]).toEqual({ id: 'phuong-vinh-hung', name: 'Phường Vinh Hưng', classes: ['cap-xa'], level: 'commune' });
  });

  it.each([
    ['columns in another order, CRLF, BOM', '\ufeffname,id\r\nPhường Cửa Lò,phuong-cua-lo\r\n', [{ id: 'phuong-cua-lo', name: 'Phường Cửa Lò', classes: [] }]],
    ['quoted fields with commas and doubled quotes', 'id,name,classes\nx-a,"Xã ""A"", mới","cap-xa;dia-phuong-thi-diem"\n', [{ id: 'x-a', name: 'Xã "A", mới', classes: ['cap-xa', 'dia-phuong-thi-diem'] }]],
    ['Vietnamese level words', 'id,name,level\nx-b,Xã B,xã\nt,Tỉnh,tỉnh\n', [{ id: 'x-b', name: 'Xã B', classes: [], level: 'commune' }, { id: 't', name: 'Tỉnh', classes: [], level: 'province' }]],
    ['blank lines', 'id,name\n\nx-c,Xã C\n\n', [{ id: 'x-c', name: 'Xã C', classes: [] }]],
  ])('reads %s', (_what, text, expected) => {
    expect(parseUnitsCsv(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['no header', 'phuong-cua-lo,Phường Cửa Lò\n', 'units.csvHeader', /tiêu đề/],
    ['an empty file', '', 'units.csvHeader', /tiêu đề/],
    ['a missing id', 'id,name\n,Xã A\n', 'units.csvRow', /^Dòng 2: thiếu mã đơn vị/],
    ['an id with diacritics', 'id,name\nxã-a,Xã A\n', 'units.csvRow', /^Dòng 2: mã đơn vị "xã-a"/],
    ['a missing name', 'id,name\nx-a,\n', 'units.csvRow', /^Dòng 2: thiếu tên/],
    ['a wrong number of columns', 'id,name\nx-a,Xã A,thừa\n', 'units.csvRow', /^Dòng 2: có 3 cột/],
    ['an unknown level', 'id,name,level\nx-a,Xã A,huyện\n', 'units.csvRow', /^Dòng 2: cấp "huyện"/],
    ['a duplicate id', 'id,name\nx-a,Xã A\nx-b,Xã B\nx-a,Xã A mới\n', 'units.duplicateId', /^Dòng 4: mã đơn vị "x-a" đã có ở dòng 2/],
  ])('refuses %s', (_what, text, code, message) => {
    const r = parseUnitsCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].code).toBe(code);
      expect(r.issues[0].message).toMatch(message);
    }
  });

  it('reports every bad line, with the line number of a quoted multi-line field', () => {
    const r = parseUnitsCsv('id,name\n,A\nx-b,"Xã\nB"\nBAD,C\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message.slice(0, 7))).toEqual(['Dòng 2:', 'Dòng 5:']);
  });
});
