// `npm run bench:consolidation`: the consolidation of 160 units × 51 indicators with the four periods of
// reports stored (SQLite in memory, in process): time to build one period's consolidation as JSON and
// as .xlsx, the province's consolidated report (snapshot + .docx), then "Tổng hợp" and "Làm mới" in Excel on the fake host with a simulated 100 ms round trip
// per sync (Excel on the web). Communes are SYNTHETIC (the plan's agencies plus made-up communes).
// `-- --units 3400` (issue 12, the national scale): 34 provinces' worth of departments and communes,
// every one reporting one period; JSON and .xlsx timings, then /api/health polled while four .xlsx
// exports run at once (p50/p99: the export must not hold the event loop, src/server/pool.ts).
// `-- --database-url postgres://…` runs the same on PostgreSQL (a fresh schema, dropped afterwards).
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue, Unit } from '../src/core/catalogue-types';
import { buildConsolidationSheet, expandConsolidation, type ConsolidationData, type ConsolidationWire } from '../src/core/consolidation-sheet';
import { WRITE_BUDGET_BYTES } from '../src/office/excel/consolidate';
import { excelConsolidation } from '../src/office/excel/consolidation-index';
import { buildApp } from '../src/server/app';
import { catalogueStore } from '../src/server/catalogues';
import { loadConfig } from '../src/server/config';
import { forgetReportRows } from '../src/server/report-rows';
import { connect, type Db } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { importUnitsCsv, syncCatalogueUnits } from '../src/server/repositories/units';
import { FakeExcelHost } from '../tests/support/fake-excel';
import { withCharts } from '../tests/support/fake-excel-charts';
import { realCatalogue, syntheticConsolidation, syntheticUnits } from '../tests/support/synthetic-consolidation';
import { as, principal, testAuth } from '../tests/server/support/test-auth';
import { dropTarget, openTarget, uniqueName } from './child-server';
import { reportMaker } from './reports';

// The plan's reporting scheme: Q1, 6 tháng, 9 tháng, năm.
const PERIODS = ['2026-Q1', '2026-H1', '2026-9M', '2026-Y'];
const ROUND_TRIP_MS = 100;
const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const UNITS = Number(option('units') ?? 160);
const DATABASE_URL = option('database-url');
/** `--json-only`: no .xlsx (for profiling the JSON path: `node --cpu-prof --import tsx bench/consolidation.ts --units 3400 --json-only`). */
const JSON_ONLY = process.argv.includes('--json-only');
/** Beyond the province (160 units) the bench is the national one: one period stored, no .docx or Excel host. */
const NATIONAL = UNITS > 160;
/** Departments per province at the national scale (the plan's 14 "sở, ban, ngành"). */
const DEPARTMENTS = 14;

/**
 * `total` units: the plan's own, then for 33 more provinces 14 synthetic departments each (class
 * so-ban-nganh, so the indicators assigned to that class reach them), then synthetic communes.
 */
function nationalUnits(total: number): Unit[] {
  const departments = Array.from({ length: 33 * DEPARTMENTS }, (_, k): Unit => ({
    id: `so-thu-${Math.floor(k / DEPARTMENTS) + 2}-${(k % DEPARTMENTS) + 1}`, name: `Sở Thử ${(k % DEPARTMENTS) + 1} tỉnh ${Math.floor(k / DEPARTMENTS) + 2}`, classes: ['so-ban-nganh'], level: 'province',
  }));
  const base = [...catalogue.units, ...departments];
  const communes = Array.from({ length: Math.max(0, total - base.length) }, (_, k): Unit => ({
    id: `xa-thu-${String(k + 1).padStart(4, '0')}`, name: `Xã Thử ${k + 1}`, classes: ['cap-xa'], level: 'commune',
  }));
  return [...base, ...communes].slice(0, Math.max(total, catalogue.units.length));
}

async function openDatabase(): Promise<{ db: Db; done: () => Promise<void>; label: string }> {
  if (!DATABASE_URL) return { db: connect({ sqliteFile: ':memory:' }), done: async () => {}, label: 'SQLite' };
  const target = { kind: 'postgres', url: DATABASE_URL, schema: uniqueName('bench_consolidation') } as const;
  return { db: await openTarget(target), done: () => dropTarget(target), label: 'PostgreSQL' };
}

