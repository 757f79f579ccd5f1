// Builds the consolidation sheet spec from the consolidation JSON: title, the reporting summary, a
// per-group table with its chart, the province table (per indicator its figure by its aggregation
// rule and evaluation, or per task its progress counts), then – outside the print area – each unit's
// report status and the unit × indicator (task) matrix. docs/figures.md "Printing" says how it prints.
// Pure: the Excel adapter (src/office/excel/consolidate.ts) and the .xlsx writer
// (src/server/xlsx/consolidation.ts) draw the same spec.

import type { PlanDocument } from '../catalogue-types';
import { formatDateVi, parsePeriod, periodLabel } from '../periods';
import { EVALUATION_STYLES } from '../template/columns';
import { safeSheetName } from '../template/build';
import { linesHeight, wrappedLines } from '../template/row-height';
import { TASK_STATUS_LABELS, type TaskStatus } from '../values';
import { summarySection, unitsSection } from './completeness';
import { COUNT, PERCENT, Stack, TEXT, vietnamTime } from './layout';
import type { CellFill, ChartSpec, ConsolidationData, ConsolidationSheetSpec, IndicatorLine, PrintSpec, SheetBlock, SheetCell, TaskLine } from './types';

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

/**
 * The province table's columns. The printed columns come first; the last ones – the rate as a number
 * (to sort and filter by) and the catalogue id (to find a row again) – lie right of the print area, so
 * paper carries no internal code and only the Vietnamese "70,5%" of the figure text.
 */
export const PROVINCE_HEADERS = {
  indicators: ['TT', 'Chỉ tiêu', 'Mục tiêu', 'Cách tổng hợp', 'Số liệu toàn tỉnh', 'Đơn vị đã báo cáo', 'Đánh giá', 'Ghi chú', 'Tỷ lệ (%)', 'Mã'],
  tasks: ['TT', 'Nhiệm vụ', 'Thời hạn', 'Số đơn vị chủ trì', 'Hoàn thành', 'Đúng tiến độ', 'Chậm tiến độ', 'Chưa triển khai', 'Chưa báo cáo', 'Quá hạn', 'Mã'],
} as const;

/** How many of the province table's columns print (the rest: see PROVINCE_HEADERS). */
export const PRINTED_COLUMNS = { indicators: 8, tasks: 10 } as const;

/** Column widths in characters, chosen so the printed columns fit A4 landscape at about 85 % scale. */
const COLUMN_WIDTHS = {
  indicators: [5, 46, 13, 18, 16, 11, 18, 28, 10, 10],
  tasks: [5, 50, 16, 10, 10, 10, 10, 10, 10, 10, 10],
} as const;
/** Columns past the province table (the unit × item matrix). */
const MATRIX_WIDTH = 14;

const GROUP_HEADERS = {
  indicators: ['Nhóm chỉ tiêu', 'Đạt', 'Chưa đạt', 'Chưa có số liệu'],
  tasks: ['Nhóm nhiệm vụ', ...Object.values(TASK_STATUS_LABELS), 'Chưa báo cáo'],
} as const;

/** "TH PL01 2026-Q1": the consolidation sheet of an appendix and a period (refreshed in place by name). */
export const consolidationSheetName = (kind: ConsolidationData['kind'], period: string): string =>
  safeSheetName(`TH ${kind === 'indicators' ? 'PL01' : 'PL02'} ${period}`);

/** The chart sits under the group table, from its wide first column to the print area's edge: narrower, LibreOffice prints its group names over one another. */
const CHART_ROWS = 16;
/** The title's first line is larger than the body (its row is made tall enough for it). */
const TITLE_SIZE = 14;
const HEADER_FILL = '#D9E1F2';
const FONT = { name: 'Times New Roman', size: 12 } as const;

