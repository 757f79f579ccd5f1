// Builds the spec of one report sheet from the catalogue, for one unit and one period.
// Source of truth: docs/domain.md §1 (the appendices' columns and groups), §3 (who reports what),
// §4 (period ids and cut-off windows) and §6 (Nghị định 30/2020: the official two-column header).

import type { Catalogue, Indicator, Task, Unit } from '../catalogue-types';
import { fail, ok, type Result } from '../result';
import { makeIssue } from '../messages';
import { closesYear, formatDateVi, inScheme, parsePeriod, periodLabel, periodsOfScheme, periodWording, type Period } from '../periods';
import { reportersOf, type UnitDirectory } from '../units';
import { columnIndex, columnsOf, EVALUATION_STYLES, indicatorInputs, SHEET_COLORS, taskInputs } from './columns';
import type { ColumnSpec, ReportKind, SheetRow, TemplateSpec, TitleCell } from './types';

export interface TemplateOptions {
  readonly kind: ReportKind;
  /** The reporting unit (from the directory the taskpane holds for the signed-in clerk). */
  readonly unit: Unit;
  /** A period id: "2026-Q1", "2026-H1", "2026-9M", "2026-Y". */
  readonly period: string;
  readonly directory: UnitDirectory;
  /** An administrator's override of the assignment; otherwise the rows whose lead resolves to the unit. */
  readonly assignedIds?: ReadonlySet<string>;
}

/** Excel refuses these in sheet names, and names longer than 31 characters. */
const FORBIDDEN = /[[\]:*?/\\]/g;
export const SHEET_NAME_MAX = 31;

/**
 * A name Excel accepts: forbidden characters dropped, no leading / trailing apostrophe, ≤ 31 chars.
 * @example safeSheetName('PL01 2026/Q1') === 'PL01 2026Q1'
 */
export function safeSheetName(text: string): string {
  const cleaned = text.replace(FORBIDDEN, '').replace(/^'+|'+$/g, '').trim();
  return (cleaned === '' ? 'Báo cáo' : cleaned).slice(0, SHEET_NAME_MAX).trim();
}

/** "PL01 2026-Q1" / "PL02 2026-H1": the appendix and the period, as clerks name their files. */
export const reportSheetName = (kind: ReportKind, period: string): string =>
  safeSheetName(`${kind === 'indicators' ? 'PL01' : 'PL02'} ${period}`);

/** Is the unit responsible for this row: the admin's list when given, else the row's lead cell. */
function assigned(item: Indicator | Task, options: TemplateOptions): boolean {
  if (options.assignedIds) return options.assignedIds.has(item.id);
  return reportersOf(item, options.directory).some((u) => u.id === options.unit.id);
}

/** The issuing agency's two lines: a commune's UBND stands alone, a provincial agency under UBND tỉnh. */
function agencyLines(unit: Unit, province: string): [string, string] {
  const upper = (s: string): string => s.toLocaleUpperCase('vi-VN');
  if (unit.level === 'commune') return ['', upper(`UBND ${unit.name}`)];
  return [upper(`UBND tỉnh ${province}`), upper(unit.name)];
}

function titleBlock(catalogue: Catalogue, kind: ReportKind, unit: Unit, period: Period, width: number): TitleCell[] {
  const [parent, agency] = agencyLines(unit, catalogue.document.province);
  const left = 3; // TT, text and target/deadline columns hold the agency; the rest the Quốc hiệu.
  const line = (row: number, col: number, span: number, text: string, bold: boolean, italic = false, size = 13): TitleCell =>
    ({ row, col, span, text, bold, italic, size });
  const year = catalogue.document.planYear;
  const subject = kind === 'indicators'
    ? `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM ${year}`
    : `BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM ${year}`;
  const doc = catalogue.document;
  return [
    line(0, 0, left, parent, false, false, 12),
    line(0, left, width - left, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true, false, 12),
    line(1, 0, left, agency, true, false, 12),
    line(1, left, width - left, 'Độc lập - Tự do - Hạnh phúc', true, false, 13),
    line(3, 0, width, subject, true, false, 14),
    line(4, 0, width, `(Thực hiện Kế hoạch số ${doc.number} ngày ${formatDateVi(doc.issuedOn)} của ${doc.issuer})`, false, true, 12),
    line(5, 0, width, `Kỳ báo cáo: ${periodLabel(period)}`, true, false, 13),
    line(6, 0, width, windowLine(kind, period), false, true, 12),
  ];
}

