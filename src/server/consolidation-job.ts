// What one period's consolidation is computed from, gathered by the route from the database, as plain
// data: the JSON and CSV answers compute it on the event loop, the .xlsx export in a worker thread
// (src/server/workers; docs/architecture.md "Worker threads") – the same function either way, so both
// give the same consolidation.
import type { Catalogue, Unit } from '../core/catalogue-types';
import type { Period } from '../core/periods';
import type { Assignments } from './assignments';
import { consolidateIndicators, consolidateTasks, type Consolidation, type StoredReport } from './consolidation';
import type { Kind } from './repositories/submissions';

/** A stored report with its content still the JSON text the database holds. */
export type StoredReportText = Omit<StoredReport, 'content'> & { readonly contentText: string };

export interface ConsolidationJob {
  readonly catalogue: Catalogue;
  readonly units: readonly Unit[];
  readonly assignments: Assignments;
  readonly stored: readonly StoredReportText[];
  readonly kind: Kind;
  readonly period: Period;
  /** Tasks: the ids the caller may see (a monitoring agency's consolidator); null = every task. */
  readonly visibleTaskIds: readonly string[] | null;
  readonly header: { readonly planId: string; readonly period: string; readonly generatedAt: string };
}

/**
 * The consolidation written out unit by unit (header, then the consolidation): what the CSV and the
 * .xlsx are drawn from, and the JSON answer for tasks (indicators travel packed: routes/consolidation.ts).
 * @example const body = consolidationBody(job); body.summary.completenessRate
 */
export function consolidationBody(job: ConsolidationJob) {
  const stored: StoredReport[] = job.stored.map(({ contentText, ...r }) => ({ ...r, content: JSON.parse(contentText) as StoredReport['content'] }));
  const { catalogue, units, assignments: a } = job;
  let result: Consolidation;
  if (job.kind === 'indicators') {
    result = { kind: 'indicators', ...consolidateIndicators(catalogue, units, a, stored, job.period) };
  } else {
    const visible = job.visibleTaskIds === null ? null : new Set(job.visibleTaskIds);
    result = { kind: 'tasks', ...consolidateTasks(catalogue, units, a, stored, (task) => visible === null || visible.has(task.id), job.period) };
  }
  return { ...job.header, ...result };
}
