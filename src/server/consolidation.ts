// One period's consolidation (docs/domain.md §5, DHIS2's reporting rate and reports on time): per
// indicator the province figure by its aggregation rule with each unit's value, or per task each
// lead unit's progress; per unit whether it submitted, was approved, returned or is missing.
// Values of returned reports are shown but left out of the province figure: they await correction.
import type { Catalogue, Indicator, Task, Unit } from '../core/catalogue-types';
import { aggregate, figureText, type UnitReport } from '../core/aggregate';
import { assessmentLabel, assessMeasure, assessValue, contributionText } from '../core/assessment';
import { taskStateInPeriod } from '../core/deadline';
import { evaluateValue } from '../core/evaluate';
import { formatCount } from '../core/numbers';
import { closesYear, periodWording, type Period } from '../core/periods';
import type { ParsedValue } from '../core/values';
import type { Assignments } from './assignments';
import type { Kind, Status } from './repositories/submissions';

export interface StoredReport {
  readonly unitId: string;
  readonly status: Status;
  readonly revision: number;
  readonly late: boolean;
  readonly submittedAt: string;
  readonly content: { readonly rows: readonly unknown[] };
  /** What the province did with it: accepted, or sent back (reopened); absent when neither. */
  readonly provinceState?: 'accepted' | 'reopened' | null;
}

type IndicatorRow = { id: string; value: ParsedValue | null; note: string | null };
type TaskRow = { id: string; status: string | null; progress: number | null; result: string | null; obstacles: string | null; proposal: string | null; completedOn: string | null };

export interface UnitCompleteness {
  readonly unitId: string;
  readonly name: string;
  readonly status: Status | 'missing';
  readonly revision: number | null;
  /** null while missing. */
  readonly late: boolean | null;
  readonly submittedAt: string | null;
  /** The province's mark: 'accepted', 'reopened' (sent back for correction) or null. */
  readonly provinceState: 'accepted' | 'reopened' | null;
}

function completeness(expected: readonly Unit[], reports: ReadonlyMap<string, StoredReport>) {
  const units: UnitCompleteness[] = expected.map((u) => {
    const r = reports.get(u.id);
    return r
      ? { unitId: u.id, name: u.name, status: r.status, revision: r.revision, late: r.late, submittedAt: r.submittedAt, provinceState: r.provinceState ?? null }
      : { unitId: u.id, name: u.name, status: 'missing', revision: null, late: null, submittedAt: null, provinceState: null };
  });
  const n = (status: UnitCompleteness['status']) => units.filter((u) => u.status === status).length;
  const received = units.length - n('missing');
  const onTime = units.filter((u) => u.late === false).length;
  const rate = (x: number, of: number) => (of === 0 ? null : Math.round((x * 10000) / of) / 100);
  return {
    units,
    summary: {
      expected: units.length, submitted: n('submitted'), approved: n('approved'), returned: n('returned'), missing: n('missing'),
      onTime, late: received - onTime,
      /** Reports received ÷ reports expected, in percent. */
      completenessRate: rate(received, units.length),
      /** Reports received by the deadline ÷ reports expected, in percent. */
      onTimeRate: rate(onTime, units.length),
    },
  };
}

/**
 * The indicators of one period: the province figure of each (docs/figures.md: over the units that
 * reported, provisional with its completeness), assessed as progress before the year's report and
 * finally in it; each unit's value judged only where the target applies to it. Yearly-only
 * indicators are left out before the year's report.
 */
