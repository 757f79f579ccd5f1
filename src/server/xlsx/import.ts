// Reads an uploaded .xlsx back as one of our templates: finds the report sheet through its very hidden
// mapping sheet, checks the mapping's seal (mapping-seal.ts), and gives the cells as the template
// reader (src/core/template readSheetRows / checkSheetCells) takes them. Anything else is refused with
// a reason in Vietnamese. Excel values arrive through exceljs: dates as Date, rich text as runs,
// formulas with their cached result – all turned back into what Range.values would hold.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Issue } from '../../core/result';
import {
  cellAddress, isMappingSheetName, parseMapping, serializeMapping,
  type Cell, type ColumnKey, type TemplateMapping,
} from '../../core/template';
import { SEAL_KEY, verifySeal } from './mapping-seal';
import { checkZip } from './zip-guard';

export type RefusalCode = 'notXlsx' | 'tooLarge' | 'notTemplate' | 'severalSheets' | 'unsealed' | 'tampered';

export type Upload =
  | { readonly ok: true; readonly mapping: TemplateMapping; readonly values: Cell[][]; readonly numberFormats: string[][] }
  | { readonly ok: false; readonly code: RefusalCode; readonly message: string };

const refuse = (code: RefusalCode, message: string): Upload => ({ ok: false, code, message });
const NOT_OURS = 'Tệp không phải là mẫu báo cáo tải từ hệ thống (không có trang ánh xạ hợp lệ). Hãy tải mẫu của đơn vị và kỳ báo cáo trong trang Nộp báo cáo (hoặc chèn mẫu trong Excel) rồi nhập số liệu vào mẫu đó.';

/** What Range.values would hold for an exceljs cell value. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000; // Excel serial day
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return null;
}

const text = (v: ExcelJS.CellValue): string => {
  const p = plain(v);
  return p === null ? '' : String(p);
};

function grid(sheet: ExcelJS.Worksheet, rows: number, cols: number): { values: Cell[][]; numberFormats: string[][] } {
  const values: Cell[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = sheet.getRow(r + 1);
    values.push(Array.from({ length: cols }, (_, c) => plain(row.getCell(c + 1).value)));
    numberFormats.push(Array.from({ length: cols }, (_, c) => row.getCell(c + 1).numFmt || 'General'));
  }
  return { values, numberFormats };
}

/**
 * The template in an uploaded file, or why it is refused.
 * @example const upload = await readUpload(buffer, secret); if (!upload.ok) throw badRequest(upload.message)
 */
export async function readUpload(file: Buffer, secret: Buffer): Promise<Upload> {
  const zip = await checkZip(file);
  if (!zip.ok && zip.reason === 'notZip') return refuse('notXlsx', 'Tệp tải lên không phải là tệp Excel (.xlsx) đọc được.');
  if (!zip.ok) return refuse('tooLarge', 'Tệp Excel quá lớn khi giải nén (hoặc có quá nhiều thành phần); mẫu báo cáo không lớn như vậy. Hãy tải lại mẫu và nhập số liệu vào đó.');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return refuse('notXlsx', 'Tệp tải lên không phải là tệp Excel (.xlsx) đọc được.');
  }
  const maps = book.worksheets.filter((s) => isMappingSheetName(s.name));
  if (maps.length === 0) return refuse('notTemplate', NOT_OURS);
  if (maps.length > 1) return refuse('severalSheets', 'Tệp có nhiều trang báo cáo; mỗi lần tải lên chỉ một mẫu (một phụ lục của một kỳ).');
  const map = maps[0];
  const lines: string[][] = [];
  map.eachRow({ includeEmpty: true }, (row, n) => {
    lines[n - 1] = [text(row.getCell(1).value), text(row.getCell(2).value)];
  });
  const table = Array.from(lines, (l) => l ?? ['', '']);
  const mapping = parseMapping(table);
  if (!mapping) return refuse('notTemplate', NOT_OURS);
  const length = serializeMapping(mapping).length;
  const seal = table.find((l, i) => i >= length && l[0] === SEAL_KEY)?.[1];
  if (!seal) return refuse('unsealed', 'Trang ánh xạ của tệp không có dấu xác thực của hệ thống: tệp không phải mẫu tải từ máy chủ. Báo cáo lập bằng phần bổ trợ Excel hãy gửi bằng phần bổ trợ.');
  if (!verifySeal(secret, table.slice(0, length), seal)) {
    return refuse('tampered', 'Trang ánh xạ của mẫu đã bị sửa đổi (đơn vị, kỳ, kế hoạch hoặc mã dòng không còn như khi tải về) nên không thể tin cậy. Hãy tải mẫu mới và nhập lại số liệu.');
  }
  const sheet = book.getWorksheet(mapping.sheetName);
  if (!sheet) return refuse('notTemplate', `Không tìm thấy trang báo cáo “${mapping.sheetName}” trong tệp (có thể đã bị đổi tên hoặc xoá).`);
  const rows = Math.max(mapping.headerRow, ...mapping.rows.map((r) => r.row)) + 1;
  const cols = Math.max(...Object.values(mapping.columns).map((c) => c ?? 0)) + 1;
  return { ok: true, mapping, ...grid(sheet, rows, cols) };
}

/**
 * The client submission id of an upload: the one stamped in the mapping (a sheet the add-in already
 * submitted from), else one derived from the file's bytes – re-uploading the very same file is then a
 * retry (the stored revision is answered again), while a file saved again after a change is a new
 * revision. Shaped as an RFC 9562 version 8 (custom) UUID, as the schema requires a UUID.
 */
export function uploadSubmissionId(mapping: TemplateMapping, file: Buffer): string {
  if (mapping.clientSubmissionId) return mapping.clientSubmissionId;
  const h = createHash('sha256').update('cds-upload-v1\n').update(file).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface PlacedIssue extends Issue {
  /** "PL01 2026-Q1!E12", or null for an issue of the whole report. */
  readonly address: string | null;
}

/** Each issue with the cell it is about (its row by id, its column by field), as Kiểm tra places them. */
export function placeIssues(mapping: TemplateMapping, issues: readonly Issue[]): PlacedIssue[] {
  const rowOf = new Map(mapping.rows.map((r) => [r.id, r.row]));
  return issues.map((issue) => {
    const row = issue.rowId !== undefined ? rowOf.get(issue.rowId) : undefined;
    const key = (issue.field === 'id' ? 'no' : issue.field) as ColumnKey | undefined;
    const col = (key !== undefined ? mapping.columns[key] : undefined) ?? mapping.columns.text ?? 0;
    return { ...issue, address: row === undefined ? null : `${mapping.sheetName}!${cellAddress(row, col)}` };
  });
}

/** The rows still empty, each with the cell to fill (the value column, or the status column of a task). */
export function placeBlankRows(mapping: TemplateMapping, rowIds: readonly string[]): { readonly rowId: string; readonly address: string | null }[] {
  const field = mapping.kind === 'indicators' ? 'value' : 'status';
  return placeIssues(mapping, rowIds.map((rowId) => ({ rowId, field, code: 'value.required' as const, severity: 'warning' as const, message: '' })))
    .map((i) => ({ rowId: i.rowId as string, address: i.address }));
}
