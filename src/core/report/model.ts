// The report of one submission revision as a declarative document (types.ts), computed with the
// core engine: evaluations (evaluate.ts), task deadline states (deadline.ts), Vietnamese numbers
// (values.ts), period names (periods.ts). Source of truth: docs/domain.md §5–6 and Nghị định 30/2020.
//
// A report shows ONE submission – indicators or tasks – because an approval is bound to one
// revision's content hash; the other kind of the same unit and period is its own report.
import type { Catalogue, Indicator, Task, Unit } from '../catalogue-types';
import { assessmentLabel, assessValue, contributionText } from '../assessment';
import { taskStateInPeriod, type TaskDeadlineState } from '../deadline';
import { formatPercent } from '../numbers';
import { closesYear, parsePeriod, periodLabel, periodWording, type Period } from '../periods';
import { coordinatorOf } from '../units';
import { TASK_STATUS_LABELS } from '../values';
import type { IndicatorContentRow, ReportSubmission, TaskContentRow } from './source';
import type { EvaluationCounts, ReportBlock, ReportModel, ReportTable, TaskCounts } from './types';
import { placeDateLine, planAuthority, planSubject, signatureOf, unitForm, type PlanAuthority, type SigningAs } from './wording';

export interface ReportOptions {
  /** The report's date, ISO "YYYY-MM-DD" (Vietnam date). Deadlines are judged at the period's cut-off, not on it. */
  readonly date: string;
  /** The number the clerical office gives ("15"); left as "…" for them to fill in when absent. */
  readonly number?: string;
  readonly signingAs?: SigningAs;
  readonly signerName?: string;
}

export const DEADLINE_STATE_LABELS: Readonly<Record<TaskDeadlineState, string>> = {
  done: 'Đã hoàn thành',
  onTime: 'Trong hạn',
  overdue: 'Quá hạn',
  noFixedDate: 'Không có hạn cố định',
};

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * The report of one submission revision.
 * @example
 * buildReportModel(catalogue, reportSubmissionFrom(detail)!, unit, { date: '2026-01-05' }).header.placeDate
 * // 'Nghệ An, ngày 05 tháng 01 năm 2026'
 */