/**
 * The signature block under the table: place and date on the right, then who signs – the clerk who
 * drew up the sheet (left) and the head of the unit (right), each with the form's instruction and room
 * to sign. Rows start two below the table's last row; the mapping never reaches them.
 */
function signatureBlock(after: number, width: number): TitleCell[] {
  const side = 3; // as the title block: the left three columns, and as many on the right
  const right = width - side;
  const line = (row: number, col: number, text: string, bold: boolean, italic: boolean): TitleCell =>
    ({ row: after + row, col, span: side, text, bold, italic, size: 12 });
  return [
    line(2, right, '……, ngày …… tháng …… năm ……', false, true),
    line(3, 0, 'Người lập biểu', true, false),
    line(3, right, 'Thủ trưởng đơn vị', true, false),
    line(4, 0, '(Ký, ghi rõ họ tên)', false, true),
    line(4, right, '(Ký tên, đóng dấu)', false, true),
  ];
}

/**
 * The period line under the title: tasks are judged at the cut-off; indicators say both readings,
 * and each row says its own (stock: at the cut-off; flow: over the window).
 */
function windowLine(kind: ReportKind, period: Period): string {
  if (kind === 'tasks') return `(Tình hình thực hiện ${periodWording('stock', period)})`;
  return `(Chỉ tiêu đếm số hiện có: ${periodWording('stock', period)}; chỉ tiêu đếm số phát sinh: ${periodWording('flow', period)})`;
}

const HEADER_ROW = 8;
/** Inches, as the consolidation workbook: room for binding on the left. */
const TEMPLATE_MARGINS = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

function indicatorCells(i: Indicator, columns: readonly ColumnSpec[], period: Period): (string | number | null)[] {
  const pair = i.form.kind === 'countPair' ? `\n(Tử số: ${i.form.numeratorLabel}; Mẫu số: ${i.form.denominatorLabel})` : '';
  const when = `\n(Số liệu ${periodWording(i.measure, period)})`;
  const fixed: Partial<Record<string, string | number>> = { no: i.tt ?? i.no, text: i.text + pair + when, target: i.targetText, lead: i.leadText };
  return columns.map((c) => fixed[c.key] ?? null);
}

function taskCells(t: Task, columns: readonly ColumnSpec[]): (string | number | null)[] {
  // The unnumbered task of group VIII keeps an empty TT: the plan prints none (docs/domain.md §1).
  const fixed: Partial<Record<string, string | number>> = { no: t.tt ?? t.no ?? '', text: t.text, deadline: t.deadlineText ?? '' };
  return columns.map((c) => fixed[c.key] ?? null);
}

