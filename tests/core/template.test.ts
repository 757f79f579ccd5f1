// The template spec over the real catalogue: which rows a unit gets, the official title block, the
// columns per reporting form, input cells, sheet names and the mapping.
import { buildTemplateSpec, cellAddress, columnLetter, parseCellAddress, rangeAddress, reportSheetName, rowHeight, safeSheetName, wrappedLines, type SheetRow, type TemplateSpec } from '../../src/core/template';
import { reportersOf } from '../../src/core/units';
import { catalogue, directory, spec, unit } from '../office/excel/helpers';

const items = (s: TemplateSpec) => s.rows.filter((r): r is Extract<SheetRow, { kind: 'item' }> => r.kind === 'item');
const leadsTo = (unitId: string, list: readonly ({ id: string } & Parameters<typeof reportersOf>[0])[]) =>
  list.filter((x) => reportersOf(x, directory).some((u) => u.id === unitId)).map((x) => x.id);

describe('which rows a unit gets', () => {
  it.each([
    ['a commune (cap-xa)', 'phuong-vinh-hung'],
    ['SKHCN', 'so-khcn'],
    ['Sở Y tế', 'so-y-te'],
    ['Thống kê tỉnh (no class)', 'thong-ke-tinh'],
  ])('indicators of %s are those whose reporters resolve to it, in plan order', (_, unitId) => {
    // The year's report: every assigned indicator (yearly-only ones included).
    const s = spec('indicators', unitId, '2026-Y');
    const expected = leadsTo(unitId, catalogue.indicators);
    expect(items(s).map((r) => r.id)).toEqual(expected);
    expect(s.mapping.rows.map((r) => r.id)).toEqual(expected);
  });

  it('a commune gets the cap-xa indicators, e.g. ct-05 (đài truyền thanh) and not ct-01 (5G, SKHCN only)', () => {
    const ids = items(spec('indicators', 'phuong-vinh-hung')).map((r) => r.id);
    expect(ids).toContain('ct-05');
    expect(ids).not.toContain('ct-01');
  });

  it('tasks follow the lead cell, or the monitor when the lead class is empty (nv-07 is SKHCN’s; nv-19 too until a telecom firm is tagged)', () => {
    const s = spec('tasks', 'so-khcn');
    expect(items(s).map((r) => r.id)).toEqual(leadsTo('so-khcn', catalogue.tasks));
    expect(items(s).map((r) => r.id)).toContain('nv-07');
    expect(items(s).map((r) => r.id)).toContain('nv-19');
  });

  it('an administrator’s assignment overrides the lead cell; an empty one gives a table with no rows', () => {
    expect(items(spec('indicators', 'so-y-te', '2026-Y', new Set(['ct-51', 'ct-01']))).map((r) => r.id)).toEqual(['ct-01', 'ct-51']);
    const empty = spec('indicators', 'so-y-te', '2026-Q1', new Set());
    expect(empty.rows).toEqual([]);
    expect(empty.mapping.rows).toEqual([]);
  });

  it.each(['2026-Q1', '2026-H1', '2026-9M'])('leaves the yearly-only indicators (47, 48, 51) out of %s, keeps them in 2026-Y', (period) => {
    const all = new Set(catalogue.indicators.map((i) => i.id));
    const yearly = catalogue.indicators.filter((i) => i.yearlyOnly).map((i) => i.id);
    expect(yearly).toEqual(['ct-47', 'ct-48', 'ct-51']);
    const shorter = items(spec('indicators', 'so-khcn', period, all)).map((r) => r.id);
    expect(shorter).toHaveLength(51 - yearly.length);
    for (const id of yearly) expect(shorter).not.toContain(id);
    expect(items(spec('indicators', 'so-khcn', '2026-Y', all))).toHaveLength(51);
  });

  it.each(['2026-Q2', '2026-Q4'])('refuses a template for %s, a period the plan’s scheme does not ask for', (period) => {
    const r = buildTemplateSpec(catalogue, { kind: 'indicators', unit: unit('so-khcn'), period, directory });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['period.notInScheme']);
  });

  it('groups head their rows, and only groups with assigned rows appear', () => {
    const s = spec('indicators', 'so-khcn', '2026-Q1', new Set(['ct-01', 'ct-44']));
    expect(s.rows.map((r) => (r.kind === 'group' ? r.text : r.id))).toEqual(['I. Hạ tầng số', 'ct-01', 'VI. Kinh tế số và xã hội số', 'ct-44']);
    expect(s.rows.map((r) => r.row)).toEqual([9, 10, 11, 12]);
  });

  it('tasks of group IV are headed by their sub-groups', () => {
    const all = new Set(catalogue.tasks.map((t) => t.id));
    const s = spec('tasks', 'so-khcn', '2026-Q1', all);
    const headings = s.rows.filter((r) => r.kind === 'group' && r.level === 2).map((r) => (r.kind === 'group' ? r.text : ''));
    expect(headings).toEqual(catalogue.taskGroups.find((g) => g.id === 'IV')!.subgroups);
    expect(items(s)).toHaveLength(57);
  });
});

