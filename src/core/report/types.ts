// The official report as a declarative document: what a renderer (Word add-in, .docx file) draws.
// Source of truth: docs/domain.md §6 (Nghị định 30/2020/NĐ-CP, Phụ lục I) for the parts and their
// formatting; the renderers only map these blocks to their API, so both print the same report.

/** Which submission revision the document shows; approval is bound to its content hash. */
export interface ReportBinding {
  /** The submission's id, or the consolidated report's id for kind 'province'. */
  readonly submissionId: string;
  readonly revision: number;
  readonly contentHash: string;
  /** 'province': Sở KH&CN's consolidated report (province-model.ts). */
  readonly kind: 'indicators' | 'tasks' | 'province';
  readonly unitId: string;
  readonly period: string;
}

/** The two-column header (Nghị định 30: agency on the left, Quốc hiệu and Tiêu ngữ on the right). */
export interface ReportHeader {
  /** Parent agency above the issuing agency, upper case, not bold; null for none. */
  readonly parentAgency: string | null;
  /** Issuing agency, upper case bold; a "\n" breaks it where the decree's samples do ("ỦY BAN NHÂN DÂN\nXÃ QUỲNH LƯU"). */
  readonly agency: string;
  readonly nationalTitle: string;
  readonly motto: string;
  /** "Số: …/BC-SKHCN" – the number is left for the clerical office unless given. */
  readonly number: string;
  /** "Nghệ An, ngày 05 tháng 01 năm 2026" (italic). */
  readonly placeDate: string;
}

export interface ReportTable {
  /** Column headings, first row of the table. */
  readonly columns: readonly string[];
  /** Relative column widths (sum 100). */
  readonly widths: readonly number[];
  /** Body rows: one string per column. */
  readonly rows: readonly (readonly string[])[];
  /** Columns centred in body rows (TT, evaluations); the others are left-aligned. */
  readonly centred: readonly number[];
}

/** The body in reading order: numbered headings, justified paragraphs, tables. */
export type ReportBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly table: ReportTable };

export interface ReportSignature {
  /** The lines above the title: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], ["KT. GIÁM ĐỐC"]; empty when the head signs in their own right. */
  readonly authority: readonly string[];
  /** "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHỦ TỊCH". */
  readonly title: string;
  /** The signer's name, or a dotted line the head fills in. */
  readonly name: string;
}

export interface EvaluationCounts {
  readonly total: number;
  /** In the year's report: met; before it: already at the year's target. */
  readonly met: number;
  readonly exceeded: number;
  /** In the year's report: not met; before it: not yet at the year's target. */
  readonly notMet: number;
  readonly noData: number;
  /** Values the target does not judge on their own (a unit's share of a province figure). */
  readonly contribution: number;
  /** Whether the report closes the year (final evaluations) or shows progress. */
  readonly final: boolean;
  /** Indicators whose target is kept as text: judged by a person. */
  readonly manual: number;
}

export interface TaskCounts {
  readonly total: number;
  readonly done: number;
  /** Under way on schedule (Đang triển khai, đúng tiến độ) and not past the deadline. */
  readonly onTime: number;
  /** Reported "Chậm tiến độ" but not yet past the deadline. */
  readonly late: number;
  /** Not done and past a fixed deadline on the report date. */
  readonly overdue: number;
  /** Not started, and not past the deadline. */
  readonly notStarted: number;
  /** Rows the unit left without a status: "Chưa báo cáo", never also overdue. */
  readonly notReported: number;
}

export interface ReportModel {
  readonly binding: ReportBinding;
  readonly header: ReportHeader;
  /** "BÁO CÁO". */
  readonly title: string;
  /** Trích yếu: "Kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, quý I năm 2026". */
  readonly subject: string;
  readonly body: readonly ReportBlock[];
  readonly summary: { readonly indicators: EvaluationCounts | null; readonly tasks: TaskCounts | null };
  readonly proposals: readonly string[];
  /** Khó khăn, vướng mắc as reported, one line each ("Nhiệm vụ 3: …"). */
  readonly difficulties: readonly string[];
  /** Null for a monitoring agency's extract: nobody signs an extract (model.ts). */
  readonly signature: ReportSignature | null;
  /** "Nơi nhận:" lines, each "- …;" and the last "- Lưu: VT, …"; none in an extract. */
  readonly recipients: readonly string[];
  /** Set when the report is a monitoring agency's extract of a unit's task report (source.ts ReportExtract). */
  readonly extract?: { readonly monitorNames: readonly string[] };
  /** The verification code printed at the foot with its QR code (docs/province-report.md); absent in drafts. */
  readonly verification?: ReportVerification;
}

export interface ReportVerification {
  /** Short code, e.g. "K7M2-9QXA". */
  readonly code: string;
  /** The address of the verification page for that code (the QR code encodes it). */
  readonly url: string;
  /** The QR code as PNG, base64, when the renderer cannot draw it itself (Word has no QR library); the server's .docx makes its own. */
  readonly qrPng?: string;
}

/**
 * The first words of the verification block. A document's text is hashed up to here
 * (src/server/document-text.ts), so the block itself – and anything after it, such as the add-in's
 * binding line and the record of approval – is not part of what the code vouches for.
 */
export const VERIFICATION_MARK = 'Mã xác thực';

/** The QR code's alternative text (title), in both renderers. */
export const QR_ALT_TITLE = 'Mã QR xác thực';

/** @example verificationLine({ code: 'K7M2-9QXA', url: 'https://bc.example/verify/K7M2-9QXA' }) === 'Mã xác thực: K7M2-9QXA. Kiểm tra tại https://bc.example/verify/K7M2-9QXA' */
export const verificationLine = (v: Pick<ReportVerification, 'code' | 'url'>): string => `${VERIFICATION_MARK}: ${v.code}. Kiểm tra tại ${v.url}`;

/** Page setup and type sizes (Nghị định 30/2020, Phụ lục I), shared by both renderers. */
export const REPORT_LAYOUT = {
  font: 'Times New Roman',
  /** A4 portrait, millimetres. */
  page: { width: 210, height: 297 },
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Points. */
  size: { agency: 12, parentAgency: 12, nationalTitle: 12, motto: 13, number: 13, placeDate: 14, title: 14, subject: 14, body: 14, table: 12, signature: 14, recipientsLabel: 12, recipients: 11 },
  /** First-line indent of body paragraphs, millimetres (1–1,27 cm). */
  firstLineIndent: 12.7,
  /** Header columns (agency | Quốc hiệu), percent of the text width. */
  headerWidths: [43, 57],
} as const;
