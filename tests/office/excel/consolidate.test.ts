// "Tổng hợp" / "Làm mới" against the fake Excel host: at most 3 syncs for 160 units × 51 indicators,
// every block where the spec puts it, the chart over the group table, a refresh in place, and a
// monitoring agency's sheet holding only its tasks.
import { buildConsolidationSheet, type ConsolidationSheetSpec } from '../../../src/core/consolidation-sheet';
import { cellAddress } from '../../../src/core/template/address';
import { excelConsolidation } from '../../../src/office/excel/consolidation-index';
import { chartsOf, withCharts } from '../../support/fake-excel-charts';
import { realCatalogue, syntheticConsolidation } from '../../support/synthetic-consolidation';
import { useFakeExcel } from './helpers';
import { AUTOFIT_HEIGHT } from '../../support/fake-excel/state';

const fake = useFakeExcel();
beforeEach(() => withCharts());

const full = buildConsolidationSheet(syntheticConsolidation('indicators', { missingEvery: 9 }), { groups: realCatalogue.indicatorGroups });

function expectDrawn(spec: ConsolidationSheetSpec): void {
  const host = fake.host();
  for (const block of spec.blocks) {
    block.values.forEach((line, r) => line.forEach((v, c) => {
      const got = host.cell(spec.sheetName, cellAddress(block.row + r, block.col + c)).value;
      if (got !== (v ?? '')) throw new Error(`${block.id} ${cellAddress(block.row + r, block.col + c)}: ${String(got)} ≠ ${String(v)}`);
    }));
  }
}

it('draws 160 units × 51 indicators in one Excel.run with at most 3 syncs', async () => {
  const host = fake.host();
  host.resetCounts();
  const r = await excelConsolidation.writeConsolidation(full);
  expect(r).toEqual({ ok: true, value: { sheetName: 'TH PL01 2026-Q1', refreshed: false, rows: full.extent.rows } });
  expect(host.syncCount).toBeLessThanOrEqual(3);
  expect(host.control.runCount).toBe(1);
  const matrix = full.blocks.find((b) => b.id === 'matrix')!;
  // Q1: the yearly-only indicators (47, 48, 51) and Thống kê tỉnh, which reports only 51, wait for the year.
  expect(matrix.values).toHaveLength(160);
  expect(matrix.values[0]).toHaveLength(50);
  expectDrawn(full);
});

it('keeps words as text and colours evaluations and headers', async () => {
  await excelConsolidation.writeConsolidation(full);
  const host = fake.host();
  const province = full.blocks.find((b) => b.id === 'province')!;
  const reported = host.cell(full.sheetName, cellAddress(province.row + 1, 5));
  expect(reported.numberFormat).toBe('@'); // "12/13" would become a date in a General cell
  expect(typeof reported.value).toBe('string');
  expect(host.cell(full.sheetName, cellAddress(province.row, 0))).toMatchObject({ fill: '#D9E1F2', font: { bold: true } });
  const fill = full.fills[0];
  expect(host.cell(full.sheetName, cellAddress(fill.row, fill.col)).fill).toBe(fill.fill);
});

it.each(['indicators', 'tasks'] as const)('%s: prints as the .xlsx does – A4 landscape, one page wide, the report’s area, the province header on every page – in the same syncs', async (kind) => {
  const spec = buildConsolidationSheet(syntheticConsolidation(kind, { missingEvery: 9 }), { groups: kind === 'indicators' ? realCatalogue.indicatorGroups : realCatalogue.taskGroups });
  const host = fake.host();
  host.resetCounts();
  expect((await excelConsolidation.writeConsolidation(spec)).ok).toBe(true);
  expect(host.syncCount).toBeLessThanOrEqual(3);
  const { area, titleRows } = spec.print;
  expect(host.sheet(spec.sheetName).pageLayout).toEqual({
    orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: true,
    leftMargin: 36, rightMargin: 28.8, topMargin: 43.2, bottomMargin: 43.2, headerMargin: 21.6, footerMargin: 21.6,
    printArea: `A1:${cellAddress(area.rows - 1, area.cols - 1)}`, printTitleRows: `$${titleRows.first + 1}:$${titleRows.last + 1}`,
    pageBreaks: [spec.chart!.anchor.row - 1], footers: { centerFooter: 'Trang &P/&N' },
  });
  // Table text wraps in its cell and Excel fits every table row to it.
  const province = spec.blocks.find((b) => b.id === 'province')!;
  const sheet = host.sheet(spec.sheetName);
  for (let r = 0; r < province.values.length; r++) {
    expect(host.cell(spec.sheetName, cellAddress(province.row + r, 1)).wrap).toBe(true);
    expect(sheet.rowHeights.get(province.row + r)).toBe(AUTOFIT_HEIGHT);
  }
});

