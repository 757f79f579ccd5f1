// Checks with a real spreadsheet program (LibreOffice headless): the consolidated workbook, converted
// to CSV by LibreOffice, says what the JSON consolidation says; and (below) a downloaded template,
// filled and saved through LibreOffice, uploads to exactly the values that were typed.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsolidationSheet, expandConsolidation, type ConsolidationWire, type SheetBlock } from '../../src/core/consolidation-sheet';
import { formatPercent } from '../../src/core/numbers';
import { testApp, type TestApp } from './support/app';
import { PLAN_ID, testCatalogue } from './support/catalogue';
import { seedPeriod } from './support/consolidation-data';
import { sqliteTestDatabase } from './support/databases';
import { as, principal } from './support/test-auth';
import { download, fill, loadBook, upload, type Typing } from './support/xlsx';
import { SKHCN } from './support/catalogue';
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
    const json = expandConsolidation((await t.app.inject({ method: 'GET', url: `/api/consolidation?${q}`, headers: consolidator })).json() as ConsolidationWire);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/consolidation?${q}&format=xlsx`, headers: consolidator });
    const file = join(dir, `tong-hop-${kind}.xlsx`);
    writeFileSync(file, xlsx.rawPayload);
    const csv = parseCsv(readFileSync(await convert(file, CSV_FILTER, dir), 'utf8'));

    const spec = buildConsolidationSheet(json, {
      groups: kind === 'indicators' ? testCatalogue.indicatorGroups : testCatalogue.taskGroups, document: testCatalogue.document,
    });
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
        expect([at(province, k + 1, 4), at(province, k + 1, 6)]).toEqual([i.figureText, i.evaluationLabel]);
      });
    } else {
      json.tasks.forEach((task, k) => expect(Number(at(province, k + 1, 4))).toBe(task.done));
    }
    // The summary's counts and rates, one per line, as text in the Vietnamese convention.
    const summary = spec.blocks.find((b) => b.id === 'summary')!;
    const line = (label: string) => at(summary, summary.values.findIndex((l) => l[0] === label), 1);
    expect(line('Tỷ lệ báo cáo')).toBe(formatPercent(json.summary.completenessRate!));
    expect(line('Chưa nộp')).toBe(String(json.summary.missing));
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

describeWithSoffice('LibreOffice: template filled, saved by LibreOffice, uploaded', () => {
  let t: TestApp;
  let dir: string;
  const clerk = as(principal('reporter', SKHCN));
  beforeAll(async () => {
    t = await testApp(sqliteTestDatabase);
    dir = mkdtempSync(join(tmpdir(), 'cds-lo-tpl-'));
  });
  afterAll(async () => t.close());

  /** Fills the template, lets LibreOffice open and save it as .xlsx, and returns what LibreOffice wrote. */
  async function throughLibreOffice(kind: 'indicators' | 'tasks', typing: Typing): Promise<Buffer> {
    const template = (await download(t.app, kind, SKHCN)).rawPayload;
    const file = join(dir, `${kind}.xlsx`);
    writeFileSync(file, await fill(template, typing));
    const out = join(dir, `lo-${kind}`);
    mkdirSync(out, { recursive: true });
    return readFileSync(await convert(file, 'xlsx', out));
  }

  const latestContent = async (kind: string) => {
    const list = (await t.app.inject({ method: 'GET', url: `/api/submissions?unitId=${SKHCN}&kind=${kind}&period=2026-Q1`, headers: clerk })).json().submissions;
    const s = (await t.app.inject({ method: 'GET', url: `/api/submissions/${list[0].id}`, headers: clerk })).json();
    return Object.fromEntries(s.revisions[s.revisions.length - 1].content.rows.map((r: { id: string }) => [r.id, r]));
  };

  it('indicators: the stored values equal what was typed', async () => {
    const saved = await throughLibreOffice('indicators', {
      'ct-01': { value: 0.725 }, // "72,5%" typed in a percent cell
      'ct-11': { value: 'Đang triển khai', note: 'Đã phê duyệt chủ trương đầu tư' },
      'ct-16': { numerator: 45, denominator: 1200, note: 'Số liệu “quý I”, gồm 3 đợt' },
    });
    const res = await upload(t.app, saved, clerk);
    expect(res.json()).toMatchObject({ status: 'created', acceptedRows: 3, issues: [] });
    const rows = await latestContent('indicators');
    expect(rows['ct-01'].value).toEqual({ kind: 'rate', percent: 72.5 });
    expect(rows['ct-11']).toMatchObject({ value: { kind: 'status', status: 'inProgress' }, note: 'Đã phê duyệt chủ trương đầu tư' });
    expect(rows['ct-16']).toMatchObject({ value: { kind: 'countPair', numerator: 45, denominator: 1200 }, note: 'Số liệu “quý I”, gồm 3 đợt' });
  });

  it('tasks: status, progress, narrative and the completion date survive', async () => {
    const saved = await throughLibreOffice('tasks', {
      'nv-01': { status: 'Hoàn thành', progress: 1, result: 'Đã kiện toàn Ban chỉ đạo', completedOn: new Date(Date.UTC(2026, 2, 10)) },
      'nv-03': { status: 'Đang triển khai (đúng tiến độ)', progress: 0.6, obstacles: 'Thiếu kinh phí' },
    });
    const res = await upload(t.app, saved, clerk);
    expect(res.json()).toMatchObject({ status: 'created', issues: [] });
    const rows = await latestContent('tasks');
    expect(rows['nv-01']).toMatchObject({ status: 'done', progress: 100, result: 'Đã kiện toàn Ban chỉ đạo', completedOn: '2026-03-10' });
    expect(rows['nv-03']).toMatchObject({ status: 'onTrack', progress: 60, obstacles: 'Thiếu kinh phí' });
  });

  it('keeps the mapping hidden, its seal valid and the sheet protected after LibreOffice saves it', async () => {
    const saved = await throughLibreOffice('indicators', { 'ct-01': { value: 0.7 } });
    const book = await loadBook(saved);
    const states = Object.fromEntries(book.worksheets.map((s) => [s.name, s.state]));
    expect(states['PL01 2026-Q1']).toBe('visible');
    expect(['hidden', 'veryHidden']).toContain(states['CDS PL01 2026-Q1']);
    const zip = await JSZip.loadAsync(saved);
    const sheets = await Promise.all(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async('string')));
    expect(sheets.some((x) => /<sheetProtection [^>]*sheet="(1|true)"/.test(x))).toBe(true);
    const dry = await upload(t.app, saved, clerk, 'dryRun=true');
    expect(dry.json()).toMatchObject({ status: 'valid' });
  });
});