function bodyRows(catalogue: Catalogue, options: TemplateOptions, columns: readonly ColumnSpec[], period: Period): SheetRow[] {
  const rows: SheetRow[] = [];
  let row = HEADER_ROW + 1;
  if (options.kind === 'indicators') {
    for (const g of catalogue.indicatorGroups) {
      // Yearly-only indicators (a GRDP share, a yearly survey) wait for the year's report.
      const items = catalogue.indicators.filter((i) => i.group === g.id && assigned(i, options) && (!i.yearlyOnly || closesYear(period)));
      if (items.length === 0) continue;
      rows.push({ kind: 'group', row: row++, level: 1, text: `${g.id}. ${g.title}` });
      for (const i of items) rows.push({ kind: 'item', row: row++, id: i.id, cells: indicatorCells(i, columns, period), inputs: indicatorInputs(i.form, columns) });
    }
    return rows;
  }
  const inputs = taskInputs(columns);
  for (const g of catalogue.taskGroups) {
    const items = catalogue.tasks.filter((t) => t.group === g.id && assigned(t, options));
    if (items.length === 0) continue;
    rows.push({ kind: 'group', row: row++, level: 1, text: `${g.id}. ${g.title}` });
    let subgroup: string | null = null;
    for (const t of items) {
      if (t.subgroup !== null && t.subgroup !== subgroup) rows.push({ kind: 'group', row: row++, level: 2, text: t.subgroup });
      subgroup = t.subgroup;
      rows.push({ kind: 'item', row: row++, id: t.id, cells: taskCells(t, columns), inputs });
    }
  }
  return rows;
}

/**
 * The spec of a report sheet: title block, header, one row per assigned indicator / task grouped by
 * group, the input cells per reporting form, print setup and the mapping. Fails only on a period that
 * is unreadable or outside the plan's year.
 * @example buildTemplateSpec(catalogue, { kind: 'indicators', unit: skhcn, period: '2026-Q1', directory })
 * // ok, { sheetName: 'PL01 2026-Q1', rows: [{ kind: 'group', text: 'I. Hạ tầng số' }, { kind: 'item', id: 'ct-01' } …] }
 */
export function buildTemplateSpec(catalogue: Catalogue, options: TemplateOptions): Result<TemplateSpec> {
  const period = parsePeriod(options.period);
  if (!period.ok) return period;
  if (period.value.year !== catalogue.document.planYear) {
    return fail(makeIssue('period.wrongPlanYear', 'error', { field: 'period', text: options.period, detail: `năm ${catalogue.document.planYear}` }));
  }
  if (!inScheme(period.value, catalogue.reportingScheme)) {
    const names = periodsOfScheme(period.value.year, catalogue.reportingScheme).map((p) => `${periodLabel(p)} (${p.id})`);
    return fail(makeIssue('period.notInScheme', 'error', { field: 'period', text: periodLabel(period.value), detail: `các kỳ báo cáo trong năm: ${names.join('; ')}` }));
  }
  const columns = columnsOf(options.kind);
  const rows = bodyRows(catalogue, options, columns, period.value);
  const last = rows.length === 0 ? HEADER_ROW : rows[rows.length - 1].row;
  const sheetName = reportSheetName(options.kind, period.value.id);
  return ok({
    kind: options.kind,
    sheetName,
    font: { name: 'Times New Roman', size: 12 },
    title: titleBlock(catalogue, options.kind, options.unit, period.value, columns.length),
    signature: signatureBlock(last, columns.length),
    headerRow: HEADER_ROW,
    columns,
    rows,
    freezeRows: HEADER_ROW + 1,
    evaluationStyles: EVALUATION_STYLES,
    colors: SHEET_COLORS,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: { first: HEADER_ROW, last: HEADER_ROW }, margins: TEMPLATE_MARGINS, footer: 'Trang &P/&N' },
    mapping: {
      planId: catalogue.planId,
      catalogueVersion: catalogue.catalogueVersion,
      kind: options.kind,
      unitId: options.unit.id,
      unitName: options.unit.name,
      period: period.value.id,
      sheetName,
      clientSubmissionId: null,
      headerRow: HEADER_ROW,
      columns: columnIndex(columns),
      rows: rows.flatMap((r) => (r.kind === 'item' ? [{ row: r.row, id: r.id }] : [])),
    },
  });
}

/** The last sheet row the table occupies (the header when nothing is assigned). */
export const lastRow = (spec: Pick<TemplateSpec, 'rows' | 'headerRow'>): number =>
  spec.rows.length === 0 ? spec.headerRow : spec.rows[spec.rows.length - 1].row;