it('charts indicators met per group from the group table', async () => {
  await excelConsolidation.writeConsolidation(full);
  const charts = chartsOf(fake.host().sheet(full.sheetName));
  expect(charts).toHaveLength(1);
  const d = full.chart!.data;
  expect(charts[0]).toMatchObject({
    type: 'ColumnStacked', seriesBy: 'Columns', title: 'Số chỉ tiêu đạt theo nhóm',
    source: `'TH PL01 2026-Q1'!${cellAddress(d.row, d.col)}:${cellAddress(d.row + d.rows - 1, d.col + d.cols - 1)}`,
  });
});

it('refreshes in place: the same sheet, new figures, nothing left over, one chart', async () => {
  const host = fake.host();
  expect((await excelConsolidation.writeConsolidation(full)).ok).toBe(true);
  const before = host.sheet(full.sheetName);
  const smaller = buildConsolidationSheet(syntheticConsolidation('indicators', { units: 40, missingEvery: 3 }), { groups: realCatalogue.indicatorGroups });
  host.resetCounts();
  const r = await excelConsolidation.writeConsolidation(smaller);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  expect(r.value.refreshed).toBe(true);
  expect(host.syncCount).toBeLessThanOrEqual(3);
  const after = host.sheet(full.sheetName);
  expect(after.id).toBe(before.id);
  expect(host.book.sheets.filter((s) => s.name.startsWith('TH '))).toHaveLength(1);
  expectDrawn(smaller);
  // The old matrix was 161 rows; past the new extent nothing remains.
  const lastOld = full.extent.rows - 1;
  expect(host.cell(full.sheetName, cellAddress(lastOld, 0)).value).toBe('');
  expect(chartsOf(after)).toHaveLength(1);
});

it('gives a monitoring agency a sheet of only the tasks it oversees', async () => {
  const mine = syntheticConsolidation('tasks', { monitor: 'so-noi-vu' });
  const all = syntheticConsolidation('tasks');
  expect(mine.kind === 'tasks' && all.kind === 'tasks' && mine.tasks.length < all.tasks.length && mine.tasks.length > 0).toBe(true);
  const spec = buildConsolidationSheet(mine, { groups: realCatalogue.taskGroups });
  await excelConsolidation.writeConsolidation(spec);
  const province = spec.blocks.find((b) => b.id === 'province')!;
  const ids = Array.from({ length: province.values.length - 1 }, (_, k) => fake.host().cell(spec.sheetName, cellAddress(province.row + 1 + k, 10)).value);
  const monitored = realCatalogue.tasks.filter((t) => t.monitor.some((m) => m.kind === 'unit' && m.unitId === 'so-noi-vu')).map((t) => t.id);
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.every((id) => monitored.includes(String(id)))).toBe(true);
});

it('says, in Vietnamese, that Excel is busy when a cell is being edited', async () => {
  fake.host().enterCellEditMode(1);
  const r = await excelConsolidation.writeConsolidation(full);
  expect(r.ok ? null : r.error.code).toBe('cellEditMode');
});

describe('on an Excel without ExcelApi 1.9 (no pageLayout)', () => {
  const old = useFakeExcel({ requirementSets: { ExcelApi: '1.8' } });
  beforeEach(() => withCharts());
  it('draws the sheet and its chart, leaving the print setup to Excel’s defaults rather than failing', async () => {
    old.host().resetCounts();
    const r = await excelConsolidation.writeConsolidation(full);
    expect(r.ok).toBe(true);
    expect(old.host().syncCount).toBeLessThanOrEqual(3);
    expect(old.host().sheet(full.sheetName).pageLayout).toEqual({});
    expect(chartsOf(old.host().sheet(full.sheetName))).toHaveLength(1);
  });
});