/**
 * The consolidation sheet for one period's consolidation. What prints (A4 landscape, one page wide)
 * is the report: title, reporting summary, groups with their chart, and the province table last, so
 * its header row – the one block of rows a sheet may repeat – heads every page the table runs onto.
 * The per-unit list and the unit × item matrix follow outside the print area: long working tables
 * whose own headers would be mislabelled by the repeated one.
 * @example buildConsolidationSheet(await consolidation(api, { planId, period, kind: 'indicators' }), { groups: catalogue.indicatorGroups })
 * // { sheetName: 'TH PL01 2026-Q1', blocks: [title, summary, groups, province, units, matrix …], chart: { … } }
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

  summarySection(stack, 1, data.summary);

  let groupRows: SheetCell[][];
  if (data.kind === 'indicators') {
    groupRows = groupIds.map((g) => {
      const of = data.indicators.filter((i) => i.group === g);
      const n = (...e: string[]) => of.filter((i) => e.includes(i.evaluation)).length;
      return [groupTitle(g), n('met', 'exceeded'), n('notMet'), n('noData')];
    });
  } else {
    groupRows = groupIds.map((g) => {
      const of = data.tasks.filter((t) => t.group === g);
      const sum = (k: 'done' | 'onTrack' | 'late' | 'notStarted' | 'notReported') => of.reduce((n, t) => n + t[k], 0);
      return [groupTitle(g), sum('done'), sum('onTrack'), sum('late'), sum('notStarted'), sum('notReported')];
    });
  }
  stack.caption('groupsCaption', data.kind === 'indicators' ? '2. Số chỉ tiêu đạt theo nhóm' : '2. Tình trạng nhiệm vụ theo nhóm (lượt đơn vị)');
  const groups = stack.add('groups', 'table', [[...GROUP_HEADERS[data.kind]], ...groupRows], [TEXT, COUNT, COUNT, COUNT, COUNT, COUNT], 1, 1);
  const groupWidth = GROUP_HEADERS[data.kind].length;
  const chart: ChartSpec | null = groupRows.length === 0 ? null : {
    title: data.kind === 'indicators' ? 'Số chỉ tiêu đạt theo nhóm' : 'Tình trạng nhiệm vụ theo nhóm',
    data: { row: groups.row, col: groups.col, rows: groupRows.length + 1, cols: groupWidth },
    anchor: { row: groups.row + groups.values.length + 1, col: groups.col, rows: CHART_ROWS, cols: PRINTED_COLUMNS[data.kind] - groups.col },
  };
  if (chart) stack.row = chart.anchor.row + chart.anchor.rows;

  let province: SheetBlock;
  let matrix: SheetCell[][];
  if (data.kind === 'indicators') {
    stack.caption('provinceCaption', '3. Số liệu toàn tỉnh theo chỉ tiêu');
    province = stack.add('province', 'table', [[...PROVINCE_HEADERS.indicators], ...data.indicators.map(indicatorLine)],
      [TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, PERCENT, TEXT], 1);
    stack.fills.push(...evaluationFills(data.indicators.map((i) => i.evaluationLabel), province.row + 1, EVALUATION_COL));
    const byUnit = data.indicators.map((i) => new Map(i.units.map((u) => [u.unitId, u.display])));
    matrix = [
      ['Đơn vị', ...data.indicators.map((i) => `CT ${i.no}`), 'Mã đơn vị'],
      ...data.units.map((u) => [u.name, ...byUnit.map((m) => m.get(u.unitId) ?? null), u.unitId]),
    ];
  } else {
    stack.caption('provinceCaption', '3. Tiến độ thực hiện nhiệm vụ');
    province = stack.add('province', 'table', [[...PROVINCE_HEADERS.tasks], ...data.tasks.map(taskLine)],
      [TEXT, TEXT, TEXT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, TEXT], 1);
    const byUnit = data.tasks.map((t) => new Map(t.units.map((u) => [u.unitId, u.status === null ? 'Chưa báo cáo' : TASK_STATUS_LABELS[u.status as TaskStatus] ?? u.status])));
    matrix = [
      ['Đơn vị', ...data.tasks.map((t) => (t.no === null ? t.id : `NV ${t.no}`)), 'Mã đơn vị'],
      ...data.units.map((u) => [u.name, ...byUnit.map((m) => m.get(u.unitId) ?? null), u.unitId]),
    ];
  }
  const printEnd = stack.row;

  unitsSection(stack, 4, data.units);
  stack.caption('matrixCaption', data.kind === 'indicators' ? '5. Số liệu của từng đơn vị theo chỉ tiêu' : '5. Tình trạng nhiệm vụ của từng đơn vị');
  stack.add('matrix', 'table', matrix, [TEXT, TEXT], 1, 1);

  const width = stack.width;
  const base = COLUMN_WIDTHS[data.kind];
  const columnWidths = Array.from({ length: width }, (_, i) => base[i] ?? MATRIX_WIDTH);
  const print: PrintSpec = {
    paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    titleRows: { first: province.row, last: province.row + province.headerRows - 1 },
    // Page 1 holds the title, the summary and the group table; page 2 starts with the blank line over
    // the chart (a break right at the chart's edge prints its frame's top line on page 1).
    pageBreaks: chart ? [chart.anchor.row - 1] : [],
    area: { row: 0, col: 0, rows: printEnd, cols: PRINTED_COLUMNS[data.kind] },
    footer: 'Trang &P/&N',
  };
  return {
    kind: data.kind,
    sheetName: consolidationSheetName(data.kind, data.period),
    font: FONT,
    columnWidths,
    blocks: stack.blocks,
    fills: stack.fills,
    headerFill: HEADER_FILL,
    chart,
    print,
    rowHeights: [{ row: 0, points: linesHeight(1, TITLE_SIZE) }, ...tableRowHeights(stack.blocks, columnWidths, FONT.size)],
    titleSize: TITLE_SIZE,
    extent: { rows: stack.row, cols: Math.max(width, chart ? chart.anchor.col + chart.anchor.cols : 0) },
  };
}

/** The column of the evaluation words in the indicators' province table. */
const EVALUATION_COL = 6;

