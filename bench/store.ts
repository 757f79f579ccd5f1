// `npm run bench:store`: a submission's own work in one process, without HTTP, on SQLite – the
// domain's checks (validate, canonical rows, hash, evaluations, compact rows) and the storing
// transaction (createRevision, grouped as under load) timed apart, in CPU time per submission.
// bench:server measures the whole request against the stack's limit; this one shows where a
// submission's time goes and is steady enough to compare two versions of one part (each figure
// is the median of five rounds, after a warm-up round).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalogue } from '../src/core/catalogue-types';
import type { SubmissionRequest } from '../src/core/schemas';
import { connect } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { unitAssignment } from '../src/server/effective-assignments';
import { syncCatalogueUnits } from '../src/server/repositories/units';
import { createRevision, type NewRevision } from '../src/server/repositories/submissions';
import { revisionOf } from '../src/server/store-submission';
import { createUser } from '../src/server/repositories/users';
import { mainThreadCpuMs, processCpuMs } from './proc-cpu';
import { reportMaker } from './reports';

const ROUND = Number(process.env.BENCH_ROUND) || 2000;
const ROUNDS = 5;
/** Submissions started together: what reaches the server in one turn of its event loop under bench:server's load. */
const GROUP = 25;
const PERIODS = ['2026-H1', '2026-9M', '2026-Y'];

const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '../seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
/** CPU ms of this process, all threads (process.cpuUsage: microseconds, where /proc counts 10 ms ticks). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Those beside the JavaScript thread (checkpoints, the collector's helpers): only /proc tells them apart. */
const otherThreadsMs = () => (processCpuMs(process.pid) ?? NaN) - (mainThreadCpuMs(process.pid) ?? NaN);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  const db = connect({ sqliteFile: path.join(dir, 'reporting.sqlite'), backgroundCheckpoints: {} });
  try {
    await migrateToLatest(db);
    await syncCatalogueUnits(db.kysely, catalogue, new Date().toISOString());
    const user = await createUser(db.kysely, { username: 'bench.clerk', passwordHash: 'x' }, 'bench');
    if (!user.ok) throw new Error(user.message);
    const maker = reportMaker(catalogue, catalogue.units);
    const units = new Map(catalogue.units.map((u) => [u.id, u]));
    let seed = 0;
    const bodies = (n: number): SubmissionRequest[] =>
      Array.from({ length: n }, () => {
        const i = seed++;
        const kind = i % 3 === 2 ? 'tasks' : 'indicators';
        const pool = kind === 'tasks' ? maker.taskUnits : maker.indicatorUnits;
        return maker.make(pool[i % pool.length], PERIODS[i % PERIODS.length], kind, i) as SubmissionRequest;
      });

    /** The domain's part of storeSubmission, as it runs before the transaction. */
    const prepare = async (body: SubmissionRequest): Promise<NewRevision> => {
      const assigned = (await unitAssignment(db.kysely, catalogue, units.get(body.unitId)!))[body.kind];
      const prepared = revisionOf(catalogue, body, assigned, { userId: user.value.id, now: new Date() });
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
      return prepared.revision;
    };

    const round = async () => {
      const input = bodies(ROUND);
      const t0 = cpuMs();
      const prepared: NewRevision[] = [];
      for (const body of input) prepared.push(await prepare(body));
      const t1 = cpuMs();
      const o1 = otherThreadsMs();
      for (let i = 0; i < prepared.length; i += GROUP) {
        const outcomes = await Promise.all(prepared.slice(i, i + GROUP).map((p) => createRevision(db.kysely, p)));
        const refused = outcomes.find((o) => o.kind !== 'created' && o.kind !== 'replayed');
        if (refused) throw new Error(`not stored: ${refused.kind}`);
      }
      const t2 = cpuMs();
      const o2 = otherThreadsMs();
      return { domain: (1000 * (t1 - t0)) / ROUND, store: (1000 * (t2 - t1)) / ROUND, others: (1000 * (o2 - o1)) / ROUND };
    };

    await round(); // warm-up: the JIT, SQLite's caches
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(await round());
    const domain = median(rounds.map((r) => r.domain));
    const store = median(rounds.map((r) => r.store));
    const others = median(rounds.map((r) => r.others));
    console.log(`Storing submissions in process – Node ${process.version}, SQLite, ${ROUND} submissions a round (groups of ${GROUP}), median of ${ROUNDS} rounds`);
    console.log(`  the domain's checks: ${domain.toFixed(1)} µs CPU per submission (validate, canonical rows, hash, evaluations, compact rows)`);
    console.log(`  the transaction:     ${store.toFixed(1)} µs CPU per submission (createRevision, group commit), of which ${others.toFixed(1)} µs in other threads (the checkpoint thread, the collector's helpers)`);
    await db.close(); // folds the log into the file
    const size = fs.statSync(path.join(dir, 'reporting.sqlite')).size;
    console.log(`  the file:            ${(size / 1024 / 1024).toFixed(1)} MB after ${ROUND * (ROUNDS + 1)} submissions (${Math.round(size / (ROUND * (ROUNDS + 1)))} bytes each)`);
  } finally {
    if (db.sqlite?.open) await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