export function consolidateIndicators(
  catalogue: Catalogue, units: readonly Unit[], a: Assignments, stored: readonly StoredReport[], period: Period,
) {
  const reports = new Map(stored.map((r) => [r.unitId, r]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rowsOf = (r: StoredReport) => new Map((r.content.rows as IndicatorRow[]).map((row) => [row.id, row]));
  const rowMaps = new Map(stored.map((r) => [r.unitId, rowsOf(r)]));
  const inPeriod = catalogue.indicators.filter((i) => !i.yearlyOnly || closesYear(period));
  const indicators = inPeriod.map((indicator: Indicator) => {
    const expected = a.indicatorUnits.get(indicator.id) ?? [];
    const counted: UnitReport[] = [];
    const unitValues = [];
    // The words and judgements of a value depend only on the value (for this indicator and period):
    // thousands of communes give a few hundred distinct values, each worded and judged once.
    const judged = new Map<string, { display: string; evaluation: ReturnType<typeof evaluateValue>; assessment: string }>();
    const judge = (value: ParsedValue | null) => {
      const key = JSON.stringify(value);
      let j = judged.get(key);
      if (!j) {
        j = { display: contributionText(value), evaluation: evaluateValue(indicator.target, value), assessment: assessmentLabel(assessValue(indicator, value, period)) };
        judged.set(key, j);
      }
      return j;
    };
    for (const unitId of expected) {
      const report = reports.get(unitId);
      const row = rowMaps.get(unitId)?.get(indicator.id);
      const value = row?.value ?? null;
      if (report && report.status !== 'returned') counted.push({ unitId, value });
      const j = report && row ? judge(value) : null;
      unitValues.push({
        unitId, name: names.get(unitId) ?? unitId, status: report?.status ?? 'missing',
        value, display: j?.display ?? null, note: row?.note ?? null,
        evaluation: j?.evaluation ?? null,
        assessment: j?.assessment ?? null,
      });
    }
    const agg = aggregate(indicator, expected, counted);
    const province = assessMeasure(indicator, 'province', null, period, agg.evaluation);
    return {
      id: indicator.id, no: indicator.no, group: indicator.group, text: indicator.text, targetText: indicator.targetText,
      rule: agg.rule, figure: agg.figure, figureText: figureText(agg.figure), evaluation: agg.evaluation,
      evaluationLabel: assessmentLabel(province.kind === 'progress' ? { ...province, ofTarget: ofTargetOf(agg.figure, indicator) } : province),
      expected: agg.expected, reported: agg.reported, provisional: agg.provisional,
      completeness: `${formatCount(agg.reported)}/${formatCount(agg.expected)} đơn vị đã báo cáo`,
      periodText: `Số liệu ${periodWording(indicator.measure, period)}`,
      units: unitValues,
    };
  });
  // One set of every unit some indicator of the period expects: a lookup per unit, not a scan of
  // every indicator's list (3,400 units × 50 lists at the national scale, bench/consolidation.ts).
  const expectedIds = new Set(inPeriod.flatMap((i) => a.indicatorUnits.get(i.id) ?? []));
  const expectedUnits = units.filter((u) => expectedIds.has(u.id));
  return { indicators, ...completeness(expectedUnits, reports) };
}

/** How far a province figure is towards the year's target, for the progress wording. */
function ofTargetOf(figure: ReturnType<typeof aggregate>['figure'], indicator: Indicator): number | null {
  const percent = figure.kind === 'percent' ? figure.percent
    : figure.kind === 'single' && figure.value && (figure.value.kind === 'rate' || figure.value.kind === 'countPair')
      ? (figure.value.kind === 'rate' ? figure.value.percent : figure.value.denominator === 0 ? null : (figure.value.numerator * 100) / figure.value.denominator)
      : null;
  if (percent === null) return null;
  const a = assessMeasure(indicator, 'province', { kind: 'percent', percent }, { code: 'Q1' });
  return a.kind === 'progress' ? a.ofTarget : null;
}

/**
 * The tasks of one period, judged at its cut-off (the year's report judges every deadline of its
 * year); a lead unit without a status is "Chưa báo cáo", never also overdue.
 */
export function consolidateTasks(
  catalogue: Catalogue, units: readonly Unit[], a: Assignments, stored: readonly StoredReport[],
  visibleTasks: (task: Task) => boolean, period: Period,
) {
  const reports = new Map(stored.map((r) => [r.unitId, r]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rowMaps = new Map(stored.map((r) => [r.unitId, new Map((r.content.rows as TaskRow[]).map((row) => [row.id, row]))]));
  const tasks = catalogue.tasks.filter(visibleTasks).map((task) => {
    const leads = a.taskUnits.get(task.id) ?? [];
    const unitRows = leads.map((unitId) => {
      const row = rowMaps.get(unitId)?.get(task.id);
      const status = row?.status ?? null;
      return {
        unitId, name: names.get(unitId) ?? unitId, reportStatus: reports.get(unitId)?.status ?? 'missing',
        status, progress: row?.progress ?? null, result: row?.result ?? null, obstacles: row?.obstacles ?? null,
        proposal: row?.proposal ?? null, completedOn: row?.completedOn ?? null,
        deadlineState: status === null ? 'notReported' : taskStateInPeriod(task.deadline, status === 'done', period),
      };
    });
    const count = (s: string | null) => unitRows.filter((r) => r.status === s).length;
    return {
      id: task.id, no: task.no, group: task.group, text: task.text, deadlineText: task.deadlineText,
      monitors: a.taskMonitors.get(task.id) ?? [], leads: leads.length,
      done: count('done'), onTrack: count('onTrack'), late: count('late'), notStarted: count('notStarted'),
      notReported: count(null), overdue: unitRows.filter((r) => r.deadlineState === 'overdue').length, units: unitRows,
    };
  });
  const leadIds = new Set(tasks.flatMap((t) => t.units.map((u) => u.unitId)));
  return { tasks, ...completeness(units.filter((u) => leadIds.has(u.id)), reports) };
}

export type Consolidation =
  | ({ readonly kind: 'indicators' } & ReturnType<typeof consolidateIndicators>)
  | ({ readonly kind: 'tasks' } & ReturnType<typeof consolidateTasks>);

export type { Kind };
