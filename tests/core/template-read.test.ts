// Reading a sheet back: the number-format rule, the row → id map, the mapping table, and the pure
// "Kiểm tra" (evaluations, remarks, issues errors before warnings).
import {
  cellToRaw, checkSheetCells, excelSerialToIso, isPercentFormat, parseMapping, readSheetRows, serializeMapping,
  type Cell, type TemplateMapping,
} from '../../src/core/template';
import { parseIndicatorValue } from '../../src/core/values';
import { catalogue, spec } from '../office/excel/helpers';

describe('isPercentFormat', () => {
  it.each([
    ['0.0%', true], ['0%', true], ['0.00%', true], ['#,##0.0%;[Red]-0.0%', true],
    ['0.0"%"', false], ['0\\%', false], ['General', false], ['@', false], ['#,##0', false], ['', false], [null, false],
  ])('%p → %p', (format, expected) => expect(isPercentFormat(format)).toBe(expected));
});

describe('cellToRaw: the number-format rule', () => {
  it.each<[string, Cell, string, string | number | null]>([
    ['a percent cell’s fraction is the percentage the clerk saw', 0.7, '0.0%', '70%'],
    ['… exactly, without 0.705 × 100 noise', 0.705, '0.0%', '70,5%'],
    ['… a tiny percentage stays a percentage', 0.005, '0%', '0,5%'],
    ['a plain cell’s number is the number', 70.5, 'General', 70.5],
    ['a count stays a count', 1234, '#,##0', 1234],
    ['a string goes to the core parser as typed', '70,5%', 'General', '70,5%'],
    ['blank', '', '0.0%', null],
    ['spaces only', '  ', '@', null],
    ['TRUE typed in a yes/no cell', true, 'General', 'Có'],
  ])('%s: %p in %p', (_, value, format, expected) => expect(cellToRaw(value, format)).toBe(expected));

  it('a serial day is a date', () => {
    expect(excelSerialToIso(46095)).toBe('2026-03-14');
    expect(excelSerialToIso(45641)).toBe('2024-12-15');
  });
});

describe('readSheetRows', () => {
  const grid = (rows: number, cols: number, fill: Cell = '') => Array.from({ length: rows }, () => Array<Cell>(cols).fill(fill));

  it('reads indicator inputs by the mapping, with their formats', () => {
    const s = spec('indicators', 'so-khcn', '2026-Q1', new Set(['ct-01', 'ct-16']));
    const [r1, r16] = s.mapping.rows;
    const c = s.mapping.columns;
    const values = grid(20, 10);
    const formats = grid(20, 10, 'General') as string[][];
    values[r1.row][c.value!] = 0.705; formats[r1.row][c.value!] = '0.0%';
    values[r1.row][c.note!] = '  ghi chú ';
    values[r16.row][c.numerator!] = 45; values[r16.row][c.denominator!] = '1.200';
    const rows = readSheetRows(s.mapping, values, formats);
    expect(rows).toEqual({
      kind: 'indicators',
      rows: [
        { id: 'ct-01', value: '70,5%', numerator: null, denominator: null, note: '  ghi chú ' },
        { id: 'ct-16', value: null, numerator: 45, denominator: '1.200', note: null },
      ],
    });
  });

  it('reads task inputs: status as text, progress per format, a serial or typed date as ISO', () => {
    const s = spec('tasks', 'so-khcn', '2026-Q1', new Set(['nv-07', 'nv-01']));
    const [a, b] = s.mapping.rows;
    const c = s.mapping.columns;
    const values = grid(15, 11);
    const formats = grid(15, 11, 'General') as string[][];
    values[a.row][c.status!] = 'Hoàn thành'; values[a.row][c.progress!] = 1; formats[a.row][c.progress!] = '0.0%';
    values[a.row][c.completedOn!] = 46095; formats[a.row][c.completedOn!] = 'dd/mm/yyyy';
    values[b.row][c.progress!] = 150; values[b.row][c.completedOn!] = '5/3/2026';
    const rows = readSheetRows(s.mapping, values, formats);
    expect(rows.rows).toEqual([
      { id: a.id, status: 'Hoàn thành', progress: '100%', result: null, obstacles: null, proposal: null, completedOn: '2026-03-14' },
      { id: b.id, status: '', progress: '150', result: null, obstacles: null, proposal: null, completedOn: '2026-03-05' },
    ]);
  });

  it('cells beyond the read block are blank', () => {
    const s = spec('indicators', 'so-khcn', '2026-Q1', new Set(['ct-01']));
    expect(readSheetRows(s.mapping, [], []).rows).toEqual([{ id: 'ct-01', value: null, numerator: null, denominator: null, note: null }]);
  });
});

