// The consolidation sheet spec, from consolidations built by the server's own code over the real
// catalogue (a synthetic 160-unit directory): what each block holds and that blocks never overlap.
import { buildConsolidationSheet, PRINTED_COLUMNS, provinceStateLabel, PROVINCE_HEADERS, SUMMARY_HEADERS, type ConsolidationData, type SheetBlock } from '../../src/core/consolidation-sheet';
import { formatPercent } from '../../src/core/numbers';
import { linesHeight, wrappedLines } from '../../src/core/template';
import { EVALUATION_STYLES } from '../../src/core/template/columns';
import { realCatalogue, syntheticConsolidation } from '../support/synthetic-consolidation';

const indicators = syntheticConsolidation('indicators', { missingEvery: 7 }) as Extract<ConsolidationData, { kind: 'indicators' }>;
const tasks = syntheticConsolidation('tasks', { missingEvery: 7 }) as Extract<ConsolidationData, { kind: 'tasks' }>;
const block = (blocks: readonly SheetBlock[], id: string): SheetBlock => {
  const b = blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
};

describe('the province figures a statistician reads (docs/figures.md)', () => {
  const year = syntheticConsolidation('indicators', { missingEvery: 7, period: '2026-Y' }) as Extract<ConsolidationData, { kind: 'indicators' }>;
  it('has all 51 indicators in the year’s consolidation, judged finally; Q1 shows progress towards the year’s target', () => {
    expect(year.indicators).toHaveLength(51);
    const finals = new Set(['Đạt', 'Vượt', 'Chưa đạt', 'Chưa có số liệu']);
    for (const i of year.indicators) expect(finals.has(i.evaluationLabel)).toBe(true);
    for (const i of indicators.indicators) expect(['Đạt', 'Vượt', 'Chưa đạt']).not.toContain(i.evaluationLabel);
  });

  it('marks every incomplete figure provisional with its completeness, and words its period by stock or flow', () => {
    const spec = buildConsolidationSheet(year, { groups: realCatalogue.indicatorGroups });
    const province = block(spec.blocks, 'province');
    for (const i of year.indicators) {
      const line = province.values.find((l) => l[9] === i.id)!;
      expect(line[7]).toBe(i.provisional ? `Tạm tính: ${i.reported}/${i.expected} đơn vị đã báo cáo; đơn vị chưa báo cáo không tính là "Không" hay 0` : '');
      const measure = realCatalogue.indicators.find((x) => x.id === i.id)!.measure;
      expect(line[1]).toContain(measure === 'stock' ? '(Số liệu tính đến ngày 14/12/2026)' : '(Số liệu từ ngày 15/12/2025 đến ngày 14/12/2026)');
    }
    expect(year.indicators.some((i) => i.provisional)).toBe(true);
  });

  it('shows a unit’s value where the target is the province’s as a contribution, never Đạt / Vượt', () => {
    const ct05 = year.indicators.find((i) => i.id === 'ct-05')!;
    const reported = ct05.units.filter((u) => u.display !== null);
    expect(reported.length).toBeGreaterThan(0);
    for (const u of reported) expect(u.assessment).toBe('Đóng góp vào số liệu toàn tỉnh');
    const ct07 = year.indicators.find((i) => i.id === 'ct-07')!;
    for (const u of ct07.units.filter((x) => x.display !== null)) expect(['Đạt', 'Chưa đạt']).toContain(u.assessment);
  });
});