describe('title block', () => {
  const text = (s: TemplateSpec) => s.title.map((t) => t.text);
  it('has the official header: agency upper case, Quốc hiệu, Tiêu ngữ, title, period and its cut-off window', () => {
    const s = spec('indicators', 'so-khcn');
    expect(text(s)).toEqual([
      'UBND TỈNH NGHỆ AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026',
      '(Thực hiện Kế hoạch số 1174/KH-UBND ngày 31/12/2025 của UBND tỉnh Nghệ An)',
      'Kỳ báo cáo: Quý I năm 2026',
      '(Chỉ tiêu đếm số hiện có: tính đến ngày 14/03/2026; chỉ tiêu đếm số phát sinh: từ ngày 15/12/2025 đến ngày 14/03/2026)',
    ]);
    expect(s.title.find((t) => t.text === 'SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toMatchObject({ bold: true });
    expect(s.title.find((t) => t.text.startsWith('UBND TỈNH'))).toMatchObject({ bold: false });
  });

  it.each([
    ['indicators', 'so-khcn'], ['tasks', 'so-khcn'], ['indicators', 'phuong-vinh-hung'], ['indicators', 'so-noi-vu'],
  ] as const)('%s of %s: signed by “Người lập biểu” (left) and “Thủ trưởng đơn vị” (right) under the table, past every mapped row', (kind, unit) => {
    const s = spec(kind, unit);
    const at = (text: string) => s.signature.find((t) => t.text === text)!;
    const [clerk, head] = [at('Người lập biểu'), at('Thủ trưởng đơn vị')];
    expect([clerk.bold, head.bold, clerk.row]).toEqual([true, true, head.row]);
    expect(clerk.col).toBe(0);
    expect(head.col + head.span).toBe(s.columns.length);
    expect(clerk.col + clerk.span).toBeLessThanOrEqual(head.col);
    expect(at('(Ký, ghi rõ họ tên)').row).toBe(clerk.row + 1);
    expect(at('(Ký tên, đóng dấu)').row).toBe(head.row + 1);
    const lastMapped = Math.max(s.headerRow, ...s.mapping.rows.map((r) => r.row));
    expect(Math.min(...s.signature.map((t) => t.row))).toBeGreaterThan(lastMapped + 1);
    expect(text(s).some((t) => /^\(Thực hiện Kế hoạch số /.test(t))).toBe(true);
    expect(text(s).join('\n')).not.toContain('Kèm theo');
  });

  it.each([
    ['2026-H1', '6 tháng đầu năm 2026', '15/12/2025', '14/06/2026'],
    ['2026-9M', '9 tháng năm 2026', '15/12/2025', '14/09/2026'],
    ['2026-Y', 'Năm 2026', '15/12/2025', '14/12/2026'],
  ])('period %s is printed as “%s” with its window (tasks at the cut-off)', (period, label, from, to) => {
    const t = text(spec('tasks', 'so-khcn', period));
    expect(t).toContain(`Kỳ báo cáo: ${label}`);
    expect(t).toContain(`(Tình hình thực hiện tính đến ngày ${to})`);
    expect(text(spec('indicators', 'so-khcn', period))).toContain(`(Chỉ tiêu đếm số hiện có: tính đến ngày ${to}; chỉ tiêu đếm số phát sinh: từ ngày ${from} đến ngày ${to})`);
    expect(t).toContain('BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026');
  });

  it('a commune’s agency is its UBND, standing alone', () => {
    expect(text(spec('indicators', 'phuong-vinh-hung')).slice(0, 3)).toEqual(['', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'UBND PHƯỜNG VINH HƯNG']);
  });

  it('title cells span the table and do not overlap', () => {
    const s = spec('indicators', 'so-khcn');
    for (const t of s.title) expect(t.col + t.span).toBeLessThanOrEqual(s.columns.length);
  });
});

describe('columns and input cells per reporting form', () => {
  const s = spec('indicators', 'so-khcn', '2026-Y', new Set(catalogue.indicators.map((i) => i.id)));
  const row = (id: string) => items(s).find((r) => r.id === id)!;
  const inputs = (id: string) => row(id).inputs.map((c) => [c.key, c.format, c.list ?? null]);

  it('indicator columns are the plan’s, then the inputs, then Đánh giá', () => {
    expect(s.columns.map((c) => c.header)).toEqual(['TT', 'Chỉ tiêu', 'Mục tiêu', 'Đơn vị chủ trì', 'Giá trị', 'Tử số', 'Mẫu số', 'Ghi chú / Mô tả', 'Đánh giá', 'Nội dung cần kiểm tra']);
    expect(spec('tasks', 'so-khcn').columns.map((c) => c.header)).toEqual(['TT', 'Nhiệm vụ', 'Thời hạn', 'Tình trạng', 'Tiến độ (%)', 'Kết quả', 'Khó khăn, vướng mắc', 'Đề xuất', 'Ngày hoàn thành', 'Đánh giá thời hạn', 'Nội dung cần kiểm tra']);
  });

  it.each(catalogue.indicators.map((i) => [i.id, i.form.kind] as const))('%s (%s) has the inputs of its form', (id, form) => {
    const expected = {
      rate: [['value', 'percent', null], ['note', 'text', null]],
      countPair: [['numerator', 'count', null], ['denominator', 'count', null], ['note', 'text', null]],
      yesNo: [['value', 'text', ['Có', 'Không']], ['note', 'text', null]],
      status: [['value', 'text', ['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']], ['note', 'text', null]],
      applied: [['value', 'text', ['Đã ứng dụng', 'Chưa ứng dụng']], ['note', 'text', null]],
    }[form];
    expect(inputs(id)).toEqual(expected);
  });

  it('catalogue cells hold the plan’s text; a count pair’s labels follow the indicator text', () => {
    const i16 = catalogue.indicators.find((i) => i.id === 'ct-16')!;
    const cells = row('ct-16').cells;
    expect(cells.slice(0, 4)).toEqual([16, expect.stringContaining(i16.text), i16.targetText, i16.leadText]);
    if (i16.form.kind === 'countPair') expect(cells[1]).toContain(`Tử số: ${i16.form.numeratorLabel}`);
    expect(cells.slice(4)).toEqual([null, null, null, null, null, null]);
  });

  it.each(['2026-Q1', '2026-Y'])('each row words its period as its measure says (stock at the cut-off, flow over the window), %s', (period) => {
    const p = spec('indicators', 'so-khcn', period, new Set(catalogue.indicators.map((i) => i.id)));
    const end = period === '2026-Q1' ? '14/03/2026' : '14/12/2026';
    for (const r of items(p)) {
      const i = catalogue.indicators.find((x) => x.id === r.id)!;
      expect(r.cells[1]).toContain(i.measure === 'stock' ? `(Số liệu tính đến ngày ${end})` : `(Số liệu từ ngày 15/12/2025 đến ngày ${end})`);
    }
    const cell = (id: string) => String(items(p).find((r) => r.id === id)!.cells[1]);
    expect(cell('ct-05')).toContain('tính đến ngày');
    expect(cell('ct-33')).toContain('từ ngày 15/12/2025');
  });

  it('task rows offer the province’s four statuses', () => {
    const t = items(spec('tasks', 'so-khcn'))[0];
    expect(t.inputs.find((c) => c.key === 'status')?.list).toEqual(['Hoàn thành', 'Đang triển khai (đúng tiến độ)', 'Chậm tiến độ', 'Chưa triển khai']);
    expect(t.inputs.map((c) => c.key)).toEqual(['status', 'progress', 'result', 'obstacles', 'proposal', 'completedOn']);
  });

  it('print setup, frozen header and mapping', () => {
    expect(s.print).toEqual({
      paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: { first: 8, last: 8 },
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, footer: 'Trang &P/&N',
    });
    expect(s.freezeRows).toBe(s.headerRow + 1);
    expect(s.mapping).toMatchObject({ planId: 'nghe-an-1174-2026', catalogueVersion: 2, unitId: 'so-khcn', period: '2026-Y', kind: 'indicators', clientSubmissionId: null });
    expect(s.mapping.rows).toHaveLength(51);
  });
});

describe('row heights of the .xlsx file (which keeps them: LibreOffice does not fit rows on opening)', () => {
  it.each<[string, number, number]>([
    ['', 10, 1],
    ['Tỷ lệ phủ sóng 5G trên địa bàn tỉnh', 48, 1],
    ['Tỷ lệ phủ sóng 5G trên địa bàn tỉnh', 20, 2],
    ['một\nhai', 48, 2],
    ['x'.repeat(25), 10, 3], // a word longer than the line breaks inside it
  ])('%j in %i characters takes %i lines', (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });

  it('fits the tallest wrapped cell of a row, and no row is shorter than one line', () => {
    const s = spec('indicators', 'so-khcn');
    const byId = (id: string) => items(s).find((r) => r.id === id)!;
    const oneLine = rowHeight(s, 'header');
    const line = s.font.size * 1.3;
    expect(oneLine).toBeGreaterThanOrEqual(line);
    expect(rowHeight(s, byId('ct-01'))).toBe(Math.ceil(2 * line + 4)); // "Sở Khoa học và Công nghệ" wraps in its 20-wide column
    expect(rowHeight(s, byId('ct-09'))).toBeGreaterThanOrEqual(5 * line); // ct-09's text takes five lines or more
    expect(rowHeight(s, s.rows[0])).toBe(oneLine); // a group heading
  });
});

describe('sheet names and addresses', () => {
  it.each([
    ['indicators', '2026-Q1', 'PL01 2026-Q1'],
    ['tasks', '2026-9M', 'PL02 2026-9M'],
  ] as const)('%s %s → %s', (kind, period, name) => expect(reportSheetName(kind, period)).toBe(name));

  it.each([
    ['PL01 2026/Q1', 'PL01 2026Q1'],
    ['a[b]c:d*e?f\\g', 'abcdefg'],
    ["'quoted'", 'quoted'],
    ['x'.repeat(40), 'x'.repeat(31)],
    ['???', 'Báo cáo'],
  ])('safeSheetName(%p) === %p', (input, out) => expect(safeSheetName(input)).toBe(out));

  it('addresses', () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701), columnLetter(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(cellAddress(9, 27)).toBe('AB10');
    expect(rangeAddress(0, 0, 2, 3)).toBe('A1:C2');
    expect(rangeAddress(4, 4, 1, 1)).toBe('E5');
    expect(parseCellAddress("'PL01 2026-Q1'!$F$12")).toEqual({ row: 11, col: 5 });
    expect(parseCellAddress('12F')).toBeNull();
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });
});

describe('failures are values', () => {
  it.each([['2026-Q5', 'period.unknown'], ['2025-Q1', 'period.wrongPlanYear']])('period %s → %s', (period, code) => {
    const r = buildTemplateSpec(catalogue, { kind: 'indicators', unit: unit('so-khcn'), period, directory });
    expect(r.ok ? null : r.issues[0].code).toBe(code);
  });
});
