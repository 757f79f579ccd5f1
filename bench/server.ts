// `npm run bench:server`: the reporting server as a child process on loopback, on SQLite and (when
// TEST_DATABASE_URL or DATABASE_URL is set) on PostgreSQL. Prints submissions per second and p50/p99
// latency for 50 concurrent clients, and the time to consolidate one period of 160 units.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalogue, Unit } from '../src/core/catalogue-types';
import { importUnitsCsv } from '../src/server/repositories/units';
import { clerkTokens, dropTarget, grantReporterEverywhere, openTarget, prepareTarget, signIn, startServer, uniqueName, type Target } from './child-server';
import { benchClient } from './http-client';
import { mainThreadCpuMs, processCpuMs, threadCpuMs } from './proc-cpu';
import { startLimitServer } from './limit-server';
import { reportMaker } from './reports';

const CLIENTS = 50;
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS) || 10000;
const UNITS = 160;
const PERIODS = ['2026-H1', '2026-9M', '2026-Y']; // the plan's reporting scheme after Q1 (Q2 and Q4 are not report periods)
/**
 * Sent first and not measured, of the same mix as the measured ones: the server's first requests
 * compile code paths (JIT, lazy modules), and V8's compiler threads go on optimising for the first
 * few thousand – work a server that runs for days does once.
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP) || 3000;
/**
 * The server and the limit are measured in turn, this many times, and the round with the median
 * ratio is printed: the shared machine's pace changes from one minute to the next, and a ratio of
 * two runs made side by side is steadier than either rate.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The plan's agencies plus enough communes (sample names, class cap-xa) to make 160 units. */
function communes(): Unit[] {
  return Array.from({ length: UNITS - catalogue.units.length }, (_, i) => ({
    id: `xa-bench-${String(i + 1).padStart(3, '0')}`, name: `Xã thử nghiệm ${i + 1}`, classes: ['cap-xa'], level: 'commune' as const,
  }));
}