describe('consolidation sheet of indicators', () => {
  const spec = buildConsolidationSheet(indicators, { groups: realCatalogue.indicatorGroups });

  it('is named after the appendix and the period', () => {
    expect(spec.sheetName).toBe('TH PL01 2026-Q1');
  });

  it('titles the sheet with the period’s name, the plan’s document and the cut-off window', () => {
    const titled = buildConsolidationSheet(indicators, { groups: realCatalogue.indicatorGroups, document: realCatalogue.document });
    const title = block(titled.blocks, 'title').values.map((l) => l[0]);
    expect(title[0]).toBe('TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ – QUÝ I NĂM 2026');
    expect(title[1]).toBe('Kế hoạch số 1174/KH-UBND ngày 31/12/2025 – Chuyển đổi số tỉnh Nghệ An năm 2026');
    expect(title[2]).toMatch(/^Kỳ báo cáo: Quý I năm 2026 \(số liệu từ 15\/12\/2025 đến 14\/03\/2026\)\. Số liệu tổng hợp lúc /);
    // Without the catalogue's document, the plan id still says which plan it is.
    expect(block(spec.blocks, 'title').values[1][0]).toBe(`Kế hoạch: ${indicators.planId}`);
    const h1 = buildConsolidationSheet({ ...tasks, period: '2026-H1' });
    expect(block(h1.blocks, 'title').values.map((l) => l[0])).toEqual([
      'TỔNG HỢP TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ – 6 THÁNG ĐẦU NĂM 2026', `Kế hoạch: ${tasks.planId}`,
      expect.stringMatching(/^Kỳ báo cáo: 6 tháng đầu năm 2026 \(số liệu từ 15\/12\/2025 đến 14\/06\/2026\)\./),
    ]);
  });

  it('prints the report on A4 landscape one page wide, the province table last with its header repeated, the working tables left out', () => {
    expect(spec.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    const province = block(spec.blocks, 'province');
    const { area, titleRows } = spec.print;
    expect(titleRows).toEqual({ first: province.row, last: province.row });
    expect(area).toEqual({ row: 0, col: 0, rows: province.row + province.values.length, cols: PRINTED_COLUMNS.indicators });
    // Everything above the province table prints whole; nothing below it prints at all.
    for (const b of spec.blocks) {
      const inside = b.row + b.values.length <= area.rows && b.col + b.numberFormats.length <= area.cols;
      expect([b.id, inside]).toEqual([b.id, b.row <= province.row && b.id !== 'province' ? true : inside]);
      if (b.row > province.row) expect([b.id, b.row >= area.rows]).toEqual([b.id, true]);
    }
    const chart = spec.chart!.anchor;
    expect(chart.row + chart.rows).toBeLessThan(province.row);
    expect(chart.col + chart.cols).toBeLessThanOrEqual(area.cols);
    // The chart starts a page, so it never prints cut in two.
    expect(spec.print.pageBreaks).toEqual([chart.row - 1]);
    expect(block(spec.blocks, 'groups').row + block(spec.blocks, 'groups').values.length).toBe(chart.row - 1);
  });

  it.each([['indicators', indicators], ['tasks', tasks]] as const)('%s: no internal code and no number in a locale’s format inside the print area', (_kind, data) => {
    const s = buildConsolidationSheet(data, { groups: data.kind === 'indicators' ? realCatalogue.indicatorGroups : realCatalogue.taskGroups });
    const { area } = s.print;
    const ids = new Set([...data.units.map((u) => u.unitId), ...(data.kind === 'indicators' ? data.indicators.map((i) => i.id) : data.tasks.map((t) => t.id))]);
    let cells = 0;
    for (const b of s.blocks) b.values.forEach((line, r) => line.forEach((v, c) => {
      const [row, col] = [b.row + r, b.col + c];
      if (row >= area.row + area.rows || col >= area.col + area.cols || v === null) return;
      cells += 1;
      expect([b.id, r, c, typeof v === 'string' && ids.has(v)]).toEqual([b.id, r, c, false]);
      // Numbers that print are whole (TT, counts); every fraction is text written the Vietnamese way.
      if (typeof v === 'number') expect([b.id, r, c, Number.isInteger(v), b.numberFormats[c]]).toEqual([b.id, r, c, true, expect.stringMatching(/^(0|@)$/)]);
      if (typeof v === 'string') expect([b.id, r, c, /\d\.\d/.test(v.replace(/\d{1,3}(\.\d{3})+(?!\d)/g, 'N'))]).toEqual([b.id, r, c, false]);
    }));
    expect(cells).toBeGreaterThan(100);
    // Beyond the print area, the id column still says which item each line is.
    const province = block(s.blocks, 'province');
    expect(province.values.slice(1).map((l) => l[l.length - 1])).toEqual(data.kind === 'indicators' ? data.indicators.map((i) => i.id) : data.tasks.map((t) => t.id));
    expect(province.col + province.numberFormats.length).toBeGreaterThan(area.cols);
  });

  it('gives every table row with wrapped text the height of its longest cell, and no other row a height', () => {
    const heights = new Map(spec.rowHeights.map((h) => [h.row, h.points]));
    const province = block(spec.blocks, 'province');
    indicators.indicators.forEach((i, k) => {
      const text = province.values[k + 1][1] as string;
      const lines = wrappedLines(text, spec.columnWidths[1] - 1);
      expect([i.id, heights.get(province.row + k + 1) ?? 0]).toEqual([i.id, lines > 1 ? expect.any(Number) : 0]);
      expect(heights.get(province.row + k + 1) ?? 0).toBeGreaterThanOrEqual(lines > 1 ? linesHeight(lines, 12) : 0);
    });
    // Besides, only the title's larger first line.
    for (const b of spec.blocks.filter((x) => x.style !== 'table')) {
      for (let r = 0; r < b.values.length; r++) expect([b.id, r, heights.has(b.row + r)]).toEqual([b.id, r, b.id === 'title' && r === 0]);
    }
    expect(heights.get(0)).toBeGreaterThanOrEqual(linesHeight(1, spec.titleSize));
  });

  it('gives each indicator its province figure, rule, reporting count and evaluation', () => {
    const province = block(spec.blocks, 'province');
    expect(province.values[0]).toEqual(PROVINCE_HEADERS.indicators);
    // Q1: the yearly-only indicators (47, 48, 51) wait for the year's consolidation.
    expect(indicators.indicators.map((i) => i.no)).toEqual(realCatalogue.indicators.filter((i) => !i.yearlyOnly).map((i) => i.no));
    expect(province.values).toHaveLength(1 + 48);
    indicators.indicators.forEach((i, k) => {
      const line = province.values[k + 1];
      expect(line[0]).toBe(i.no);
      expect(line[4]).toBe(i.figureText);
      expect(line[5]).toBe(`${i.reported}/${i.expected}`);
      expect(line[6]).toBe(i.evaluationLabel);
      expect(line[8]).toBe(i.figure.kind === 'percent' ? i.figure.percent : null);
      expect(line[9]).toBe(i.id);
    });
    const ct05 = province.values.find((l) => l[9] === 'ct-05')!;
    expect(ct05[3]).toBe('Tỷ lệ đơn vị trả lời Có');
  });

  it('colours each evaluation word as the template does', () => {
    const province = block(spec.blocks, 'province');
    for (const fill of spec.fills) {
      const label = province.values[fill.row - province.row][6];
      expect(fill.col).toBe(6);
      expect(province.values[0][6]).toBe('Đánh giá');
      expect(fill.fill).toBe(EVALUATION_STYLES.find((x) => String(label).startsWith(x.text))!.fill);
    }
    const styled = indicators.indicators.filter((i) => EVALUATION_STYLES.some((x) => i.evaluationLabel.startsWith(x.text)));
    expect(spec.fills).toHaveLength(styled.length);
    expect(styled.length).toBeGreaterThan(0);
  });

  it('puts every unit’s value in a unit × indicator matrix', () => {
    const matrix = block(spec.blocks, 'matrix');
    expect(matrix.values).toHaveLength(1 + indicators.units.length);
    expect(matrix.values[0]).toHaveLength(2 + 48);
    const ct16 = indicators.indicators.findIndex((i) => i.id === 'ct-16');
    const someone = indicators.indicators[ct16].units.find((u) => u.display !== null)!;
    const row = matrix.values.find((r) => r.at(-1) === someone.unitId)!;
    expect(row[0]).toBe(indicators.units.find((u) => u.unitId === someone.unitId)!.name);
    expect(row[1 + ct16]).toBe(someone.display);
  });

  it('counts submitted, approved, returned and missing reports, on time and late, with the rates', () => {
    const summary = block(spec.blocks, 'summary');
    const s = indicators.summary;
    // One count per line, as text in the Vietnamese convention ("92,86%"), whatever the reader's locale.
    expect(summary.values.slice(1)).toEqual(SUMMARY_HEADERS.map((label, k) => [label, [
      s.expected, s.submitted, s.approved, s.returned, s.missing, s.onTime, s.late].map(String).concat([s.completenessRate, s.onTimeRate].map((x) => formatPercent(x!)))[k]]));
    expect(s.missing).toBeGreaterThan(0);
    const units = block(spec.blocks, 'units');
    const missing = indicators.units.find((u) => u.status === 'missing')!;
    expect(units.values.find((r) => r[6] === missing.unitId)).toEqual([missing.name, 'Chưa nộp', null, '', '', '', missing.unitId]);
    const late = indicators.units.find((u) => u.late === true)!;
    expect(units.values.find((r) => r[6] === late.unitId)?.[3]).toBe('Trễ hạn');
    // Submission times in Vietnam time (UTC+7), as the clerks know them.
    expect(units.values.find((r) => r[6] === late.unitId)?.[4]).toBe('16/03/2026 09:00');
  });

  it('counts indicators met per group and charts that table', () => {
    const groups = block(spec.blocks, 'groups');
    expect(groups.values.slice(1).map((r) => r[0])).toEqual(realCatalogue.indicatorGroups.map((g) => `${g.id}. ${g.title}`));
    const total = groups.values.slice(1).reduce((n, r) => n + (r[1] as number) + (r[2] as number) + (r[3] as number), 0);
    expect(total).toBe(48);
    const met = indicators.indicators.filter((i) => i.evaluation === 'met' || i.evaluation === 'exceeded').length;
    expect(groups.values.slice(1).reduce((n, r) => n + (r[1] as number), 0)).toBe(met);
    expect(spec.chart?.data).toEqual({ row: groups.row, col: groups.col, rows: groups.values.length, cols: 4 });
  });

  it('never lets two blocks, or a block and the chart, share a cell', () => {
    const rects = [
      ...spec.blocks.map((b) => ({ id: b.id, row: b.row, col: b.col, rows: b.values.length, cols: b.values[0].length })),
      { id: 'chart', ...spec.chart!.anchor },
    ];
    for (const a of rects) for (const b of rects) {
      if (a === b) continue;
      const overlap = a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
      expect(overlap ? `${a.id}×${b.id}` : null).toBeNull();
    }
    expect(spec.extent.rows).toBe(Math.max(...rects.map((r) => r.row + r.rows)));
  });
});

describe('consolidation sheet of tasks', () => {
  it('lists task progress counts and each lead unit’s status', () => {
    const spec = buildConsolidationSheet(tasks, { groups: realCatalogue.taskGroups });
    expect(spec.sheetName).toBe('TH PL02 2026-Q1');
    const province = block(spec.blocks, 'province');
    expect(province.values).toHaveLength(1 + tasks.tasks.length);
    const t = tasks.tasks[0];
    expect(province.values[1]).toEqual([t.no, t.text, t.deadlineText ?? '', t.leads, t.done, t.onTrack, t.late, t.notStarted, t.notReported, t.overdue, t.id]);
    const matrix = block(spec.blocks, 'matrix');
    const lead = t.units.find((u) => u.status === 'done')!;
    expect(matrix.values.find((r) => r.at(-1) === lead.unitId)?.[1]).toBe('Hoàn thành');
  });

  it('holds only the tasks of the consolidation it is given (a monitoring agency’s subset)', () => {
    const mine = { ...tasks, tasks: tasks.tasks.slice(0, 3) };
    const spec = buildConsolidationSheet(mine);
    expect(block(spec.blocks, 'province').values.slice(1).map((r) => r[10])).toEqual(mine.tasks.map((x) => x.id));
    expect(block(spec.blocks, 'matrix').values[0]).toHaveLength(2 + 3);
    expect(spec.print.area.cols).toBe(PRINTED_COLUMNS.tasks);
    expect(block(spec.blocks, 'province').values[0].slice(0, PRINTED_COLUMNS.tasks)).not.toContain('Mã');
  });
});

describe('the province’s state of a unit’s report (docs/province-report.md)', () => {
  it.each([
    ['approved', null, 'Chờ tiếp nhận'],
    ['approved', 'accepted', 'Đã tiếp nhận'],
    ['returned', 'reopened', 'Trả lại để sửa'],
    ['submitted', 'reopened', 'Trả lại để sửa'],
    ['approved', 'reopened', 'Đã sửa, chờ tiếp nhận lại'],
    ['submitted', null, ''],
    ['returned', null, ''],
    ['missing', null, ''],
  ] as const)('a report %s with the province’s %s reads “%s”', (status, provinceState, label) => {
    expect(provinceStateLabel({ status, provinceState })).toBe(label);
  });

  it('is printed for every unit in the completeness table', () => {
    const data = syntheticConsolidation('indicators');
    const states = ['accepted', 'reopened', null] as const;
    const units = data.units.map((u, i) => ({ ...u, provinceState: states[i % 3] }));
    const table = buildConsolidationSheet({ ...data, units } as ConsolidationData).blocks.find((b) => b.id === 'units')!;
    expect(table.values[0].at(-2)).toBe('Tiếp nhận của tỉnh');
    expect(table.values.slice(1).map((r) => r.at(-2))).toEqual(units.map(provinceStateLabel));
  });
});