describe('the mapping table', () => {
  const m = spec('indicators', 'phuong-vinh-hung').mapping;
  it('round-trips, also when Excel gives the numbers back as text', () => {
    const table = serializeMapping(m);
    expect(parseMapping(table)).toEqual(m);
    expect(parseMapping(table.map((line) => line.map(String)))).toEqual(m);
    expect(parseMapping(table.map((l, i) => (i === 7 ? ['clientSubmissionId', 'abc'] : l)))?.clientSubmissionId).toBe('abc');
  });

  it.each<[string, (t: (string | number)[][]) => unknown[][]]>([
    ['an empty sheet', () => []],
    ['another kind', (t) => t.map((l) => (l[0] === 'kind' ? ['kind', 'other'] : l))],
    ['damaged columns JSON', (t) => t.map((l) => (l[0] === 'columns' ? ['columns', '{'] : l))],
    ['a missing row line', (t) => t.slice(0, -1)],
    ['keys out of place', (t) => [t[1], t[0], ...t.slice(2)]],
  ])('%s is not a mapping', (_, damage) => expect(parseMapping(damage(serializeMapping(m)))).toBeNull());
});

describe('checkSheetCells', () => {
  const s = spec('indicators', 'so-khcn', '2026-Q1', new Set(['ct-01', 'ct-02', 'ct-16', 'ct-11']));
  const c = s.mapping.columns;
  const at = (id: string) => s.mapping.rows.find((r) => r.id === id)!.row;
  const values = Array.from({ length: 20 }, () => Array<Cell>(10).fill(''));
  const formats = Array.from({ length: 20 }, () => Array<string>(10).fill('General'));
  values[at('ct-01')][c.value!] = 0.5; // plain cell, ≤ 1: read as 50 % with a warning
  values[at('ct-02')][c.value!] = 'abc';
  values[at('ct-16')][c.numerator!] = 5; values[at('ct-16')][c.denominator!] = 4;
  const out = checkSheetCells(catalogue, s.mapping as TemplateMapping, values, formats);

  it('orders issues errors first, then warnings, in sheet order, each with its cell', () => {
    expect(out.issues.map((i) => [i.severity, i.rowId, i.address])).toEqual([
      ['error', 'ct-02', `E${at('ct-02') + 1}`],
      ['error', 'ct-16', `F${at('ct-16') + 1}`],
      ['warning', 'ct-01', `E${at('ct-01') + 1}`],
      // an assigned row still empty: a warning on its input cell, counted ("1/4 dòng được giao còn trống")
      ['warning', 'ct-11', `E${at('ct-11') + 1}`],
    ]);
    expect([out.errorCount, out.warningCount]).toEqual([2, 2]);
    expect(out.issues.at(-1)?.message).toMatch(/chỉ tiêu 11.*chưa nhập số liệu \(1\/4 dòng được giao còn trống\)/u);
  });

  it('evaluates each row; an unreadable input is an input error, not “Chưa đạt”', () => {
    // ct-01: 50 % against ≥ 70 % in a Q1 report is progress towards the year's target, not "Chưa đạt"
    expect(out.evaluations.map((e) => e.text)).toEqual(['Đạt 71,43% mục tiêu năm', 'Lỗi nhập liệu', 'Chưa có số liệu', 'Lỗi nhập liệu']);
    expect(out.remarks.find((r) => r.row === at('ct-02'))?.text).toMatch(/^Lỗi: Giá trị “abc” không phải là số hợp lệ/);
    expect(out.remarks.find((r) => r.row === at('ct-11'))?.text).toMatch(/^Lưu ý: .*chưa nhập số liệu/u);
  });

  it('agrees with the core parser on every value it hands over', () => {
    const ct01 = catalogue.indicators.find((i) => i.id === 'ct-01')!;
    const raw = out.rows.kind === 'indicators' ? out.rows.rows[0] : null;
    const parsed = parseIndicatorValue(ct01.form, raw!);
    expect(parsed.ok && parsed.value).toEqual({ kind: 'rate', percent: 50 });
  });

  it('task rows get a deadline evaluation at the end of the cut-off window', () => {
    const t = spec('tasks', 'so-khcn', '2026-H1', new Set(['nv-01', 'nv-07']));
    const v = Array.from({ length: 20 }, () => Array<Cell>(11).fill(''));
    const f = Array.from({ length: 20 }, () => Array<string>(11).fill('General'));
    const row = (id: string) => t.mapping.rows.find((r) => r.id === id)!.row;
    v[row('nv-01')][t.mapping.columns.status!] = 'Chậm tiến độ'; // deadline Quý I/2026, period ends 14/06
    const o = checkSheetCells(catalogue, t.mapping, v, f);
    expect(o.evaluations.map((e) => e.text)).toEqual(['Quá hạn', 'Chưa báo cáo']);
  });
});