async function run(target: Target): Promise<void> {
  await prepareTarget(target);
  const extra = communes();
  const db = await openTarget(target);
  const csv = ['id,name,level,classes', ...extra.map((u) => `${u.id},${u.name},commune,cap-xa`)].join('\n');
  const imported = await importUnitsCsv(db.kysely, csv, { userId: null, now: new Date().toISOString() });
  if (imported.ok) await grantReporterEverywhere(db);
  const units = [...catalogue.units, ...extra];
  // Each report is sent by its unit's own clerk (one grant), as in the province; the bench user
  // (an administrator and the reporter of every unit: 161 grants read at every request) only reads.
  const clerks = imported.ok ? await clerkTokens(db, units.map((u) => u.id)) : new Map<string, string>();
  await db.close();
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));

  const maker = reportMaker(catalogue, units);
  /** `count` reports of indicators and tasks (two to one) for the report periods, from seed `from` on. */
  const mixed = (count: number, from: number) =>
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const kind = n % 3 === 2 ? 'tasks' : 'indicators';
      const period = PERIODS[n % PERIODS.length];
      const pool = maker.reporting(kind, period); // no empty reports: the server refuses them (422)
      return maker.make(pool[n % pool.length], period, kind, n);
    });
  // First one indicator report of every unit for 2026-Q1 (the period consolidated below), then more.
  const requests = maker.reporting('indicators', '2026-Q1').map((u, n) => maker.make(u, '2026-Q1', 'indicators', n));
  requests.push(...mixed(SUBMISSIONS - requests.length, 0));
  const warmUp = mixed(WARM_UP, SUBMISSIONS); // other seeds: new revisions, not replays of the measured ones

  const server = await startServer(target, undefined, {}, process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean));
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await signIn(server.url)}` };
    const clerkHeaders = new Map([...clerks].map(([unitId, token]) => [unitId, { 'content-type': 'application/json', authorization: `Bearer ${token}` }]));
    const statuses = new Map<number, number>();
    let firstRefusal = '';
    /** Sends the bodies from CLIENTS concurrent clients; returns the sorted latencies, the seconds taken and the server's CPU ms per request. */
    const load = async (bodies: readonly { unitId: string }[], base = server.url, pid = server.process.pid) => {
      const http = benchClient(CLIENTS);
      const latencies: number[] = [];
      let next = 0;
      const cpu0 = processCpuMs(pid);
      const main0 = mainThreadCpuMs(pid);
      const threads0 = threadCpuMs(pid);
      const client0 = process.cpuUsage();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < bodies.length) {
            const report = bodies[next++];
            const body = JSON.stringify(report);
            const t0 = performance.now();
            const res = await http.post(`${base}/api/submissions`, clerkHeaders.get(report.unitId) ?? headers, body);
            const text = res.text;
            latencies.push(performance.now() - t0);
            if (res.status >= 400 && !firstRefusal) firstRefusal = `${res.status} ${text.slice(0, 400)}`;
            if (base === server.url) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      http.close();
      const cpu1 = processCpuMs(pid);
      const main1 = mainThreadCpuMs(pid);
      const threads = [...threadCpuMs(pid)]
        .map(([tid, ms]) => [tid === String(pid) ? 'JavaScript' : `#${tid}`, (ms - (threads0.get(tid) ?? 0)) / bodies.length] as const)
        .filter(([, ms]) => ms >= 0.005)
        .sort(([, a], [, b]) => b - a);
      const mainCpuPerRequest = main0 !== undefined && main1 !== undefined ? (main1 - main0) / bodies.length : undefined;
      const client = process.cpuUsage(client0);
      const cpuPerRequest = cpu0 !== undefined && cpu1 !== undefined ? (cpu1 - cpu0) / bodies.length : undefined;
      // The clients' own CPU (this process: node:http, bench/http-client.ts): on a 2-core machine they take a core's share.
      const clientCpuPerRequest = (client.user + client.system) / 1000 / bodies.length;
      return { latencies: latencies.sort((a, b) => a - b), seconds, cpuPerRequest, mainCpuPerRequest, clientCpuPerRequest, threads };
    };
    // The limit: the same bodies from the same clients to a route that only parses and inserts,
    // in a child process run the same way as the real server; idle while the server is measured.
    const limit = await startLimitServer();
    const rounds: { ours: Awaited<ReturnType<typeof load>>; bare: Awaited<ReturnType<typeof load>>; ratio: number }[] = [];
    try {
      await load(warmUp);
      await load(warmUp, limit.url, limit.pid);
      statuses.clear();
      for (let r = 0; r < ROUNDS; r++) {
        // Later rounds send reports of their own (new revisions, not replays of the first round's).
        const bodies = r === 0 ? requests : mixed(SUBMISSIONS, SUBMISSIONS + WARM_UP + (r - 1) * SUBMISSIONS);
        const ours = await load(bodies);
        const bare = await load(bodies, limit.url, limit.pid);
        rounds.push({ ours, bare, ratio: bare.seconds / ours.seconds });
      }
    } finally {
      await limit.close();
    }
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
    const { latencies, seconds, cpuPerRequest, mainCpuPerRequest, clientCpuPerRequest, threads } = median.ours;
    const limitRun = median.bare;

    const url = `${server.url}/api/consolidation?planId=${catalogue.planId}&period=2026-Q1&kind=indicators`;
    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      const body = (await res.json()) as { summary: { expected: number; submitted: number }; indicators: { unitIndexes: unknown[] }[] }; // packed (src/core/consolidation-sheet/wire.ts)
      if (i > 0) times.push(performance.now() - t0); // the first run warms up
      const values = body.indicators.reduce((n, i) => n + i.unitIndexes.length, 0);
      summary = `${body.summary.submitted}/${body.summary.expected} units reporting, ${body.indicators.length} indicators, ${values} unit values`;
    }
    times.sort((a, b) => a - b);

    const limitRate = requests.length / limitRun.seconds;
    const values = maker.indicatorUnits.reduce((n, u) => n + maker.indicatorCount(u), 0);
    console.log(`\n${target.kind === 'sqlite' ? 'SQLite (WAL)' : 'PostgreSQL'}`);
    const answered = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${n} × ${status}`).join(', ');
    const cpu = (x: number | undefined, main: number | undefined) =>
      x === undefined ? '' : `, server CPU ${x.toFixed(2)} ms/request${main === undefined ? '' : ` (its JavaScript thread ${main.toFixed(2)})`}`;
    const rate = requests.length / seconds;
    const lat = (l: readonly number[]) => `p50 ${ms(quantile(l, 0.5))}, p90 ${ms(quantile(l, 0.9))}, p99 ${ms(quantile(l, 0.99))}, max ${ms(l[l.length - 1])}`;
    console.log(`  submissions:    ${ROUNDS} rounds of ${requests.length} by ${CLIENTS} concurrent clients after ${WARM_UP} warm-up ones: ${answered} (200: the same content again, stored once)`);
    console.log(`  rounds:         ratios of rates ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')} (the server, then the limit, in turn); the median round's figures below`);
    if (firstRefusal) console.log(`  first refusal:  ${firstRefusal}`);
    console.log(`  throughput:     ${rate.toFixed(0)} submissions/s${cpu(cpuPerRequest, mainCpuPerRequest)} (the clients: ${clientCpuPerRequest.toFixed(2)} ms/request)`);
    console.log(`  latency:        ${lat(latencies)}`);
    const byThread = (list: readonly (readonly [string, number])[]) => list.map(([name, x]) => `${name} ${x.toFixed(3)}`).join(', ');
    if (threads.length) console.log(`  server threads: ${byThread(threads)} (ms/request)`);
    console.log(`  limit:          ${limitRate.toFixed(0)} submissions/s${cpu(limitRun.cpuPerRequest, limitRun.mainCpuPerRequest)} (the clients: ${limitRun.clientCpuPerRequest.toFixed(2)} ms/request) for Fastify parsing the body + one better-sqlite3 insert`);
    console.log(`  limit latency:  ${lat(limitRun.latencies)}`);
    if (limitRun.threads.length) console.log(`  limit threads:  ${byThread(limitRun.threads)} (ms/request)`);
    const cpuRatio = cpuPerRequest && limitRun.cpuPerRequest ? `; by server CPU per request ${(limitRun.cpuPerRequest / cpuPerRequest).toFixed(2)}` : '';
    // The tail beside the limit's, measured the same way in the same round: what the machine allows (docs/performance.md, eighth pass).
    const tail = `; p99 ${(quantile(latencies, 0.99) / quantile(limitRun.latencies, 0.99)).toFixed(1)} times the limit's`;
    console.log(`  ratio:          ${(rate / limitRate).toFixed(2)} of the limit's rate${cpuRatio}${tail}`);
    // The most these CPU costs allow here, whatever the code's shape: the JavaScript thread answers
    // at most 1/(its ms) a second, and all CPUs, which the clients share, at most CPUs/(server + clients).
    if (cpuPerRequest !== undefined && mainCpuPerRequest !== undefined) {
      const cpus = os.cpus().length;
      const byThread = 1000 / mainCpuPerRequest;
      const byCpus = (1000 * cpus) / (cpuPerRequest + clientCpuPerRequest);
      console.log(`  ceilings:       ${byThread.toFixed(0)}/s by the JavaScript thread, ${byCpus.toFixed(0)}/s by ${cpus} CPUs shared with the clients: at most ${(Math.min(byThread, byCpus) / limitRate).toFixed(2)} of the limit's rate at this CPU per request, ${(byCpus / limitRate).toFixed(2)} were work moved off the JavaScript thread at no cost`);
    }
    console.log(`  load average:   ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min; ${os.cpus().length} CPUs shared with whatever else runs)`);
    console.log(`  consolidation:  ${ms(quantile(times, 0.5))} median of ${times.length} (${UNITS} units, ${summary}; ${values} values stored)`);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  console.log(`Reporting server benchmark – Node ${process.version}, ${os.cpus().length} CPUs, loopback HTTP, ${catalogue.planId}`);
  if (process.env.BENCH_WITHOUT) console.log(`A measuring build WITHOUT ${process.env.BENCH_WITHOUT} (bench/build-without.mjs): not the product's figures`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-server-'));
  try {
    await run({ kind: 'sqlite', dataDir });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.log('\nPostgreSQL: skipped (set TEST_DATABASE_URL=postgres://…)');
    return;
  }
  const target: Target = { kind: 'postgres', url, schema: uniqueName('bench') };
  try {
    await run(target);
  } finally {
    await dropTarget(target);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