/**
 * Heights of the table rows whose wrapped text needs more than one line. A file keeps the heights it
 * carries (LibreOffice and Excel do not fit rows on opening), so the .xlsx writes these; the add-in
 * lets Excel fit its rows instead.
 */
function tableRowHeights(blocks: readonly SheetBlock[], widths: readonly number[], size: number): { row: number; points: number }[] {
  const one = linesHeight(1, size);
  return blocks.filter((b) => b.style === 'table').flatMap((b) => b.values.flatMap((line, r) => {
    // Bold header text runs about a tenth wider.
    const scale = r < b.headerRows ? 0.9 : 1;
    const lines = line.reduce<number>((most, v, c) => (v === null || v === ''
      ? most : Math.max(most, wrappedLines(String(v), Math.max(1, widths[b.col + c] * scale - 1)))), 1);
    const points = linesHeight(lines, size);
    return points > one ? [{ row: b.row + r, points }] : [];
  }));
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
  return [i.no, text, i.targetText, RULE_LABELS[i.rule] ?? i.rule, i.figureText, `${i.reported}/${i.expected}`,
    i.evaluationLabel, note, percent, i.id];
}

function taskLine(t: TaskLine): SheetCell[] {
  return [t.no, t.text, t.deadlineText ?? '', t.leads, t.done, t.onTrack, t.late, t.notStarted, t.notReported, t.overdue, t.id];
}

/** Fill of each evaluation word (the template's colours, so a sheet and its consolidation agree). */
function evaluationFills(labels: readonly string[], firstRow: number, col: number): CellFill[] {
  return labels.flatMap((label, i) => {
    // As the template's rules: the first style the label begins with ("Đạt " before "Đạt").
    const style = EVALUATION_STYLES.find((s) => label.startsWith(s.text));
    return style ? [{ row: firstRow + i, col, fill: style.fill, fontColor: style.fontColor }] : [];
  });
}
