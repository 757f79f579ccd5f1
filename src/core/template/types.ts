// The declarative description of one report sheet (Phụ lục 01 or 02, one unit, one period).
// Source of truth: the issue "Excel taskpane for clerks" – the Excel renderer (src/office/excel) and
// the later .xlsx renderer both draw from this one spec, so it holds no Office.js types: rows and
// columns are 0-based indexes, widths are in characters, number formats are Excel format codes.

export type ReportKind = 'indicators' | 'tasks';

/** Input fields, named as schemas.ts (IndicatorRow / TaskRow) and messages.ts FIELD_LABELS name them. */
export type FieldKey =
  | 'value' | 'numerator' | 'denominator' | 'note'
  | 'status' | 'progress' | 'result' | 'obstacles' | 'proposal' | 'completedOn';

/** Every column a report sheet may have. `evaluation` is written by Kiểm tra; `remarks` holds its messages. */
export type ColumnKey = 'no' | 'text' | 'target' | 'lead' | 'deadline' | FieldKey | 'evaluation' | 'remarks';

/** How a cell holds its number; see read.ts for how each is read back. */
export type CellFormat = 'general' | 'text' | 'percent' | 'count' | 'date';

/** Excel format codes. Percent cells hold fractions (0,705 shows as 70,5%): Excel's own convention. */
export const NUMBER_FORMATS: Readonly<Record<CellFormat, string>> = {
  general: 'General',
  text: '@',
  percent: '0.0%',
  count: '#,##0',
  date: 'dd/mm/yyyy',
};

export interface ColumnSpec {
  readonly key: ColumnKey;
  readonly header: string;
  /** In characters of the default font (the .xlsx unit); the Excel adapter converts to points. */
  readonly width: number;
  readonly wrap: boolean;
  readonly align: 'left' | 'center' | 'right';
  /** Format of the column's non-input cells: text for the plan's words, so "100%" or "2026" stay as printed. */
  readonly format: CellFormat;
}

/** One input cell of an item row: which field, how it holds numbers, its drop-down list and hint. */
export interface InputCell {
  readonly key: FieldKey;
  readonly col: number;
  readonly format: CellFormat;
  readonly list?: readonly string[];
  /** Shown by Excel when the cell is selected (data validation prompt). */
  readonly prompt?: string;
}

export type SheetRow =
  /** A group (I, II …) or sub-group heading, merged across the table. */
  | { readonly kind: 'group'; readonly row: number; readonly level: 1 | 2; readonly text: string }
  /** One indicator or task: catalogue cells filled, input cells blank. */
  | {
      readonly kind: 'item';
      readonly row: number;
      readonly id: string;
      /** One entry per column: text for catalogue cells, null for input and evaluation cells. */
      readonly cells: readonly (string | number | null)[];
      readonly inputs: readonly InputCell[];
    };

/** One line of the title block: text in `col`, merged over `span` columns. */
export interface TitleCell {
  readonly row: number;
  readonly col: number;
  readonly span: number;
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly size: number;
}

export interface PrintSpec {
  readonly paper: 'A4';
  readonly orientation: 'landscape';
  /** One page wide, as many pages tall as needed. */
  readonly fitToWidth: true;
  /** The header row, repeated on each printed page. */
  readonly titleRows: { readonly first: number; readonly last: number };
  /** Page margins in inches (the .xlsx unit). */
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
  /** Page footer in Excel's header/footer codes ("&P" page, "&N" pages), centred. */
  readonly footer: string;
}

/** What the hidden mapping sheet keeps, so that a reopened workbook is read by id, not by position. */
export interface TemplateMapping {
  readonly planId: string;
  readonly catalogueVersion: number;
  readonly kind: ReportKind;
  readonly unitId: string;
  readonly unitName: string;
  readonly period: string;
  readonly sheetName: string;
  /** Set once a submission has been made from the sheet, so a retry reuses it (idempotent). */
  readonly clientSubmissionId: string | null;
  readonly headerRow: number;
  /** Column index of each column key present on the sheet. */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  /** Sheet row (0-based) → indicator / task id, in sheet order. */
  readonly rows: readonly { readonly row: number; readonly id: string }[];
}

export interface TemplateSpec {
  readonly kind: ReportKind;
  readonly sheetName: string;
  readonly font: { readonly name: string; readonly size: number };
  readonly title: readonly TitleCell[];
  /** "Người lập biểu" and "Thủ trưởng đơn vị" under the table, as a printed form is signed. */
  readonly signature: readonly TitleCell[];
  readonly headerRow: number;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly SheetRow[];
  /** Rows above this index stay in view when scrolling. */
  readonly freezeRows: number;
  /** The evaluation words, for conditional formatting (fill colour per outcome). */
  readonly evaluationStyles: readonly { readonly text: string; readonly fill: string; readonly fontColor: string }[];
  /** Fills: input cells, header, group headings, and Kiểm tra's error / warning marks. */
  readonly colors: { readonly input: string; readonly header: string; readonly group: string; readonly error: string; readonly warning: string };
  readonly print: PrintSpec;
  readonly mapping: TemplateMapping;
}
