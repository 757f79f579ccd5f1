// `npm run bench:consolidation`: the consolidation of 160 units × 51 indicators with the four periods of
// reports stored (SQLite in memory, in process): time to build one period's consolidation as JSON and
// as .xlsx, the province's consolidated report (snapshot + .docx), then "Tổng hợp" and "Làm mới" in Excel on the fake host with a simulated 100 ms round trip
// per sync (Excel on the web). Communes are SYNTHETIC (the plan's agencies plus made-up communes).
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../src/core/catalogue-types';
import { buildConsolidationSheet, type ConsolidationData } from '../src/core/consolidation-sheet';
import { WRITE_BUDGET_BYTES } from '../src/office/excel/consolidate';
import { excelConsolidation } from '../src/office/excel/consolidation-index';
import { buildApp } from '../src/server/app';
import { catalogueStore } from '../src/server/catalogues';
import { loadConfig } from '../src/server/config';
import { connect } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { importUnitsCsv, syncCatalogueUnits } from '../src/server/repositories/units';
import { FakeExcelHost } from '../tests/support/fake-excel';
import { withCharts } from '../tests/support/fake-excel-charts';
import { realCatalogue, syntheticConsolidation, syntheticUnits } from '../tests/support/synthetic-consolidation';
import { as, principal, testAuth } from '../tests/server/support/test-auth';
import { reportMaker } from './reports';

