// Templates and uploads for the .xlsx suites: download a template, fill it as a clerk would (exceljs
// writes what Excel would store: a percentage typed in a percent cell is a fraction), upload it.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { mappingSheetName, parseMapping, type TemplateMapping } from '../../../src/core/template';
import { PLAN_ID } from './catalogue';
import { as, principal } from './test-auth';

// A fixed sealing key, as a deployment sets TEMPLATE_SECRET.
process.env.TEMPLATE_SECRET ??= 'test-template-secret-0123456789-abcdefghij';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function download(app: FastifyInstance, kind: 'indicators' | 'tasks', unitId: string, period = '2026-Q1', who = as(principal('reporter', unitId))) {
  return app.inject({ method: 'GET', url: `/api/templates/${kind}.xlsx?planId=${PLAN_ID}&unitId=${unitId}&period=${period}`, headers: who });
}

export async function loadBook(file: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return book;
}

export function mappingOf(book: ExcelJS.Workbook): TemplateMapping {
  const map = book.worksheets.find((s) => s.name.startsWith('CDS '));
  if (!map) throw new Error('no mapping sheet');
  const lines: string[][] = [];
  map.eachRow((row, n) => { lines[n - 1] = [String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')]; });
  const m = parseMapping(lines);
  if (!m) throw new Error('mapping unreadable');
  return m;
}

/** Typed values by row id and field: { 'ct-01': { value: 0.725 } }. */
export type Typing = Record<string, Partial<Record<'value' | 'numerator' | 'denominator' | 'note' | 'status' | 'progress' | 'result' | 'obstacles' | 'proposal' | 'completedOn', ExcelJS.CellValue>>>;

export async function fill(file: Buffer, typing: Typing, edit?: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = await loadBook(file);
  const mapping = mappingOf(book);
  const sheet = book.getWorksheet(mapping.sheetName)!;
  for (const [id, fields] of Object.entries(typing)) {
    const row = mapping.rows.find((r) => r.id === id)!.row;
    for (const [key, value] of Object.entries(fields)) {
      sheet.getCell(row + 1, mapping.columns[key as keyof Typing[string]]! + 1).value = value as ExcelJS.CellValue;
    }
  }
  edit?.(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function multipartBody(file: Buffer, filename = 'bao-cao.xlsx'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----cds-test-boundary-7MA4YWxkTrZu0gW';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(app: FastifyInstance, file: Buffer, who: Record<string, string>, query = '') {
  const body = multipartBody(file);
  return app.inject({ method: 'POST', url: `/api/imports${query ? `?${query}` : ''}`, headers: { ...who, ...body.headers }, payload: body.payload });
}

export { mappingSheetName };
