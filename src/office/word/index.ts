// The Word seam the taskpane calls (docs/architecture.md §2): the only module outside src/office/word that
// knows the report lives in a Word document. Components receive it as a prop, so tests can pass
// a fake and the view's chunk does not import Word.* itself.
import type { ReportModel } from '../../core/report';
import { readApproval, readReportBinding, recordApproval } from './approval';
import type { ApprovalRecord, DocumentBinding } from './binding-text';
import { writeReport } from './report-writer';

export interface WordReportHost {
  /** Replaces the document's content with the report (1 Word.run, 1 sync). */
  writeReport(model: ReportModel): Promise<void>;
  /** Which submission revision the document shows (1 sync); null without a report. */
  readReportBinding(): Promise<DocumentBinding | null>;
  /** Records the sign-off in the document (2 syncs). */
  recordApproval(record: ApprovalRecord): Promise<void>;
  readApproval(): Promise<ApprovalRecord | null>;
}

export const wordReportHost: WordReportHost = { writeReport, readReportBinding, recordApproval, readApproval };

export { WordError } from './errors';
export type { ApprovalRecord, DocumentBinding } from './binding-text';
export { APPROVAL_TAG, REPORT_TAG, bindingText, parseBindingText } from './binding-text';

/** Sở KH&CN's consolidated report (the consolidator's "Tạo báo cáo tổng hợp"). */
export { writeProvinceReport } from './province-report';