// The plan's reporting scheme: Q1, 6 tháng, 9 tháng, năm.
const PERIODS = ['2026-Q1', '2026-H1', '2026-9M', '2026-Y'];
const ROUND_TRIP_MS = 100;
const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const now = '2026-03-16T02:00:00.000Z';
  const db = connect({ sqliteFile: ':memory:' });
  await migrateToLatest(db);
  await syncCatalogueUnits(db.kysely, catalogue, now);
  const units = syntheticUnits(catalogue, 160);
  const communes = units.filter((u) => u.level === 'commune');
  const csv = ['id,name,level,classes', ...communes.map((u) => `${u.id},${u.name},commune,cap-xa`)].join('\n');
  const imported = await importUnitsCsv(db.kysely, csv, { userId: null, now });
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  const app = await buildApp({
    config: loadConfig({ HTTPS: '0', PORT: '3000', DIST_DIR: '/nonexistent', DATA_DIR: '/nonexistent' }),
    catalogues: catalogueStore([catalogue]), openDb: () => db, closeDb: false, auth: testAuth, clock: () => new Date(now),
  });
  await app.ready();
  try {
    const maker = reportMaker(catalogue, units);
    let seed = 0;
    for (const period of PERIODS) {
      for (const unitId of maker.indicatorUnits) {
        const payload = maker.make(unitId, period, 'indicators', seed++);
        if (payload.rows.length === 0) continue; // only yearly-only indicators: nothing to report this period
        const res = await app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', unitId)), payload });
        if (res.statusCode !== 201) throw new Error(res.body);
      }
    }
    const headers = as(principal('consolidator', null));
    const get = async (period: string, format: string) => {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/consolidation?planId=${catalogue.planId}&period=${period}&kind=indicators&format=${format}`, headers });
      if (res.statusCode !== 200) throw new Error(res.body);
      return { ms: performance.now() - start, res };
    };
    await get(PERIODS[0], 'xlsx'); // warm-up: first calls compile code paths
    const json: number[] = [];
    const xlsx: number[] = [];
    let data: ConsolidationData | null = null;
    let size = 0;
    for (const period of PERIODS) {
      const j = await get(period, 'json');
      json.push(j.ms);
      data ??= j.res.json() as ConsolidationData;
      const x = await get(period, 'xlsx');
      xlsx.push(x.ms);
      size = x.res.rawPayload.length;
    }
    if (!data || data.kind !== 'indicators') throw new Error('bench: no consolidation');
    // The province's consolidated report: the snapshot from both consolidations, then its .docx.
    const snapshot: number[] = [];
    const docx: number[] = [];
    let docxSize = 0;
    for (const period of PERIODS) {
      let start = performance.now();
      const made = await app.inject({ method: 'POST', url: '/api/province-reports', headers, payload: { planId: catalogue.planId, period } });
      if (made.statusCode !== 201) throw new Error(made.body);
      snapshot.push(performance.now() - start);
      start = performance.now();
      const file = await app.inject({ method: 'GET', url: `/api/province-reports/${made.json().id}/report.docx`, headers });
      if (file.statusCode !== 200) throw new Error(file.body);
      docx.push(performance.now() - start);
      docxSize = file.rawPayload.length;
    }
    console.log(`Consolidation: ${data.units.length} units × ${data.indicators.length} indicators, ${PERIODS.length} periods stored (${maker.indicatorUnits.length * PERIODS.length} submissions), SQLite`);
    console.log(`  JSON   per period: median ${ms(median(json))}, max ${ms(Math.max(...json))}`);
    console.log(`  .xlsx  per period: median ${ms(median(xlsx))}, max ${ms(Math.max(...xlsx))} (${(size / 1024).toFixed(0)} KB)`);
    console.log(`  Province report snapshot per period: median ${ms(median(snapshot))}, max ${ms(Math.max(...snapshot))}`);
    console.log(`  Province report .docx (with verification code and QR): median ${ms(median(docx))}, max ${ms(Math.max(...docx))} (${(docxSize / 1024).toFixed(0)} KB)`);

    const host = new FakeExcelHost({ latencyMs: ROUND_TRIP_MS });
    host.book.create('Sheet1');
    const uninstall = host.install();
    withCharts();
    try {
      for (const action of ['Tổng hợp', 'Làm mới']) {
        const spec = buildConsolidationSheet(data, { groups: catalogue.indicatorGroups });
        host.resetCounts();
        const start = performance.now();
        const r = await excelConsolidation.writeConsolidation(spec);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        console.log(`  Excel “${action}”: ${host.syncCount} syncs, ${ms(performance.now() - start)} with ${ROUND_TRIP_MS} ms per sync (fake host)`);
      }
    } finally {
      uninstall();
    }
  } finally {
    await app.close();
    await db.close();
  }
}

/**
 * Excel on the web at the national scale: the consolidation sheet of 3,400 units drawn on the fake
 * host with the web profile (5 MB request limit), indicators and tasks, with the largest request
 * sent. Synthetic units (tests/support/synthetic-consolidation.ts), built in-process: no server.
 */
async function excelWebAtScale(units = 3400): Promise<void> {
  console.log(`\nExcel on the web, ${units} units (synthetic), requests in blocks of at most ${(WRITE_BUDGET_BYTES / 1024 / 1024).toFixed(0)} MB (limit 5 MB):`);
  for (const kind of ['indicators', 'tasks'] as const) {
    const sheet = buildConsolidationSheet(syntheticConsolidation(kind, { units }), {
      groups: kind === 'indicators' ? realCatalogue.indicatorGroups : realCatalogue.taskGroups,
    });
    const host = new FakeExcelHost({ latencyMs: ROUND_TRIP_MS, profile: 'web' });
    host.book.create('Sheet1');
    const uninstall = host.install();
    withCharts();
    try {
      const start = performance.now();
      const r = await excelConsolidation.writeConsolidation(sheet);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const mb = ((host.control.largestPayloadBytes ?? 0) / 1024 / 1024).toFixed(2);
      console.log(`  ${kind.padEnd(10)} ${sheet.extent.rows} rows × ${sheet.extent.cols} columns: ${host.syncCount} syncs, largest request ${mb} MB, ${ms(performance.now() - start)} with ${ROUND_TRIP_MS} ms per sync`);
    } finally {
      uninstall();
    }
  }
}

main().then(() => excelWebAtScale()).catch((e) => {
  console.error(e);
  process.exit(1);
});