export function buildReportModel(catalogue: Catalogue, submission: ReportSubmission, unit: Unit, options: ReportOptions): ReportModel {
  const period = parsePeriod(submission.period);
  if (!period.ok) throw new Error(`buildReportModel: unreadable period ${submission.period}`);
  const doc = catalogue.document;
  const authority = planAuthority(doc);
  const label = lowerFirst(periodLabel(period.value));
  const form = unitForm(unit, authority);
  const self = form.kind.id === 'commune' ? `UBND ${lowerFirst(unit.name.trim())}` : unit.name;

  // A monitoring agency's extract (source.ts ReportExtract): its tasks only, said so at the top and in
  // every sentence that counts, and without signature or Nơi nhận – it is not the document the head approved.
  const extract = submission.kind === 'tasks' && submission.extract ? monitorNames(catalogue, submission.extract.monitorUnitIds) : null;
  const body: ReportBlock[] = [
    ...(extract ? [{ kind: 'paragraph' as const, text: extractNotice(extract, unit, submission.revision) }] : []),
    {
      kind: 'paragraph',
      text: `Thực hiện Kế hoạch số ${doc.number} ngày ${doc.issuedOn.split('-').reverse().join('/')} của ${doc.issuer} về ${lowerFirst(doc.title)}, ${self} báo cáo kết quả thực hiện ${label} như sau:`,
    },
  ];
  let indicators: EvaluationCounts | null = null;
  let tasks: TaskCounts | null = null;
  let proposals: string[] = [];
  let difficulties: string[] = [];
  let priorities: string[];
  if (submission.kind === 'indicators') {
    const part = indicatorPart(catalogue, submission.rows, period.value);
    indicators = part.counts;
    priorities = part.priorities;
    body.push(
      { kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (PHỤ LỤC 01)' },
      { kind: 'paragraph', text: indicatorSummary(part.counts) },
      { kind: 'table', table: part.table },
    );
  } else {
    const part = taskPart(catalogue, submission.rows, period.value);
    tasks = part.counts;
    proposals = part.proposals;
    difficulties = part.difficulties;
    priorities = part.priorities;
    body.push(
      { kind: 'heading', text: 'I. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ (PHỤ LỤC 02)' },
      { kind: 'paragraph', text: taskSummary(part.counts, extract ? 'extract' : 'report') },
      { kind: 'paragraph', text: `Thời hạn của nhiệm vụ được đánh giá ${periodWording('stock', period.value)} (ngày chốt số liệu của kỳ báo cáo).` },
      { kind: 'table', table: part.table },
    );
  }
  body.push({ kind: 'heading', text: 'II. KHÓ KHĂN, VƯỚNG MẮC' });
  body.push(...lines(difficulties, 'Đơn vị không có khó khăn, vướng mắc.'));
  body.push({ kind: 'heading', text: 'III. ĐỀ XUẤT, KIẾN NGHỊ' });
  body.push(...lines(proposals, 'Không có đề xuất, kiến nghị.'));
  body.push({ kind: 'heading', text: 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI' });
  body.push(...priorities.map((text, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${text}` })));
  body.push({
    kind: 'paragraph',
    text: extract
      ? `Trên đây là trích báo cáo kết quả thực hiện ${label} của ${self} (các nhiệm vụ do ${joinNames(extract)} theo dõi, tổng hợp)./.`
      : `Trên đây là báo cáo kết quả thực hiện ${label} của ${self}./.`,
  });

  return {
    binding: {
      submissionId: submission.submissionId, revision: submission.revision, contentHash: submission.contentHash,
      kind: submission.kind, unitId: submission.unitId, period: submission.period,
    },
    header: {
      parentAgency: form.parent, agency: form.agency, nationalTitle: NATIONAL_TITLE, motto: MOTTO,
      number: `Số: ${options.number?.trim() || '…'}/BC-${form.symbol}`,
      placeDate: placeDateLine(form.place, options.date),
    },
    title: extract ? 'TRÍCH BÁO CÁO' : 'BÁO CÁO',
    subject: planSubject('Kết quả thực hiện', doc, period.value) + (extract ? ` (các nhiệm vụ do ${joinNames(extract)} theo dõi, tổng hợp)` : ''),
    body,
    summary: { indicators, tasks },
    proposals,
    difficulties,
    signature: extract ? null : signatureOf(form.kind, options.signingAs ?? 'head', options.signerName),
    recipients: extract ? [] : recipientsOf(catalogue, submission, unit, form.symbol, authority),
    ...(extract ? { extract: { monitorNames: extract } } : {}),
  };
}

/** Bulleted lines of a section, or the sentence saying there are none. */
function lines(items: readonly string[], none: string): ReportBlock[] {
  return items.length === 0 ? [{ kind: 'paragraph', text: none }] : items.map((text) => ({ kind: 'paragraph' as const, text: `- ${text.replace(/[.;]\s*$/u, '')}.` }));
}

function byCatalogueOrder<T extends { id: string }, C extends { id: string }>(rows: readonly T[], items: readonly C[]): [C, T][] {
  const index = new Map(items.map((x, i) => [x.id, i]));
  const byId = new Map(items.map((x) => [x.id, x]));
  return rows
    .filter((r) => byId.has(r.id))
    .sort((a, b) => index.get(a.id)! - index.get(b.id)!)
    .map((r) => [byId.get(r.id)!, r]);
}

/** The target as printed, with its scope qualifier ("100% đối với các thủ tục đủ điều kiện"). */
function targetCell(indicator: Indicator): string {
  const t = indicator.target;
  const qualifier = (t.kind === 'atLeast' || t.kind === 'greaterThan') && t.qualifier ? t.qualifier : null;
  return qualifier && !indicator.targetText.includes(qualifier) ? `${indicator.targetText} ${qualifier}` : indicator.targetText;
}

function indicatorPart(catalogue: Catalogue, rows: readonly IndicatorContentRow[], period: Period): { counts: EvaluationCounts; table: ReportTable; priorities: string[] } {
  const counts = { total: 0, met: 0, exceeded: 0, notMet: 0, noData: 0, manual: 0, contribution: 0, final: closesYear(period) };
  const notMet: string[] = [];
  const noData: string[] = [];
  const body = byCatalogueOrder(rows, catalogue.indicators).map(([indicator, row]) => {
    const assessment = assessValue(indicator, row.value, period);
    const tt = indicator.tt ?? String(indicator.no);
    counts.total += 1;
    if (assessment.kind === 'contribution') counts[row.value === null ? 'noData' : 'contribution'] += 1;
    else counts[assessment.evaluation] += 1;
    if (row.value === null || (assessment.kind !== 'contribution' && assessment.evaluation === 'noData')) noData.push(tt);
    else if (assessment.kind !== 'contribution' && assessment.evaluation === 'notMet') notMet.push(tt);
    const result = contributionText(row.value) + (row.note ? ` (${row.note})` : '');
    const text = `${indicator.text} (số liệu ${periodWording(indicator.measure, period)})`;
    return [tt, text, targetCell(indicator), result, assessmentLabel(assessment)];
  });
  const goal = counts.final ? 'mục tiêu' : 'mục tiêu năm';
  const priorities = [
    ...(notMet.length > 0 ? [`Tập trung thực hiện để đạt ${goal} các chỉ tiêu chưa đạt: ${numbered(notMet)}.`] : []),
    ...(noData.length > 0 ? [`Thu thập, cập nhật số liệu các chỉ tiêu chưa có số liệu: ${numbered(noData)}.`] : []),
    'Tiếp tục theo dõi, cập nhật số liệu các chỉ tiêu và báo cáo đúng hạn kỳ tới.',
  ];
  return {
    priorities,
    counts,
    table: { columns: ['TT', 'Chỉ tiêu', `Mục tiêu ${catalogue.document.planYear}`, 'Kết quả', 'Đánh giá'], widths: [7, 42, 16, 21, 14], rows: body, centred: [0, 2, 4] },
  };
}

function taskPart(catalogue: Catalogue, rows: readonly TaskContentRow[], period: Period) {
  const counts = { total: 0, done: 0, onTime: 0, late: 0, overdue: 0, notStarted: 0, notReported: 0 };
  const proposals: string[] = [];
  const difficulties: string[] = [];
  const open: Record<'overdue' | 'late' | 'notStarted' | 'notReported', string[]> = { overdue: [], late: [], notStarted: [], notReported: [] };
  const body = byCatalogueOrder(rows, catalogue.tasks).map(([task, row]) => {
    // A row without a status is "Chưa báo cáo" – never also "Quá hạn".
    const state = row.status === null ? null : taskStateInPeriod(task.deadline, row.status === 'done', period);
    counts.total += 1;
    if (state === null) counts.notReported += 1;
    else if (state === 'done') counts.done += 1;
    else if (state === 'overdue') counts.overdue += 1;
    else if (row.status === 'late') counts.late += 1;
    else if (row.status === 'onTrack') counts.onTime += 1;
    else counts.notStarted += 1;
    if (row.proposal) proposals.push(`${taskName(task)}: ${row.proposal}`);
    if (row.obstacles) difficulties.push(`${taskName(task)}: ${row.obstacles}`);
    const name = task.no === null ? taskName(task).replace(/^Nhiệm vụ /u, '') : String(task.no);
    if (state === null) open.notReported.push(name);
    else if (state === 'overdue') open.overdue.push(name);
    else if (state !== 'done' && row.status === 'late') open.late.push(name);
    else if (state !== 'done' && row.status === 'notStarted') open.notStarted.push(name);
    const status = row.status === null ? 'Chưa báo cáo' : TASK_STATUS_LABELS[row.status];
    const progress = row.progress === null || row.progress === undefined ? '' : ` (${formatPercent(row.progress)})`;
    // Obstacles have their own section (II), so the table's result column keeps to the result.
    const result = row.result ?? '';
    return [task.no === null ? '' : String(task.no), task.text, task.deadlineText ?? 'Không ghi', status + progress, result,
      state === null ? 'Chưa báo cáo' : DEADLINE_STATE_LABELS[state]];
  });
  const table: ReportTable = {
    columns: ['TT', 'Nhiệm vụ', 'Thời hạn', 'Tình hình thực hiện', 'Kết quả', 'Đánh giá thời hạn'],
    widths: [6, 34, 13, 16, 19, 12], rows: body, centred: [0, 2, 5],
  };
  const priorities = [
    ...(open.overdue.length > 0 ? [`Khẩn trương hoàn thành các nhiệm vụ đã quá hạn: ${numbered(open.overdue)}.`] : []),
    ...(open.late.length > 0 ? [`Đẩy nhanh tiến độ các nhiệm vụ chậm tiến độ: ${numbered(open.late)}.`] : []),
    ...(open.notStarted.length > 0 ? [`Triển khai các nhiệm vụ chưa triển khai: ${numbered(open.notStarted)}.`] : []),
    ...(open.notReported.length > 0 ? [`Cập nhật tình hình thực hiện các nhiệm vụ chưa báo cáo: ${numbered(open.notReported)}.`] : []),
    'Tiếp tục triển khai các nhiệm vụ đang thực hiện theo đúng tiến độ và báo cáo đúng hạn kỳ tới.',
  ];
  return { counts: counts as TaskCounts, table, proposals, difficulties, priorities };
}

/** "số 3, 5, 11.1" – the numbers as the plan prints them. */
const numbered = (nos: readonly string[]): string => `số ${nos.join(', ')}`;

/** The unnumbered task of group VIII is named by its opening words. */
function taskName(task: Task): string {
  if (task.no !== null) return `Nhiệm vụ ${task.no}`;
  const words = task.text.split(/\s+/u);
  return `Nhiệm vụ "${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}"`;
}

/**
 * The summary sentence: final evaluations in the year's report, progress towards the year's target
 * before it; values the target does not judge on their own are counted as contributions.
 */
export function indicatorSummary(c: EvaluationCounts): string {
  const judged = c.final
    ? `đạt: ${c.met}; vượt: ${c.exceeded}; chưa đạt: ${c.notMet}`
    : `đã đạt mục tiêu năm: ${c.met + c.exceeded}; chưa đạt mục tiêu năm: ${c.notMet}`;
  const contribution = c.contribution > 0 ? `; số liệu đóng góp vào chỉ tiêu toàn tỉnh (không đánh giá riêng): ${c.contribution}` : '';
  const manual = c.manual > 0 ? `; đánh giá thủ công: ${c.manual}` : '';
  return `Tổng số chỉ tiêu đơn vị báo cáo: ${c.total}; trong đó ${judged}${contribution}${manual}; chưa có số liệu: ${c.noData}.`;
}

/** `of`: 'extract' counts the tasks of a monitoring agency's extract, not all the unit reports. */
export function taskSummary(c: TaskCounts, of: 'report' | 'extract' = 'report'): string {
  const notReported = c.notReported > 0 ? `; chưa báo cáo: ${c.notReported}` : '';
  return `${of === 'extract' ? 'Tổng số nhiệm vụ trong bản trích' : 'Tổng số nhiệm vụ đơn vị báo cáo'}: ${c.total}; trong đó hoàn thành: ${c.done}; đang triển khai đúng tiến độ: ${c.onTime}; chậm tiến độ: ${c.late}; quá hạn: ${c.overdue}; chưa triển khai: ${c.notStarted}${notReported}.`;
}

/** The monitoring agencies named in an extract, by their directory names (never an id). */
function monitorNames(catalogue: Catalogue, unitIds: readonly string[]): string[] {
  const names = unitIds.map((id) => catalogue.units.find((u) => u.id === id)?.name).filter((n): n is string => n !== undefined);
  return names.length > 0 ? names : ['cơ quan theo dõi'];
}

const joinNames = (names: readonly string[]): string => names.join(', ');

/** The first paragraph of an extract: what it holds, where it comes from, and what it is not. */
function extractNotice(names: readonly string[], unit: Unit, revision: number): string {
  return `Bản trích này chỉ gồm các nhiệm vụ do ${joinNames(names)} theo dõi, tổng hợp, lấy từ báo cáo lần nộp thứ ${revision} của ${unit.name}. `
    + 'Bản trích không phải là văn bản được lãnh đạo đơn vị phê duyệt, không có chữ ký và mã xác thực; văn bản có giá trị là báo cáo đầy đủ của đơn vị.';
}

/**
 * Nơi nhận: who the report goes to – the plan's consolidating body (the province's committee when the
 * unit is that body, or when the plan names none), monitoring agencies for their tasks – then the archive.
 */
function recipientsOf(catalogue: Catalogue, submission: ReportSubmission, unit: Unit, symbol: string, authority: PlanAuthority): string[] {
  const coordinator = coordinatorOf(catalogue);
  const names: string[] = !coordinator || coordinator.id === unit.id ? [`${authority.committee} (để báo cáo)`] : [`${coordinator.name} (để tổng hợp)`];
  if (submission.kind === 'tasks') {
    // Named monitoring agencies only: a class ("Cơ quan theo ngành, lĩnh vực…") is nobody to send to.
    const reported = new Set(submission.rows.map((r) => r.id));
    const unitName = new Map(catalogue.units.map((u) => [u.id, u.name]));
    for (const task of catalogue.tasks) {
      if (!reported.has(task.id)) continue;
      for (const ref of task.monitor) {
        const name = ref.kind === 'unit' ? unitName.get(ref.unitId) : undefined;
        const line = `${name} (để theo dõi)`;
        if (name && name !== unit.name && name !== coordinator?.name && !names.includes(line)) names.push(line);
      }
    }
  }
  return [...names.map((n) => `- ${n};`), `- Lưu: VT, ${symbol}.`];
}
