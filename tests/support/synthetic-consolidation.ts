// A SYNTHETIC consolidation at the province's scale: the real catalogue's 19 agencies plus 141
// made-up communes (160 units), every unit reporting every indicator / task assigned to it, built
// through the server's own consolidation code. For the ≤ 3 syncs test and the bench – not plan data.
import { parsePeriod } from '../../src/core/periods';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, Indicator, Unit } from '../../src/core/catalogue-types';
import type { ConsolidationData } from '../../src/core/consolidation-sheet';
import type { ParsedValue } from '../../src/core/values';
import { assignmentsOf } from '../../src/server/assignments';
import { consolidateIndicators, consolidateTasks, type StoredReport } from '../../src/server/consolidation';

export const realCatalogue = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', 'nghe-an-1174-2026.json'), 'utf8')) as Catalogue;

/** `total` units expected to report indicators: the catalogue's agencies that report any, then communes. */
export function syntheticUnits(catalogue: Catalogue, total = 160): Unit[] {
  const agencies = assignmentsOf(catalogue, catalogue.units);
  const reporting = catalogue.units.filter((u) => [...agencies.indicatorUnits.values()].some((ids) => ids.includes(u.id))).length;
  const communes = Array.from({ length: total - reporting }, (_, k): Unit => ({
    id: `xa-thu-${String(k + 1).padStart(3, '0')}`, name: `Xã Thử ${k + 1}`, classes: ['cap-xa'], level: 'commune',
  }));
  return [...catalogue.units, ...communes];
}

/** A plausible value per reporting form, varied by the unit's index so figures differ. */
function valueFor(i: Indicator, k: number): ParsedValue {
  switch (i.form.kind) {
    case 'rate': return { kind: 'rate', percent: 50 + (k % 50) };
    case 'countPair': return { kind: 'countPair', numerator: 10 + (k % 20), denominator: 40 };
    case 'yesNo': return { kind: 'yesNo', yes: k % 3 !== 0 };
    case 'status': return { kind: 'status', status: k % 2 === 0 ? 'done' : 'inProgress' };
    case 'applied': return { kind: 'applied', applied: true, description: 'Đã ứng dụng' };
  }
}

const STATUSES = ['submitted', 'approved', 'returned'] as const;
const TASK_STATUSES = ['done', 'onTrack', 'late', 'notStarted'] as const;

export interface SyntheticOptions {
  readonly units?: number;
  /** Every n-th unit has not reported (0: all reported). */
  readonly missingEvery?: number;
  readonly period?: string;
  /** Tasks: only those this monitoring agency oversees (what the server gives its consolidator). */
  readonly monitor?: string;
}

export function syntheticConsolidation(kind: 'indicators' | 'tasks', options: SyntheticOptions = {}): ConsolidationData {
  const catalogue = realCatalogue;
  const units = syntheticUnits(catalogue, options.units ?? 160);
  const a = assignmentsOf(catalogue, units);
  const stored: StoredReport[] = [];
  units.forEach((u, k) => {
    if (options.missingEvery && k % options.missingEvery === options.missingEvery - 1) return;
    const rows = kind === 'indicators'
      ? catalogue.indicators.filter((i) => a.indicatorUnits.get(i.id)?.includes(u.id)).map((i) => ({ id: i.id, value: valueFor(i, k), note: null }))
      : catalogue.tasks.filter((t) => a.taskUnits.get(t.id)?.includes(u.id)).map((t, j) => ({
        id: t.id, status: TASK_STATUSES[(k + j) % 4], progress: 50, result: null, obstacles: null, proposal: null, completedOn: null,
      }));
    if (rows.length === 0) return;
    stored.push({ unitId: u.id, status: STATUSES[k % 3], revision: 1, late: k % 5 === 0, submittedAt: '2026-03-16T02:00:00.000Z', content: { rows } });
  });
  const header = { planId: catalogue.planId, period: options.period ?? '2026-Q1', generatedAt: '2026-03-20T03:00:00.000Z' };
  const parsed = parsePeriod(header.period);
  if (!parsed.ok) throw new Error(`synthetic consolidation: bad period ${header.period}`);
  return kind === 'indicators'
    ? { ...header, kind, ...consolidateIndicators(catalogue, units, a, stored, parsed.value) }
    : { ...header, kind, ...consolidateTasks(catalogue, units, a, stored, (t) => !options.monitor || (a.taskMonitors.get(t.id) ?? []).includes(options.monitor), parsed.value) };
}
