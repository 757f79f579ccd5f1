import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../src/core/catalogue-types';
import type { SubmissionRequest } from '../src/core/schemas';
import { assignedIds, assignmentsOf } from '../src/server/assignments';
import { revisionOf } from '../src/server/store-submission';
import { reportMaker } from './reports';
const catalogue = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const maker = reportMaker(catalogue, catalogue.units);
const PERIODS = ['2026-H1', '2026-9M', '2026-Y'];
const bodies: SubmissionRequest[] = [];
for (let i = 0; i < 3000; i++) { const kind = i % 3 === 2 ? 'tasks' : 'indicators'; const pool = kind === 'tasks' ? maker.taskUnits : maker.indicatorUnits; bodies.push(maker.make(pool[i % pool.length], PERIODS[i % 3], kind, i) as SubmissionRequest); }
const units = new Map(catalogue.units.map((u) => [u.id, u]));
const assigned = bodies.map((b) => assignedIds(assignmentsOf(catalogue, [units.get(b.unitId)!], []), b.kind, b.unitId));
const now = new Date();
for (let r = 0; r < 12; r++) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < bodies.length; i++) { const p = revisionOf(catalogue, bodies[i], assigned[i], { userId: 'u', now }); if (!p.ok) throw new Error('x'); }
  const u = process.cpuUsage(t0);
  if (r >= 2) console.log(((u.user + u.system) / bodies.length).toFixed(1), 'µs');
}
