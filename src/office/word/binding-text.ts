// What the document says about itself, as text inside its content controls: which submission
// revision it shows (tag "cds-report") and who signed it off (tag "cds-approval"). Printed in
// small type at the foot of the report, so a paper copy also names the exact content it carries.
import type { ReportBinding } from '../../core/report';

export const REPORT_TAG = 'cds-report';
export const REPORT_TITLE = 'Báo cáo';
export const APPROVAL_TAG = 'cds-approval';
export const APPROVAL_TITLE = 'Ký duyệt';

/** What readReportBinding gives back: enough to approve exactly this revision. */
export type DocumentBinding = Pick<ReportBinding, 'submissionId' | 'revision' | 'contentHash'>;

export interface ApprovalRecord {
  /** Who approved (display name and user name). */
  readonly approver: string;
  /** ISO instant of the approval, as the server answered. */
  readonly at: string;
  readonly contentHash: string;
}

/** @example bindingText({ submissionId: 's1', revision: 2, contentHash: 'ab…' }) === 'Mã báo cáo: s1 | Lần nộp: 2 | Mã nội dung (SHA-256): ab…' */
export function bindingText(b: DocumentBinding): string {
  return `Mã báo cáo: ${b.submissionId} | Lần nộp: ${b.revision} | Mã nội dung (SHA-256): ${b.contentHash}`;
}

/** The foot line of an extract: it names the revision but binds nothing (parseBindingText gives null). */
export function extractFootText(b: DocumentBinding): string {
  return `Trích báo cáo từ lần nộp ${b.revision}; không dùng để phê duyệt.`;
}

const BINDING = /Mã báo cáo:\s*(\S+)\s*\|\s*Lần nộp:\s*(\d+)\s*\|\s*Mã nội dung \(SHA-256\):\s*([0-9a-f]{64})/u;

/** The binding in a content control's text, or null when it was edited beyond reading. */
export function parseBindingText(text: string): DocumentBinding | null {
  const m = BINDING.exec(text.normalize('NFC'));
  return m ? { submissionId: m[1], revision: Number(m[2]), contentHash: m[3] } : null;
}

/** @example approvalText({ approver: 'Nguyễn Văn A', at: '2026-04-02T03:00:00Z', contentHash }) */
export function approvalText(a: ApprovalRecord): string {
  return `Đã ký duyệt: ${a.approver} | Lúc: ${a.at} | Mã nội dung (SHA-256): ${a.contentHash}`;
}

const APPROVAL = /Đã ký duyệt:\s*(.+?)\s*\|\s*Lúc:\s*(\S+)\s*\|\s*Mã nội dung \(SHA-256\):\s*([0-9a-f]{64})/u;

export function parseApprovalText(text: string): ApprovalRecord | null {
  const m = APPROVAL.exec(text.normalize('NFC'));
  return m ? { approver: m[1], at: m[2], contentHash: m[3] } : null;
}
