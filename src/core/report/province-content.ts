// The consolidated report's content (docs/province-report.md): what Sở KH&CN reports to UBND tỉnh
// for a plan and period, taken from the period's two consolidations (indicators and tasks). It is
// the snapshot that is stored, hashed and approved, so it holds only data – names, figures and
// labels as printed – and never depends on the date it is rendered or on later changes of units.
import type { Group } from '../catalogue-types';

/** The part of one indicator's consolidation the report prints (the server's consolidation rows fit). */
export interface ConsolidatedIndicator {
  readonly id: string;
  readonly no: number;
  readonly group: string;
  readonly text: string;
  readonly targetText: string;
  readonly figureText: string;
  /** The evaluation code of the figure ('met', 'exceeded', 'notMet', 'noData', …). */
  readonly evaluation: string;
  readonly evaluationLabel: string;
  readonly expected: number;
  readonly reported: number;
  readonly provisional: boolean;
}

export interface ConsolidatedTaskUnit {
  readonly unitId: string;
  readonly name: string;
  readonly reportStatus: string;
  readonly deadlineState: string;
  readonly obstacles: string | null;
  readonly proposal: string | null;
}

export interface ConsolidatedTask {
  readonly id: string;
  readonly no: number | null;
  readonly group: string;
  readonly text: string;
  readonly deadlineText: string | null;
  readonly units: readonly ConsolidatedTaskUnit[];
}

export interface ConsolidatedUnit {
  readonly unitId: string;
  readonly name: string;
  readonly status: string; // 'submitted' | 'approved' | 'returned' | 'missing'
  readonly late: boolean | null;
  readonly submittedAt: string | null;
  readonly provinceState?: string | null;
}

export interface ProvinceReportInput {
  readonly planId: string;
  readonly period: string;
  readonly indicatorGroups: readonly Group[];
  readonly taskGroups: readonly Group[];
  readonly indicators: { readonly indicators: readonly ConsolidatedIndicator[]; readonly units: readonly ConsolidatedUnit[] };
  readonly tasks: { readonly tasks: readonly ConsolidatedTask[]; readonly units: readonly ConsolidatedUnit[] };
  /** What the consolidator writes for next period; generated from what is not yet met when empty. */
  readonly priorities?: readonly string[];
}

export interface ReportingCounts {
  readonly expected: number;
  readonly received: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** Approved by the unit's head. */
  readonly approved: number;
  /** Accepted by the province. */
  readonly accepted: number;
}

export interface ProvinceIndicatorLine {
  readonly id: string;
  readonly no: number;
  readonly group: string;
  readonly text: string;
  readonly targetText: string;
  readonly figureText: string;
  readonly evaluation: string;
  readonly evaluationLabel: string;
  readonly expected: number;
  readonly reported: number;
  readonly provisional: boolean;
}

export interface ProvinceTaskGroupLine {
  readonly group: string;
  readonly title: string;
  readonly total: number;
  readonly done: number;
  readonly overdue: number;
}

export interface OverdueTask {
  readonly no: number | null;
  readonly text: string;
  readonly deadlineText: string | null;
  /** Lead units that have not completed it, past its deadline. */
  readonly units: readonly string[];
}

/** A unit's report of one kind: not expected of it, missing, late, or on time. */
export type ReportState = 'notExpected' | 'missing' | 'late' | 'onTime';

/** A unit that has not reported, or reported late, one of its two reports (one row per unit). */
export interface LateUnit {
  readonly name: string;
  readonly indicators: ReportState;
  readonly tasks: ReportState;
}

/** A difficulty or proposal of a unit, attributed and grouped by the plan's task group. */
export interface UnitRemark {
  readonly group: string;
  readonly groupTitle: string;
  readonly unit: string;
  readonly task: string;
  readonly text: string;
}

export interface ProvinceReportContent {
  readonly version: 1;
  readonly planId: string;
  readonly period: string;
  readonly reporting: { readonly indicators: ReportingCounts; readonly tasks: ReportingCounts };
  readonly indicatorGroups: readonly Group[];
  readonly indicators: readonly ProvinceIndicatorLine[];
  readonly indicatorCounts: { readonly total: number; readonly met: number; readonly notMet: number; readonly noData: number; readonly provisional: number };
  readonly taskGroups: readonly ProvinceTaskGroupLine[];
  readonly taskCounts: { readonly total: number; readonly done: number; readonly overdue: number };
  readonly overdueTasks: readonly OverdueTask[];
  readonly lateUnits: readonly LateUnit[];
  readonly difficulties: readonly UnitRemark[];
  readonly proposals: readonly UnitRemark[];
  readonly priorities: readonly string[];
}

const MET = new Set(['met', 'exceeded', 'reachedEarly']);

function reporting(units: readonly ConsolidatedUnit[]): ReportingCounts {
  const received = units.filter((u) => u.status !== 'missing');
  return {
    expected: units.length,
    received: received.length,
    onTime: received.filter((u) => u.late === false).length,
    late: received.filter((u) => u.late === true).length,
    missing: units.length - received.length,
    approved: units.filter((u) => u.status === 'approved').length,
    accepted: units.filter((u) => u.provinceState === 'accepted').length,
  };
}

const taskLabel = (t: { no: number | null; text: string }): string => {
  if (t.no !== null) return `Nhiệm vụ ${t.no}`;
  const words = t.text.split(/\s+/u);
  return `Nhiệm vụ "${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}"`;
};

