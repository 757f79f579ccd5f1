// "Chèn Phụ lục 01 / 02": a new report sheet from a template spec, in one Excel.run whatever the
// number of rows. It either completes or leaves nothing behind (docs/office-support.md, "Atomic
// insert"): Office applies a batch operation by operation and keeps what ran before a failure, so
// everything is written under temporary names and renamed as the last operations of the batch; a
// failure removes the temporary sheets. Page layout, which older Excel lacks, is a step of its own
// after that: its failure is a note, never a half-made sheet.
// Syncs: 1 sheet names; 2 the sheet, values, validation, mapping, protection, swap; 3 page layout
// (only where ExcelApi 1.9 is supported).

import { mappingSheetName, type TemplateSpec } from '../../core/template';
import { officeSupport } from '../../text/office-support';
import { strings } from '../../text/strings';
import { EXCEL_REQUIRED, supports, webAppAddress } from '../host';
import { done, failed, guarded, type ExcelOutcome } from './errors';
import { queueMappingSheet, queuePageLayout, queueReportSheet } from './render';

export interface InsertOptions {
  /** Replace a sheet of the same name (the taskpane asks the clerk first). */
  readonly overwrite?: boolean;
}

export interface Inserted {
  readonly sheetName: string;
  readonly rows: number;
  /** False when the page layout could not be set: the sheet prints with Excel's defaults. */
  readonly pageLayoutApplied: boolean;
  readonly notes: readonly string[];
}

/** A name no clerk would pick, for sheets that exist only until the insert completes. */
export const TEMPORARY = (name: string): string => `~${name}`.slice(0, 31);

/**
 * Adds the report sheet and its very hidden mapping sheet. An existing sheet of that name is left
 * untouched unless `overwrite` is set: the result then says so and nothing is written.
 * @example const r = await insertTemplate(spec); if (!r.ok && r.error.code === 'sheetExists') askToOverwrite()
 */
export async function insertTemplate(spec: TemplateSpec, options: InsertOptions = {}): Promise<ExcelOutcome<Inserted>> {
  if (spec.mapping.rows.length === 0) return failed('nothingAssigned', strings.excelSheets.nothingAssigned);
  if (!supports(...EXCEL_REQUIRED)) return failed('unsupported', officeSupport.excelTooOld(webAppAddress()));
  const names = { sheet: spec.sheetName, map: mappingSheetName(spec.sheetName) };
  const temporary = { sheet: TEMPORARY(names.sheet), map: TEMPORARY(names.map) };
  const written = await guarded(() => Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name, items/visibility');
    await context.sync();

    const present = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const exists = present.has(names.sheet.toLowerCase());
    if (exists && !options.overwrite) return failed<Inserted>('sheetExists', strings.excelSheets.sheetExists(names.sheet));
    // Left over by an attempt that could not even clean up (Excel closed mid-way): removed first.
    for (const name of [temporary.sheet, temporary.map]) {
      const left = present.get(name.toLowerCase());
      if (left) queueDelete(sheets.getItem(left.name), left.visibility);
    }
    const sheet = sheets.add(temporary.sheet);
    queueReportSheet(sheet, spec);
    queueMappingSheet(sheets.add(temporary.map), spec);
    sheet.activate();
    // The swap, last, with the report sheet's rename the very last operation: a failure before it
    // leaves no sheet of the final name that was not there before (see removeLeftovers).
    const oldMap = present.get(names.map.toLowerCase());
    if (exists) sheets.getItem(names.sheet).delete();
    if (oldMap) queueDelete(sheets.getItem(oldMap.name), oldMap.visibility);
    sheets.getItem(temporary.map).name = names.map;
    sheet.name = names.sheet;
    await context.sync();
    return done<Inserted>({ sheetName: names.sheet, rows: spec.mapping.rows.length, pageLayoutApplied: false, notes: [] });
  }));
  if (!written.ok) {
    if (written.error.code === 'sheetExists' && written.error.officeCode === undefined) return written;
    const cleaned = await removeLeftovers(names, temporary);
    return cleaned ? { ok: false, error: { ...written.error, message: `${written.error.message} ${officeSupport.insertRolledBack}` } } : written;
  }
  return done({ ...written.value, ...(await applyPageLayout(spec)) });
}

/** A very hidden sheet must be made hidden before Excel deletes it (office-js#365). */
function queueDelete(sheet: Excel.Worksheet, visibility: Excel.SheetVisibility | string): void {
  if (visibility === Excel.SheetVisibility.veryHidden) sheet.visibility = Excel.SheetVisibility.hidden;
  sheet.delete();
}

/**
 * After a failed write batch: the temporary sheets go, and a mapping sheet of the final name goes
 * when no report sheet of that name is left (the swap had begun: the mapping is the new one, or the
 * old one's orphan). A report sheet of the final name is the old one, kept. True when it could look.
 */
async function removeLeftovers(names: { sheet: string; map: string }, temporary: { sheet: string; map: string }): Promise<boolean> {
  const r = await guarded(() => Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name, items/visibility');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const wanted = new Set([temporary.sheet, temporary.map].map((n) => n.toLowerCase()));
    if (!present.has(names.sheet.toLowerCase())) wanted.add(names.map.toLowerCase());
    const found = sheets.items.filter((s) => wanted.has(s.name.toLowerCase()));
    for (const s of found) queueDelete(sheets.getItem(s.name), s.visibility);
    if (found.length > 0) await context.sync();
    return done(true);
  }));
  return r.ok;
}

/** A4 landscape, one page wide, title rows repeated: optional, its own sync, a note when it fails. */
async function applyPageLayout(spec: TemplateSpec): Promise<Pick<Inserted, 'pageLayoutApplied' | 'notes'>> {
  if (!supports('ExcelApi', '1.9')) return { pageLayoutApplied: false, notes: [officeSupport.noPageLayout] };
  const r = await guarded(() => Excel.run(async (context) => {
    queuePageLayout(context.workbook.worksheets.getItem(spec.sheetName), spec);
    await context.sync();
    return done(undefined);
  }));
  return r.ok ? { pageLayoutApplied: true, notes: [] } : { pageLayoutApplied: false, notes: [officeSupport.pageLayoutFailed] };
}
