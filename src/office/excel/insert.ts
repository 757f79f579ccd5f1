// "Chèn Phụ lục 01 / 02": a new report sheet from a template spec, in one Excel.run with two syncs
// whatever the number of rows – the first reads the sheet names, the second writes everything.

import { mappingSheetName, type TemplateSpec } from '../../core/template';
import { strings } from '../../text/strings';
import { supports } from '../host';
import { done, failed, guarded, type ExcelOutcome } from './errors';
import { queueMappingSheet, queueReportSheet } from './render';

export interface InsertOptions {
  /** Replace a sheet of the same name (the taskpane asks the clerk first). */
  readonly overwrite?: boolean;
}

export interface Inserted {
  readonly sheetName: string;
  readonly rows: number;
  /** False when the host lacks ExcelApi 1.9: the sheet prints with Excel's defaults. */
  readonly pageLayoutApplied: boolean;
  readonly notes: readonly string[];
}

/** A name no clerk would pick, for the moment the old sheet and its replacement both exist. */
const TEMPORARY = (name: string): string => `~${name}`.slice(0, 31);

/**
 * Adds the report sheet and its very hidden mapping sheet. An existing sheet of that name is left
 * untouched unless `overwrite` is set: the result then says so and nothing is written.
 * @example const r = await insertTemplate(spec); if (!r.ok && r.error.code === 'sheetExists') askToOverwrite()
 */
export function insertTemplate(spec: TemplateSpec, options: InsertOptions = {}): Promise<ExcelOutcome<Inserted>> {
  if (spec.mapping.rows.length === 0) {
    return Promise.resolve(failed('nothingAssigned', strings.excelSheets.nothingAssigned));
  }
  const pageLayout = supports('ExcelApi', '1.9');
  return guarded(() => Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();

    const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const mapName = mappingSheetName(spec.sheetName);
    const exists = names.has(spec.sheetName.toLowerCase());
    if (exists && !options.overwrite) {
      return failed<Inserted>('sheetExists', strings.excelSheets.sheetExists(spec.sheetName));
    }
    // Added under a temporary name first: Excel refuses to delete the last visible sheet.
    const sheet = sheets.add(exists ? TEMPORARY(spec.sheetName) : spec.sheetName);
    if (exists) {
      sheets.getItem(spec.sheetName).delete();
      sheet.name = spec.sheetName;
    }
    if (names.has(mapName.toLowerCase())) {
      const old = sheets.getItem(mapName);
      old.visibility = Excel.SheetVisibility.hidden; // Excel refuses to delete a very hidden sheet (office-js#365)
      old.delete();
    }
    queueReportSheet(sheet, spec, pageLayout);
    queueMappingSheet(sheets.add(mapName), spec);
    sheet.activate();
    await context.sync();
    return done<Inserted>({
      sheetName: spec.sheetName,
      rows: spec.mapping.rows.length,
      pageLayoutApplied: pageLayout,
      notes: pageLayout ? [] : [strings.excelSheets.noPageLayout],
    });
  }));
}
