// The template spec of a report sheet and its reader: pure, shared by the Excel adapters and the
// .xlsx renderer. See types.ts for the shape and read.ts for the number-format rule.
export * from './types';
export * from './address';
export { buildTemplateSpec, lastRow, reportSheetName, safeSheetName, SHEET_NAME_MAX, type TemplateOptions } from './build';
export { columnsOf, indicatorInputs, taskInputs, INDICATOR_COLUMNS, TASK_COLUMNS, EVALUATION_STYLES, SHEET_COLORS, VALIDATION_TEXT } from './columns';
export { linesHeight, rowHeight, wrappedLines } from './row-height';
export { cellToRaw, excelSerialToIso, isPercentFormat, readSheetRows, type Cell, type SheetRows } from './read';
export { blankRowIds } from './blank-rows';
export { checkSheetCells, submissionOf, DEADLINE_LABELS, INPUT_ERROR_LABEL, type CheckOutcome, type SheetIssue } from './check';
export { parseMapping, serializeMapping, mappingSheetName, isMappingSheetName, CLIENT_ID_LINE, MAPPING_PREFIX, type MappingCell } from './mapping';
export { checkRowIdentity, rowIdentity, type MovedRow } from './identity';
