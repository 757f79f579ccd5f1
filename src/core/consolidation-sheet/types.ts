// The consolidation sheet as data: what the server's GET /api/consolidation returns (the input) and
// the blocks of 2-D values and formats that the Excel adapter and the .xlsx writer both draw (the
// output). Source of truth: src/server/consolidation.ts (the JSON) and docs/domain.md §4–5 (the consolidator
// sees the province figure, each unit's values, completeness and timeliness). No Office.js or exceljs
// types here: rows and columns are 0-based, widths in characters, number formats are Excel codes.

import type { AggregateFigure } from '../aggregate';
import type { Evaluation } from '../evaluate';

export type ReportStatus = 'submitted' | 'approved' | 'returned' | 'missing';

export interface CompletenessUnit {
  readonly unitId: string;
  readonly name: string;
  readonly status: ReportStatus;
  readonly revision: number | null;
  readonly late: boolean | null;
  readonly submittedAt: string | null;
  /** The province's word on the unit's approved report (docs/province-report.md): accepted, or sent back / reopened. */
  readonly provinceState: 'accepted' | 'reopened' | null;
}

export interface CompletenessSummary {
  readonly expected: number;
  readonly submitted: number;
  readonly approved: number;
  readonly returned: number;
  readonly missing: number;
  readonly onTime: number;
  readonly late: number;
  readonly completenessRate: number | null;
  readonly onTimeRate: number | null;
}

export interface IndicatorLine {
  readonly id: string;
  readonly no: number;
  readonly group: string;
  readonly text: string;
  readonly targetText: string;
  readonly rule: string;
  readonly figure: AggregateFigure;
  readonly figureText: string;
  readonly evaluation: Evaluation;
  readonly evaluationLabel: string;
  readonly expected: number;
  readonly reported: number;
  readonly provisional: boolean;
  /** "12/130 đơn vị đã báo cáo": shown beside a provisional figure. */
  readonly completeness?: string;
  /** "Số liệu tính đến ngày 14/03/2026" (stock) or "Số liệu từ ngày … đến ngày …" (flow). */
  readonly periodText?: string;
  readonly units: readonly {
    readonly unitId: string; readonly status: string; readonly display: string | null; readonly evaluation: Evaluation | null;
    /** What the unit's own report prints: judged, progress, or a contribution (docs/figures.md). */
    readonly assessment?: string | null;
  }[];
}

export interface TaskLine {
  readonly id: string;
  readonly no: number | null;
  readonly group: string;
  readonly text: string;
  readonly deadlineText: string | null;
  readonly leads: number;
  readonly done: number;
  readonly onTrack: number;
  readonly late: number;
  readonly notStarted: number;
  readonly notReported: number;
  readonly overdue: number;
  readonly units: readonly { readonly unitId: string; readonly reportStatus: string; readonly status: string | null; readonly deadlineState: string }[];
}

interface Header {
  readonly planId: string;
  readonly period: string;
  readonly generatedAt: string;
  readonly units: readonly CompletenessUnit[];
  readonly summary: CompletenessSummary;
}

/** The JSON of GET /api/consolidation (format=json). */
export type ConsolidationData =
  | (Header & { readonly kind: 'indicators'; readonly indicators: readonly IndicatorLine[] })
  | (Header & { readonly kind: 'tasks'; readonly tasks: readonly TaskLine[] });

export type SheetCell = string | number | null;

/** How a block's rows look: a caption line, a table (header rows bold and filled), or title lines. */
export type BlockStyle = 'title' | 'caption' | 'table';

export interface SheetBlock {
  /** Names the block for tests and for the CSV check ("province", "units", "matrix" …). */
  readonly id: string;
  readonly style: BlockStyle;
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly SheetCell[])[];
  /** Rows at the top that are column headings (table style). */
  readonly headerRows: number;
  /** One Excel number format per column; '@' keeps words such as "2/3" or "100%" as text. */
  readonly numberFormats: readonly string[];
}

export interface CellFill {
  readonly row: number;
  readonly col: number;
  readonly fill: string;
  readonly fontColor: string;
}

export interface ChartSpec {
  readonly title: string;
  /** The data range (first row = series names, first column = categories), sheet coordinates. */
  readonly data: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
  /** Top-left cell the chart is placed at, and its size in cells. */
  readonly anchor: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
}

/**
 * How the sheet prints (A4 landscape, one page wide, as many pages tall as it takes). Margins in
 * inches (the .xlsx unit); rows and columns 0-based, as everywhere in the spec. Excel allows one
 * block of repeated rows per sheet: `titleRows` is the province table's header, and that table is
 * the last thing in the print area, so the header heads every page it runs onto and no other table's
 * rows (Excel and LibreOffice repeat it only from the page where it first stands).
 */
export interface PrintSpec {
  readonly paper: 'A4';
  readonly orientation: 'landscape' | 'portrait';
  /** Pages across (1) and down (0 = as many as needed). */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
  readonly titleRows: { readonly first: number; readonly last: number };
  /** Rows that start a new page (a manual break above each), so the chart is never cut in two. */
  readonly pageBreaks: readonly number[];
  /**
   * What prints: the report, from the title to the province table's last row, across its printed
   * columns (not the numeric rate nor the id). The per-unit list and the unit × indicator matrix
   * (53 columns for PL01) stay outside: working tables to filter on screen.
   */
  readonly area: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
  /** Page footer in Excel's header/footer codes ("&P" page, "&N" pages). */
  readonly footer: string;
}

export interface ConsolidationSheetSpec {
  readonly kind: ConsolidationData['kind'];
  readonly sheetName: string;
  readonly font: { readonly name: string; readonly size: number };
  /** Width per column in characters (the .xlsx unit). */
  readonly columnWidths: readonly number[];
  readonly blocks: readonly SheetBlock[];
  readonly fills: readonly CellFill[];
  readonly headerFill: string;
  readonly chart: ChartSpec | null;
  readonly print: PrintSpec;
  /** Font size of the title's first line. */
  readonly titleSize: number;
  /** Heights in points of the title's first line and of the table rows whose wrapped text takes more than one line (sheet rows, 0-based). */
  readonly rowHeights: readonly { readonly row: number; readonly points: number }[];
  /** Rows × columns the sheet occupies from A1 (what a refresh clears). */
  readonly extent: { readonly rows: number; readonly cols: number };
}
