// Builds the consolidation sheet spec from the consolidation JSON: title, the province table (per
// indicator its figure by its aggregation rule and evaluation, or per task its progress counts), the
// completeness section, a per-group table with its chart, and the unit × indicator (task) matrix.
// Pure: the Excel adapter (src/office/excel/consolidate.ts) and the .xlsx writer
// (src/server/xlsx/consolidation.ts) draw the same spec.

import type { PlanDocument } from '../catalogue-types';
import { formatDateVi, parsePeriod, periodLabel } from '../periods';
import { EVALUATION_STYLES } from '../template/columns';
import { safeSheetName } from '../template/build';
import { TASK_STATUS_LABELS, type TaskStatus } from '../values';
import { completenessSection } from './completeness';
import { COUNT, PERCENT, Stack, TEXT, vietnamTime } from './layout';
import type { CellFill, ChartSpec, ConsolidationData, ConsolidationSheetSpec, IndicatorLine, PrintSpec, SheetCell, TaskLine } from './types';

export interface SheetOptions {
  /** Group titles from the catalogue ("I" → "Hạ tầng số"); the id alone is shown without them. */
  readonly groups?: readonly { readonly id: string; readonly title: string }[];
  /** The plan's document from the catalogue, named in the title; the plan id alone is shown without it. */
  readonly document?: Pick<PlanDocument, 'number' | 'issuedOn' | 'title'>;
}

export const RULE_LABELS: Readonly<Record<string, string>> = {
  shareYes: 'Tỷ lệ đơn vị trả lời Có',
  ratioOfSums: 'Tổng tử số ÷ tổng mẫu số',
  singleSource: 'Số liệu của một nguồn (đơn vị nắm hệ thống)',
  allComplete: 'Tất cả đơn vị hoàn thành',
  perSector: 'Tỷ lệ theo từng lĩnh vực',
};

export const PROVINCE_HEADERS = {
  indicators: ['TT', 'Chỉ tiêu', 'Mục tiêu 2026', 'Cách tổng hợp', 'Số liệu toàn tỉnh', 'Tỷ lệ (%)', 'Đơn vị đã báo cáo', 'Đánh giá', 'Ghi chú', 'Mã'],
  tasks: ['TT', 'Nhiệm vụ', 'Thời hạn', 'Số đơn vị chủ trì', 'Hoàn thành', 'Đúng tiến độ', 'Chậm tiến độ', 'Chưa triển khai', 'Chưa báo cáo', 'Quá hạn', 'Mã'],
} as const;

const GROUP_HEADERS = {
  indicators: ['Nhóm chỉ tiêu', 'Đạt', 'Chưa đạt', 'Chưa có số liệu'],
  tasks: ['Nhóm nhiệm vụ', ...Object.values(TASK_STATUS_LABELS), 'Chưa báo cáo'],
} as const;

/** "TH PL01 2026-Q1": the consolidation sheet of an appendix and a period (refreshed in place by name). */
export const consolidationSheetName = (kind: ConsolidationData['kind'], period: string): string =>
  safeSheetName(`TH ${kind === 'indicators' ? 'PL01' : 'PL02'} ${period}`);

const CHART_SIZE = { rows: 16, cols: 7 };
const HEADER_FILL = '#D9E1F2';

/**
 * The consolidation sheet for one period's consolidation.
 * @example buildConsolidationSheet(await consolidation(api, { planId, period, kind: 'indicators' }), { groups: catalogue.indicatorGroups })
 * // { sheetName: 'TH PL01 2026-Q1', blocks: [title, provinceCaption, province, …, matrix], chart: { … } }
 */