const clean = (s: string | null): string | null => {
  const t = s?.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return t ? t : null;
};

/**
 * The consolidated report's content for a plan and period.
 * @example provinceReportContent(input).reporting.indicators // { expected: 160, received: 150, … }
 */
export function provinceReportContent(input: ProvinceReportInput): ProvinceReportContent {
  const indicators: ProvinceIndicatorLine[] = input.indicators.indicators.map((i) => ({
    id: i.id, no: i.no, group: i.group, text: i.text, targetText: i.targetText, figureText: i.figureText,
    evaluation: i.evaluation, evaluationLabel: i.evaluationLabel, expected: i.expected, reported: i.reported, provisional: i.provisional,
  }));
  const met = indicators.filter((i) => MET.has(i.evaluation)).length;
  const noData = indicators.filter((i) => i.evaluation === 'noData').length;

  const groupTitle = new Map(input.taskGroups.map((g) => [g.id, g.title]));
  const taskGroups: ProvinceTaskGroupLine[] = input.taskGroups.map((g) => {
    const tasks = input.tasks.tasks.filter((t) => t.group === g.id);
    return {
      group: g.id, title: g.title, total: tasks.length,
      done: tasks.filter((t) => t.units.length > 0 && t.units.every((u) => u.deadlineState === 'done')).length,
      overdue: tasks.filter((t) => t.units.some((u) => u.deadlineState === 'overdue')).length,
    };
  }).filter((g) => g.total > 0);
  const overdueTasks: OverdueTask[] = input.tasks.tasks
    .filter((t) => t.units.some((u) => u.deadlineState === 'overdue'))
    .map((t) => ({ no: t.no, text: t.text, deadlineText: t.deadlineText, units: t.units.filter((u) => u.deadlineState === 'overdue').map((u) => u.name) }));

  const stateOf = (u: ConsolidatedUnit | undefined): ReportState =>
    u === undefined ? 'notExpected' : u.status === 'missing' ? 'missing' : u.late === true ? 'late' : 'onTime';
  const byKind = { indicators: new Map(input.indicators.units.map((u) => [u.unitId, u])), tasks: new Map(input.tasks.units.map((u) => [u.unitId, u])) };
  const names = new Map([...input.indicators.units, ...input.tasks.units].map((u) => [u.unitId, u.name]));
  const lateUnits: LateUnit[] = [...names]
    .map(([id, name]) => ({ name, indicators: stateOf(byKind.indicators.get(id)), tasks: stateOf(byKind.tasks.get(id)) }))
    .filter((u) => [u.indicators, u.tasks].some((st) => st === 'missing' || st === 'late'))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  const remarks = (field: 'obstacles' | 'proposal'): UnitRemark[] =>
    input.tasks.tasks.flatMap((t) => t.units.flatMap((u) => {
      const text = clean(u[field]);
      return text ? [{ group: t.group, groupTitle: groupTitle.get(t.group) ?? t.group, unit: u.name, task: taskLabel(t), text }] : [];
    }));

  const priorities = (input.priorities ?? []).map((p) => clean(p)).filter((p): p is string => p !== null);
  const notMet = indicators.filter((i) => !MET.has(i.evaluation) && i.evaluation !== 'noData');
  return {
    version: 1,
    planId: input.planId,
    period: input.period,
    reporting: { indicators: reporting(input.indicators.units), tasks: reporting(input.tasks.units) },
    indicatorGroups: input.indicatorGroups.filter((g) => indicators.some((i) => i.group === g.id)),
    indicators,
    indicatorCounts: { total: indicators.length, met, notMet: indicators.length - met - noData, noData, provisional: indicators.filter((i) => i.provisional).length },
    taskGroups,
    taskCounts: {
      total: taskGroups.reduce((n, g) => n + g.total, 0),
      done: taskGroups.reduce((n, g) => n + g.done, 0),
      overdue: overdueTasks.length,
    },
    overdueTasks,
    lateUnits,
    difficulties: remarks('obstacles'),
    proposals: remarks('proposal'),
    priorities: priorities.length > 0 ? priorities : defaultPriorities(notMet.length, noData, overdueTasks.length, lateUnits.length),
  };
}

/** What next period must attend to, when the consolidator has not written it. */
function defaultPriorities(notMet: number, noData: number, overdue: number, late: number): string[] {
  const out: string[] = [];
  if (notMet > 0) out.push(`Tập trung chỉ đạo thực hiện ${notMet} chỉ tiêu chưa đạt mục tiêu năm; các cơ quan chủ trì xây dựng giải pháp cụ thể cho từng chỉ tiêu.`);
  if (noData > 0) out.push(`Đôn đốc các cơ quan, đơn vị cung cấp số liệu cho ${noData} chỉ tiêu chưa có số liệu.`);
  if (overdue > 0) out.push(`Đôn đốc hoàn thành ${overdue} nhiệm vụ đã quá thời hạn; các đơn vị chủ trì báo cáo rõ nguyên nhân và thời gian hoàn thành.`);
  if (late > 0) out.push('Đôn đốc các cơ quan, đơn vị chưa báo cáo hoặc báo cáo muộn thực hiện đúng chế độ báo cáo định kỳ.');
  out.push('Tiếp tục triển khai các nhiệm vụ của Kế hoạch theo đúng tiến độ; tổng hợp, báo cáo kết quả kỳ tiếp theo đúng thời hạn.');
  return out;
}
