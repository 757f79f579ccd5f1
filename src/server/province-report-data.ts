// The consolidated report's content for a plan and period, from the same consolidations the
// consolidator sees (consolidation.ts over the latest revisions, with the province's marks). Tasks
// are judged on the period's cut-off, the report's one reference date.
import type { Kysely } from 'kysely';
import type { Catalogue } from '../core/catalogue-types';
import { parsePeriod } from '../core/periods';
import { provinceReportContent, type ProvinceReportContent } from '../core/report';
import { consolidateIndicators, consolidateTasks } from './consolidation';
import type { Database } from './db/schema';
import { effectiveAssignments } from './effective-assignments';
import { sha256Hex } from './hash';
import { provinceMarks } from './repositories/acceptance';
import { latestRows, type Kind } from './repositories/submissions';
import { listUnits } from './repositories/units';

async function stored(db: Kysely<Database>, planId: string, period: string, kind: Kind) {
  const marks = await provinceMarks(db, planId, period, kind);
  return (await latestRows(db, planId, period, kind)).map((r) => ({ ...r, provinceState: marks.get(r.unitId)?.provinceState ?? null }));
}

/** The content and its hash (sha256 of its JSON, which is built in a fixed order). */
export async function provinceContent(
  db: Kysely<Database>, catalogue: Catalogue, period: string, priorities?: readonly string[],
): Promise<{ content: ProvinceReportContent; contentHash: string }> {
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw new Error(`provinceContent: unreadable period ${period}`);
  const units = await listUnits(db);
  const a = await effectiveAssignments(db, catalogue, units);
  const indicators = consolidateIndicators(catalogue, units, a, await stored(db, catalogue.planId, period, 'indicators'), parsed.value);
  const tasks = consolidateTasks(catalogue, units, a, await stored(db, catalogue.planId, period, 'tasks'), () => true, parsed.value);
  const content = provinceReportContent({
    planId: catalogue.planId, period, indicatorGroups: catalogue.indicatorGroups, taskGroups: catalogue.taskGroups,
    indicators, tasks, priorities,
  });
  return { content, contentHash: sha256Hex(JSON.stringify(content)) };
}