async function main(): Promise<void> {
  const now = '2026-03-16T02:00:00.000Z';
  const { db, done, label } = await openDatabase();
  await migrateToLatest(db);
  await syncCatalogueUnits(db.kysely, catalogue, now);
  const units = NATIONAL ? nationalUnits(UNITS) : syntheticUnits(catalogue, UNITS);
  const added = units.filter((u) => !catalogue.units.some((c) => c.id === u.id));
  const csv = ['id,name,level,classes', ...added.map((u) => `${u.id},${u.name},${u.level},${u.classes.join(';')}`)].join('\n');
  const imported = await importUnitsCsv(db.kysely, csv, { userId: null, now });
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  const app = await buildApp({
    config: loadConfig({ HTTPS: '0', PORT: '3000', DIST_DIR: '/nonexistent', DATA_DIR: '/nonexistent' }),
    catalogues: catalogueStore([catalogue]), openDb: () => db, closeDb: false, auth: testAuth, clock: () => new Date(now),
  });
  await app.ready();
  try {
    const maker = reportMaker(catalogue, units);
    const periods = NATIONAL ? [PERIODS[0]] : PERIODS;
    let seed = 0;
    const storing = performance.now();
    let submissions = 0;
    for (const period of periods) {
      for (const unitId of maker.indicatorUnits) {
        const payload = maker.make(unitId, period, 'indicators', seed++);
        if (payload.rows.length === 0) continue; // only yearly-only indicators: nothing to report this period
        const res = await app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', unitId)), payload });
        if (res.statusCode !== 201) throw new Error(res.body);
        submissions++;
      }
    }
    if (NATIONAL) console.log(`(${submissions} submissions stored in ${ms(performance.now() - storing)})`);
    const headers = as(principal('consolidator', null));
    const url = (period: string, format: string) => `/api/consolidation?planId=${catalogue.planId}&period=${period}&kind=indicators&format=${format}`;
    const get = async (period: string, format: string) => {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url: url(period, format), headers });
      if (res.statusCode !== 200) throw new Error(res.body);
      return { ms: performance.now() - start, res };
    };
    // The very first JSON request: nothing compiled, no report's rows decoded yet (src/server/report-rows.ts).
    const first = await get(periods[0], 'json');
    // Then with the code compiled but every report's rows read and decoded again: a cold start of the decoding.
    const cold: number[] = [];
    for (let round = 0; round < (NATIONAL ? 5 : 1); round++) {
      forgetReportRows();
      cold.push((await get(periods[0], 'json')).ms);
    }
    if (!JSON_ONLY) await get(periods[0], 'xlsx'); // warm-up: first calls compile code paths
    const json: number[] = [];
    const xlsx: number[] = [];
    let data: ConsolidationData | null = null; // as the clients read it (expanded)
    let size = 0;
    let jsonSize = 0;
    const rounds = NATIONAL ? 5 : 1;
    for (let round = 0; round < rounds; round++) {
      for (const period of periods) {
        const j = await get(period, 'json');
        json.push(j.ms);
        jsonSize = j.res.rawPayload.length;
        data ??= expandConsolidation(j.res.json() as ConsolidationWire);
        if (JSON_ONLY) continue;
        const x = await get(period, 'xlsx');
        xlsx.push(x.ms);
        size = x.res.rawPayload.length;
      }
    }
    if (!data || data.kind !== 'indicators') throw new Error('bench: no consolidation');
    console.log(`Consolidation: ${data.units.length} units × ${data.indicators.length} indicators, ${periods.length} period(s) stored (${submissions} submissions), ${label}`);
    console.log(`  JSON   first request (nothing compiled, no rows decoded): ${ms(first.ms)}`);
    console.log(`  JSON   cold (every report's rows read and decoded again): median ${ms(median(cold))}, max ${ms(Math.max(...cold))}`);
    console.log(`  JSON   per period: median ${ms(median(json))}, max ${ms(Math.max(...json))} (${(jsonSize / 1024 / 1024).toFixed(1)} MB)`);
    if (JSON_ONLY) return;
    console.log(`  .xlsx  per period: median ${ms(median(xlsx))}, max ${ms(Math.max(...xlsx))} (${(size / 1024).toFixed(0)} KB)`);
    if (NATIONAL) {
      // /api/health answered while four .xlsx exports of the period run at once: how long each waited.
      const health: number[] = [];
      let running = true;
      const poll = (async () => {
        while (running) {
          const start = performance.now();
          const res = await app.inject({ method: 'GET', url: '/api/health' });
          if (res.statusCode !== 200) throw new Error(res.body);
          health.push(performance.now() - start);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const start = performance.now();
      const exports = await Promise.all(Array.from({ length: 4 }, () => get(periods[0], 'xlsx')));
      const wall = performance.now() - start;
      running = false;
      await poll;
      console.log(`  4 .xlsx exports at once: all done in ${ms(wall)} (each ${exports.map((e) => ms(e.ms)).join(', ')})`);
      console.log(`  /api/health meanwhile: ${health.length} answers, p50 ${ms(quantile(health, 0.5))}, p99 ${ms(quantile(health, 0.99))}, max ${ms(Math.max(...health))}`);
      return;
    }
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
    await done();
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

main().then(() => (NATIONAL ? undefined : excelWebAtScale())).catch((e) => {
  console.error(e);
  process.exit(1);
});