export function buildConsolidationSheet(data: ConsolidationData, options: SheetOptions = {}): ConsolidationSheetSpec {
  const stack = new Stack();
  const subject = data.kind === 'indicators' ? 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU' : 'TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ';
  stack.add('title', 'title', titleLines(data, subject, options.document), [TEXT]);
  const groupTitle = (id: string) => {
    const g = options.groups?.find((x) => x.id === id);
    return g ? `${id}. ${g.title}` : id;
  };
  const groupIds = [...new Set(data.kind === 'indicators' ? data.indicators.map((i) => i.group) : data.tasks.map((t) => t.group))];

  let groupRows: SheetCell[][];
  let matrix: SheetCell[][];
  if (data.kind === 'indicators') {
    stack.caption('provinceCaption', '1. Số liệu toàn tỉnh theo chỉ tiêu');
    const province = stack.add('province', 'table', [[...PROVINCE_HEADERS.indicators], ...data.indicators.map(indicatorLine)],
      [TEXT, TEXT, TEXT, TEXT, TEXT, PERCENT, TEXT, TEXT, TEXT, TEXT], 1);
    stack.fills.push(...evaluationFills(data.indicators.map((i) => i.evaluationLabel), province.row + 1, 7));
    groupRows = groupIds.map((g) => {
      const of = data.indicators.filter((i) => i.group === g);
      const n = (...e: string[]) => of.filter((i) => e.includes(i.evaluation)).length;
      return [groupTitle(g), n('met', 'exceeded'), n('notMet'), n('noData')];
    });
    const byUnit = data.indicators.map((i) => new Map(i.units.map((u) => [u.unitId, u.display])));
    matrix = [
      ['Mã đơn vị', 'Đơn vị', ...data.indicators.map((i) => `CT ${i.no}`)],
      ...data.units.map((u) => [u.unitId, u.name, ...byUnit.map((m) => m.get(u.unitId) ?? null)]),
    ];
  } else {
    stack.caption('provinceCaption', '1. Tiến độ thực hiện nhiệm vụ');
    stack.add('province', 'table', [[...PROVINCE_HEADERS.tasks], ...data.tasks.map(taskLine)],
      [TEXT, TEXT, TEXT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, TEXT], 1);
    groupRows = groupIds.map((g) => {
      const of = data.tasks.filter((t) => t.group === g);
      const sum = (k: 'done' | 'onTrack' | 'late' | 'notStarted' | 'notReported') => of.reduce((n, t) => n + t[k], 0);
      return [groupTitle(g), sum('done'), sum('onTrack'), sum('late'), sum('notStarted'), sum('notReported')];
    });
    const byUnit = data.tasks.map((t) => new Map(t.units.map((u) => [u.unitId, u.status === null ? 'Chưa báo cáo' : TASK_STATUS_LABELS[u.status as TaskStatus] ?? u.status])));
    matrix = [
      ['Mã đơn vị', 'Đơn vị', ...data.tasks.map((t) => (t.no === null ? t.id : `NV ${t.no}`))],
      ...data.units.map((u) => [u.unitId, u.name, ...byUnit.map((m) => m.get(u.unitId) ?? null)]),
    ];
  }

  completenessSection(stack, 2, data.summary, data.units);

  stack.caption('groupsCaption', data.kind === 'indicators' ? '3. Số chỉ tiêu đạt theo nhóm' : '3. Tình trạng nhiệm vụ theo nhóm (lượt đơn vị)');
  const groups = stack.add('groups', 'table', [[...GROUP_HEADERS[data.kind]], ...groupRows], [TEXT, COUNT, COUNT, COUNT, COUNT, COUNT], 1);
  const groupWidth = GROUP_HEADERS[data.kind].length;
  const chart: ChartSpec | null = groupRows.length === 0 ? null : {
    title: data.kind === 'indicators' ? 'Số chỉ tiêu đạt theo nhóm' : 'Tình trạng nhiệm vụ theo nhóm',
    data: { row: groups.row, col: 0, rows: groupRows.length + 1, cols: groupWidth },
    anchor: { row: groups.row, col: groupWidth + 1, ...CHART_SIZE },
  };
  if (chart) stack.row = Math.max(stack.row, chart.anchor.row + chart.anchor.rows);

  stack.caption('matrixCaption', data.kind === 'indicators' ? '4. Số liệu của từng đơn vị theo chỉ tiêu' : '4. Tình trạng nhiệm vụ của từng đơn vị');
  stack.add('matrix', 'table', matrix, [TEXT, TEXT], 1);

  const width = stack.width;
  const matrixCaption = stack.blocks.find((b) => b.id === 'matrixCaption')!;
  const reportCols = Math.max(...stack.blocks.filter((b) => b.row < matrixCaption.row).map((b) => b.col + b.numberFormats.length),
    chart ? chart.anchor.col + chart.anchor.cols : 0);
  const print: PrintSpec = {
    paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    titleRows: { first: 0, last: stack.blocks[0].values.length - 1 },
    // From A1 down to (not including) the blank line before the matrix caption, across to the chart’s right edge.
    area: { row: 0, col: 0, rows: matrixCaption.row - 1, cols: reportCols },
    footer: 'Trang &P/&N',
  };
  return {
    kind: data.kind,
    sheetName: consolidationSheetName(data.kind, data.period),
    font: { name: 'Times New Roman', size: 12 },
    columnWidths: Array.from({ length: width }, (_, i) => (i === 0 ? 14 : i === 1 ? 48 : 15)),
    blocks: stack.blocks,
    fills: stack.fills,
    headerFill: HEADER_FILL,
    chart,
    print,
    extent: { rows: stack.row, cols: Math.max(width, chart ? chart.anchor.col + chart.anchor.cols : 0) },
  };
}

