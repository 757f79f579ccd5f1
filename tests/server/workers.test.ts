// The worker threads (src/server/workers): an .xlsx export drawn in a thread holds the very parts an
// in-process export holds; an upload read in a thread is refused or read exactly as in process; a
// thread that dies under a request gives 503 with Retry-After, never a hung request; the threads end
// with the app; and while a large export is drawn the event loop keeps answering.
import JSZip from 'jszip';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { expandConsolidation } from '../../src/core/consolidation-sheet';
import { parsePeriod } from '../../src/core/periods';
import { assignmentsOf } from '../../src/server/assignments';
import type { ConsolidationJob } from '../../src/server/consolidation-job';
import { templateSecret } from '../../src/server/xlsx/mapping-seal';
import { consolidationWorkbook } from '../../src/server/xlsx/consolidation';
import { readUpload } from '../../src/server/xlsx/import';
import { XlsxWorkers } from '../../src/server/workers/pool';
import { realCatalogue, syntheticUnits } from '../support/synthetic-consolidation';
import { testApp, type TestApp } from './support/app';
import { PLAN_ID, SKHCN, SNV, testCatalogue } from './support/catalogue';
import { seedPeriod } from './support/consolidation-data';
import { describeEachDatabase } from './support/databases';
import { as, principal } from './support/test-auth';
import { download, fill } from './support/xlsx';

const url = (kind: string, format: string) => `/api/consolidation?planId=${PLAN_ID}&period=2026-Q1&kind=${kind}&format=${format}`;

/**
 * Every part of an .xlsx package with its text: two files with equal parts are the same workbook. The
 * one exception is the time exceljs stamps as "modified" when it writes (its own clock, not ours).
 */
async function parts(file: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(file);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out[name] = await zip.files[name].async('string');
  out['docProps/core.xml'] = out['docProps/core.xml'].replace(/<dcterms:modified([^>]*)>[^<]*</, '<dcterms:modified$1>…<');
  return out;
}

describeEachDatabase('worker threads', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(database);
    await seedPeriod(t);
  });
  afterAll(async () => t.close());

  // Who sees what decides the content (a monitoring agency gets only its tasks): each caller's export.
  const exporters: Array<[string, 'indicators' | 'tasks', Record<string, string>]> = [
    ['the province, indicators', 'indicators', as(principal('consolidator', null))],
    ['the province, tasks', 'tasks', as(principal('consolidator', null))],
    ['a monitoring agency, tasks', 'tasks', as(principal('consolidator', SNV))],
  ];
  it.each(exporters)('exports %s with the very parts the in-process builder writes from the same consolidation', async (_who, kind, headers) => {
    const json = await t.app.inject({ method: 'GET', url: url(kind, 'json'), headers });
    const xlsx = await t.app.inject({ method: 'GET', url: url(kind, 'xlsx'), headers });
    expect([json.statusCode, xlsx.statusCode]).toEqual([200, 200]);
    const groups = kind === 'indicators' ? testCatalogue.indicatorGroups : testCatalogue.taskGroups;
    const inProcess = await consolidationWorkbook(expandConsolidation(json.json()), { groups, document: testCatalogue.document });
    const [threaded, local] = [await parts(xlsx.rawPayload), await parts(inProcess)];
    expect(Object.keys(threaded)).toEqual(Object.keys(local));
    for (const name of Object.keys(local)) expect([name, threaded[name]]).toEqual([name, local[name]]);
  });

  // The files a clerk or an attacker may send: each read in a thread as readUpload reads it in process.
  const uploads: Array<[string, () => Promise<Buffer>]> = [
    ['a filled template', async () => fill((await download(t.app, 'indicators', SKHCN)).rawPayload, { 'ct-01': { value: 0.5 } })],
    ['a task template', async () => (await download(t.app, 'tasks', SKHCN)).rawPayload],
    ['a file that is not a zip', async () => Buffer.from('không phải tệp Excel')],
    ['an empty file', async () => Buffer.alloc(0)],
    ['a zip that is not a workbook', async () => new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' })],
    ['a workbook with its mapping edited', async () => fill((await download(t.app, 'indicators', SKHCN)).rawPayload, {}, (book) => {
      const map = book.worksheets.find((s) => s.name.startsWith('CDS '))!;
      map.getCell('B2').value = `${String(map.getCell('B2').value)}x`;
    })],
  ];
  it.each(uploads)('reads %s in a thread exactly as in process (value or refusal and its message)', async (_what, make) => {
    const file = await make();
    const secret = templateSecret(t.app.config);
    expect(await t.app.workers.readUpload(file, secret)).toEqual(await readUpload(file, secret));
  });

  it('answers 503 with Retry-After when the thread drawing the export dies, then exports again', async () => {
    const headers = as(principal('consolidator', null));
    const pool = t.app.workers.pools.exports;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5 && !statuses.includes(503); attempt++) {
      // A thread started and ready first: one ended while starting is the time limit's case (below).
      expect((await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers })).statusCode).toBe(200);
      const done = pool.completed;
      const pending = t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers });
      // Once a ready thread has taken the task (posted after the route has read the database), it is ended.
      while (pool.idleThreads === pool.threads.length && pool.completed === done) await new Promise((r) => setImmediate(r));
      await Promise.all(pool.threads.map((w) => w.terminate()));
      const res = await pending;
      statuses.push(res.statusCode);
      if (res.statusCode === 503) {
        expect(res.headers['retry-after']).toBe('5');
        expect(res.json()).toMatchObject({ error: 'unavailable', message: expect.stringContaining('thử lại') });
      }
    }
    // Every attempt either finished before the thread ended (200) or was answered 503: one at least was.
    expect(statuses.every((s) => s === 200 || s === 503) && statuses.includes(503)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers })).statusCode).toBe(200);
  });
});

