// Checks with a real spreadsheet program (LibreOffice headless): the consolidated workbook, converted
// to CSV by LibreOffice, says what the JSON consolidation says; and (below) a downloaded template,
// filled and saved through LibreOffice, uploads to exactly the values that were typed.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsolidationSheet, type ConsolidationData, type SheetBlock } from '../../src/core/consolidation-sheet';
import { testApp, type TestApp } from './support/app';
import { PLAN_ID } from './support/catalogue';
import { seedPeriod } from './support/consolidation-data';
import { sqliteTestDatabase } from './support/databases';
import { as, principal } from './support/test-auth';
import { convert, CSV_FILTER, describeWithSoffice, parseCsv } from '../support/soffice';

jest.setTimeout(180_000);
const consolidator = as(principal('consolidator', null));

/** The cell text LibreOffice shows for a spec value: numbers per the block's format ("0.0" → one decimal). */
function shown(value: string | number | null, format: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return format === '0.0' ? value.toFixed(1) : String(value);
}

describeWithSoffice('LibreOffice: consolidated workbook → CSV', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await testApp(sqliteTestDatabase);
    await seedPeriod(t);
    dir = mkdtempSync(join(tmpdir(), 'cds-lo-'));
  });
  afterAll(async () => t.close());

  it.each(['indicators', 'tasks'])('%s: every block of the CSV matches the JSON consolidation', async (kind) => {
    const q = `planId=${PLAN_ID}&period=2026-Q1&kind=${kind}`;
    const json = (await t.app.inject({ method: 'GET', url: `/api/consolidation?${q}`, headers: consolidator })).json() as ConsolidationData;
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/consolidation?${q}&format=xlsx`, headers: consolidator });
    const file = join(dir, `tong-hop-${kind}.xlsx`);
    writeFileSync(file, xlsx.rawPayload);
    const csv = parseCsv(readFileSync(await convert(file, CSV_FILTER, dir), 'utf8'));

    const spec = buildConsolidationSheet(json, { groups: kind === 'indicators' ? [{ id: 'I', title: 'Hạ tầng số' }, { id: 'II', title: 'Nhận thức số, nhân lực số' }] : [{ id: 'I', title: 'Công tác lãnh đạo, chỉ đạo' }] });
    const at = (b: SheetBlock, r: number, c: number) => csv[b.row + r]?.[b.col + c] ?? '';
    for (const block of spec.blocks) {
      block.values.forEach((line, r) => line.forEach((v, c) => {
        expect([block.id, r, c, at(block, r, c)]).toEqual([block.id, r, c, shown(v, block.numberFormats[c])]);
      }));
    }
    // And straight from the JSON, not through the spec: the province figures and the reporting rate.
    const province = spec.blocks.find((b) => b.id === 'province')!;
    if (json.kind === 'indicators') {
      json.indicators.forEach((i, k) => {
        expect([at(province, k + 1, 4), at(province, k + 1, 7)]).toEqual([i.figureText, i.evaluationLabel]);
      });
    } else {
      json.tasks.forEach((task, k) => expect(Number(at(province, k + 1, 4))).toBe(task.done));
    }
    const summary = spec.blocks.find((b) => b.id === 'summary')!;
    expect(Number(at(summary, 1, 7))).toBeCloseTo(json.summary.completenessRate ?? NaN, 1);
    expect(Number(at(summary, 1, 4))).toBe(json.summary.missing);
  });

  it('keeps the chart when LibreOffice opens and saves the workbook (the chart part is valid to it)', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/consolidation?planId=${PLAN_ID}&period=2026-Q1&kind=indicators&format=xlsx`, headers: consolidator });
    const file = join(dir, 'chart.xlsx');
    writeFileSync(file, xlsx.rawPayload);
    const out = join(dir, 'lo');
    mkdirSync(out, { recursive: true });
    const saved = await JSZip.loadAsync(readFileSync(await convert(file, 'xlsx', out)));
    const charts = saved.file(/^xl\/charts\/chart\d+\.xml$/);
    expect(charts).toHaveLength(1);
    const xml = await charts[0].async('string');
    expect(xml).toContain('barChart');
    expect(xml).toContain('Số chỉ tiêu đạt theo nhóm');
  });
});