/**
 * The title lines: the subject and period, the plan's document, the period's cut-off window and when
 * the figures were consolidated.
 * @example titleLines(q1, 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', doc)
 * // ['TỔNG HỢP KẾT QUẢ … CHUYỂN ĐỔI SỐ – QUÝ I NĂM 2026',
 * //  'Kế hoạch số 1174/KH-UBND ngày 31/12/2025 – Chuyển đổi số tỉnh Nghệ An năm 2026',
 * //  'Kỳ báo cáo: Quý I năm 2026 (số liệu từ 15/12/2025 đến 14/03/2026). Số liệu tổng hợp lúc 25/03/2026 10:00.']
 */
function titleLines(data: ConsolidationData, subject: string, document: SheetOptions['document']): SheetCell[][] {
  const parsed = parsePeriod(data.period);
  const period = parsed.ok ? parsed.value : null;
  const label = period ? periodLabel(period) : data.period;
  const window = period ? ` (số liệu từ ${formatDateVi(period.start)} đến ${formatDateVi(period.end)})` : '';
  const plan = document ? `Kế hoạch số ${document.number} ngày ${formatDateVi(document.issuedOn)} – ${document.title}` : `Kế hoạch: ${data.planId}`;
  return [
    [`TỔNG HỢP ${subject} CHUYỂN ĐỔI SỐ – ${period ? label.toUpperCase() : `KỲ ${label}`}`],
    [plan],
    [`Kỳ báo cáo: ${label}${window}. Số liệu tổng hợp lúc ${vietnamTime(data.generatedAt)}.`],
  ];
}

function indicatorLine(i: IndicatorLine): SheetCell[] {
  const percent = i.figure.kind === 'percent' ? i.figure.percent : null;
  const text = i.periodText ? `${i.text}\n(${i.periodText})` : i.text;
  const note = i.provisional ? `Tạm tính: ${i.completeness ?? `${i.reported}/${i.expected} đơn vị đã báo cáo`}; đơn vị chưa báo cáo không tính là "Không" hay 0` : '';
  return [i.no, text, i.targetText, RULE_LABELS[i.rule] ?? i.rule, i.figureText, percent, `${i.reported}/${i.expected}`,
    i.evaluationLabel, note, i.id];
}

function taskLine(t: TaskLine): SheetCell[] {
  return [t.no, t.text, t.deadlineText ?? '', t.leads, t.done, t.onTrack, t.late, t.notStarted, t.notReported, t.overdue, t.id];
}

/** Fill of each evaluation word (the template's colours, so a sheet and its consolidation agree). */
function evaluationFills(labels: readonly string[], firstRow: number, col: number): CellFill[] {
  return labels.flatMap((label, i) => {
    const style = EVALUATION_STYLES.find((s) => s.text === label);
    return style ? [{ row: firstRow + i, col, fill: style.fill, fontColor: style.fontColor }] : [];
  });
}