describe('worker pools', () => {
  it('answer 503 when the thread dies under a long export, and the next export is drawn by a new thread', async () => {
    const workers = new XlsxWorkers({ exportThreads: 1 });
    try {
      const job = await nationalJob(600);
      await workers.consolidationXlsx(await nationalJob(20), {}); // a thread started and ready
      const pending = workers.consolidationXlsx(job, { groups: realCatalogue.indicatorGroups });
      const pool = workers.pools.exports;
      while (pool.idleThreads > 0) await new Promise((r) => setImmediate(r));
      await pool.threads[0].terminate();
      await expect(pending).rejects.toMatchObject({ statusCode: 503, code: 'unavailable' });
      expect((await workers.consolidationXlsx(job, { groups: realCatalogue.indicatorGroups })).subarray(0, 2).toString()).toBe('PK');
    } finally {
      await workers.close();
    }
  });

  it('answer 503 rather than wait for ever when a task outlives its time limit', async () => {
    const workers = new XlsxWorkers({ exportThreads: 1, taskTimeoutMs: 50 });
    try {
      await expect(workers.consolidationXlsx(await nationalJob(600), {})).rejects.toMatchObject({ statusCode: 503 });
    } finally {
      await workers.close();
    }
  });

  it('end with the app: no thread left, and a late task is answered 503, not left waiting', async () => {
    const workers = new XlsxWorkers();
    const upload = await workers.readUpload(Buffer.from('x'), Buffer.from('secret'));
    expect(upload).toMatchObject({ ok: false, code: 'notXlsx' });
    expect(workers.pools.uploads.threads.length).toBeGreaterThan(0);
    await workers.close();
    expect(workers.pools.uploads.threads.length).toBe(0);
    await expect(workers.readUpload(Buffer.from('x'), Buffer.from('secret'))).rejects.toMatchObject({ statusCode: 503 });
  });

  it('give an error of the task itself back as an error (a bug is a 500, never a hang)', async () => {
    const workers = new XlsxWorkers();
    try {
      const job = { ...(await nationalJob(20)), stored: [{ unitId: SKHCN, status: 'submitted', revision: 1, late: false, submittedAt: '', contentText: '{not json' }] } as ConsolidationJob;
      // Thrown in the thread's realm: matched by name, not by this realm's SyntaxError class.
      await expect(workers.consolidationXlsx(job, {})).rejects.toMatchObject({ name: 'SyntaxError' });
    } finally {
      await workers.close();
    }
  });

  it('keep the event loop answering while a large export is drawn (it would be held for the whole drawing in process)', async () => {
    const workers = new XlsxWorkers({ exportThreads: 1 });
    try {
      const job = await nationalJob(800);
      await workers.consolidationXlsx(job, { groups: realCatalogue.indicatorGroups }); // the thread started and warm
      const delay = monitorEventLoopDelay({ resolution: 10 });
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      delay.enable();
      const start = performance.now();
      const file = await workers.consolidationXlsx(job, { groups: realCatalogue.indicatorGroups });
      const elapsed = performance.now() - start;
      delay.disable();
      clearInterval(timer);
      expect(file.subarray(0, 2).toString()).toBe('PK');
      // Generous bounds relative to the export's own duration (a loaded machine slows both): the loop
      // ticked for most of it and was never held for a third of it.
      expect(ticks).toBeGreaterThan((elapsed / 10) * 0.3);
      expect(delay.max / 1e6).toBeLessThan(elapsed / 3);
    } finally {
      await workers.close();
    }
  });
});

/** A consolidation job of the real plan over `units` synthetic units, each reporting every indicator it has. */
async function nationalJob(units: number): Promise<ConsolidationJob> {
  const all = syntheticUnits(realCatalogue, units);
  const a = assignmentsOf(realCatalogue, all);
  const period = parsePeriod('2026-Q1');
  if (!period.ok) throw new Error('period');
  const stored = all.flatMap((u, k) => {
    const rows = realCatalogue.indicators.filter((i) => a.indicatorUnits.get(i.id)?.includes(u.id)).map((i) => ({
      id: i.id, note: null,
      value: i.form.kind === 'rate' ? { kind: 'rate', percent: 50 + (k % 50) }
        : i.form.kind === 'countPair' ? { kind: 'countPair', numerator: k % 20, denominator: 20 }
        : i.form.kind === 'yesNo' ? { kind: 'yesNo', yes: k % 3 !== 0 }
        : i.form.kind === 'status' ? { kind: 'status', status: 'done' } : { kind: 'applied', applied: true, description: 'Có' },
    }));
    return rows.length === 0 ? [] : [{ unitId: u.id, status: 'submitted' as const, revision: 1, late: false, submittedAt: '2026-03-10T02:00:00.000Z', contentText: JSON.stringify({ rows }) }];
  });
  return {
    catalogue: realCatalogue, units: all, assignments: a, stored, kind: 'indicators', period: period.value, visibleTaskIds: null,
    header: { planId: realCatalogue.planId, period: '2026-Q1', generatedAt: '2026-03-20T03:00:00.000Z' },
  };
}
