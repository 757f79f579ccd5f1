// The Excel seam: the only door from the taskpane to Excel.* (docs/architecture.md §2). The taskpane receives
// `excelReports` (or a fake with the same shape) as a prop / context value and calls nothing else.

import { checkSheet } from './check';
import { withCellEditRetry } from './errors';
import { insertTemplate } from './insert';
import { findReportSheets, readForSubmit, selectCell, setClientSubmissionId } from './read';
import { checkForSubmit } from './submit';

export const excelReports = {
  insertTemplate,
  findReportSheets,
  checkSheet,
  checkForSubmit,
  readForSubmit,
  setClientSubmissionId,
  selectCell,
  withCellEditRetry,
};

export type ExcelReports = typeof excelReports;

export type { ExcelFailure, ExcelFailureCode, ExcelOutcome, RetryOptions, WaitingState } from './errors';
export { CELL_EDIT_MESSAGE, translateOfficeError } from './errors';
export type { InsertOptions, Inserted } from './insert';
export type { ReportSheetInfo } from './read';
export type { CheckResult } from './check';
export type { SubmitRead } from './submit';
export { checkForSubmit, checkSheet, findReportSheets, insertTemplate, readForSubmit, selectCell, setClientSubmissionId, withCellEditRetry };
