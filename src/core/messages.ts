// The Vietnamese text of every issue code, in one place, so the taskpane, the Word report and the
// server say the same thing. Source of truth: the IssueCode union in result.ts. The record is typed
// Partial so that an engineer adding a code to the union does not break the build of everyone else;
// tests/core/messages.test.ts reads result.ts and fails while any code has no message here.

import type { Issue, IssueCode, Severity } from './result';

/** What a message may quote: the text the clerk typed, the accepted words, a limit. */
export interface MessageParams {
  readonly field?: string;
  readonly text?: string;
  readonly accepted?: readonly string[];
  readonly limit?: number;
  readonly detail?: string;
}

/** Vietnamese names of the input fields, as the template's column headings call them. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  note: 'Ghi chú / mô tả',
  status: 'Trạng thái',
  progress: 'Tiến độ (%)',
  result: 'Kết quả',
  obstacles: 'Khó khăn, vướng mắc',
  proposal: 'Đề xuất, kiến nghị',
  completedOn: 'Ngày hoàn thành',
  id: 'Mã chỉ tiêu / nhiệm vụ',
  period: 'Kỳ báo cáo',
  planId: 'Kế hoạch',
  rows: 'Danh sách dòng',
};

const label = (p: MessageParams): string => (p.field ? (FIELD_LABELS[p.field] ?? p.field) : 'Giá trị');
const typed = (p: MessageParams): string => (p.text !== undefined ? ` “${p.text}”` : '');
const list = (p: MessageParams): string => (p.accepted?.length ? ` Chọn một trong: ${p.accepted.join('; ')}.` : '');

const MESSAGES: Readonly<Partial<Record<IssueCode, (p: MessageParams) => string>>> = {
  'target.unknown': (p) => `Không đọc được mục tiêu${typed(p)}.`,
  'deadline.unknown': (p) => `Không đọc được thời gian hoàn thành${typed(p)}.`,
  'import.noAppendix01': () => 'Không tìm thấy Phụ lục 01 (danh mục chỉ tiêu) trong văn bản kế hoạch.',
  'import.noAppendix02': () => 'Không tìm thấy Phụ lục 02 (danh mục nhiệm vụ) trong văn bản kế hoạch.',
  'import.unreadableRow': (p) => `Không đọc được dòng${typed(p)} của phụ lục.`,
  'import.unknownUnit': (p) => `Không nhận ra đơn vị${typed(p)} trong danh mục đơn vị.`,
  'import.missingMetadata': (p) => `Không đọc được thông tin văn bản kế hoạch${p.detail ? ` (${p.detail})` : ''}.`,
  'import.noHeader': (p) => `Không nhận ra dòng tiêu đề của bảng phụ lục${p.detail ? `: ${p.detail}` : ''}.`,
  'import.noRows': (p) => `Không đọc được dòng nào của bảng phụ lục${p.detail ? `: ${p.detail}` : ''}.`,
  'import.numbering': (p) => `Số thứ tự trong phụ lục bị nhảy quãng hoặc trùng${p.detail ? `: ${p.detail}` : ''}.`,
  'import.manualTarget': (p) => `Mục tiêu${typed(p)} không theo mẫu đã biết: giữ nguyên văn và đánh giá thủ công.`,
  'import.docx': () => 'Không đọc được tệp Word (.docx) của kế hoạch.',
  'import.noCoordinator': (p) => `Kế hoạch không nói rõ đơn vị nào tổng hợp báo cáo${p.detail ? `: ${p.detail}` : ''}.`,
  'import.review': (p) => `Tệp rà soát thủ công không khớp với kế hoạch${p.detail ? `: ${p.detail}` : ''}.`,
  'units.csvHeader': (p) => `Dòng tiêu đề của tệp CSV danh mục đơn vị không đúng${p.detail ? `: ${p.detail}` : ''}.`,
  'units.csvRow': (p) => `Không đọc được dòng${typed(p)} của tệp CSV danh mục đơn vị.`,
  'units.duplicateId': (p) => `Mã đơn vị${typed(p)} bị trùng trong danh mục đơn vị.`,
  'value.required': (p) => `${label(p)} chưa được nhập.`,
  'value.notNumber': (p) => `${label(p)}${typed(p)} không phải là số hợp lệ (ví dụ: 70,5% hoặc 1.234).`,
  'value.percentOutOfRange': (p) => `${label(p)}${typed(p)} phải là tỷ lệ từ 0% đến 100%.`,
  'value.negative': (p) => `${label(p)}${typed(p)} không được là số âm.`,
  'value.fractionalCount': (p) => `${label(p)}${typed(p)} là số đếm nên phải là số nguyên (dấu chấm chỉ dùng để phân cách hàng nghìn).`,
  'value.numeratorAboveDenominator': () => 'Tử số không được lớn hơn mẫu số.',
  'value.denominatorZero': () => 'Mẫu số bằng 0 trong khi tử số khác 0.',
  'value.unknownStatus': (p) => `Trạng thái${typed(p)} không hợp lệ.${list(p)}`,
  'value.unknownYesNo': (p) => `Câu trả lời${typed(p)} không hợp lệ.${list(p)}`,
  'value.descriptionRequired': () => 'Đã ứng dụng thì phải mô tả việc ứng dụng (ở cột Ghi chú / mô tả).',
  'value.dateInvalid': (p) => `${label(p)}${typed(p)} không phải là ngày hợp lệ (định dạng năm-tháng-ngày, ví dụ 2026-03-14).`,
  'value.tooLong': (p) => `${label(p)} quá dài${p.limit !== undefined ? ` (tối đa ${p.limit} ký tự)` : ''}.`,
  'value.readAsFraction': (p) =>
    `${label(p)}${typed(p)} không có dấu % nên được hiểu là tỷ lệ ${p.detail ?? ''}; đề nghị kiểm tra lại và nhập kèm dấu % nếu đúng.`,
  'row.unknownId': (p) => `Mã${typed(p)} không có trong danh mục của kế hoạch.`,
  'row.notAssigned': (p) => `Mã${typed(p)} không được giao cho đơn vị này báo cáo.`,
  'row.duplicateId': (p) => `Mã${typed(p)} xuất hiện nhiều lần trong báo cáo.`,
  'period.unknown': (p) => `Kỳ báo cáo${typed(p)} không hợp lệ (ví dụ: 2026-Q1, 2026-H1, 2026-9M, 2026-Y).`,
  'period.wrongPlanYear': (p) => `Kỳ báo cáo${typed(p)} không thuộc năm của kế hoạch${p.detail ? ` (${p.detail})` : ''}.`,
  'submission.wrongPlan': (p) => `Báo cáo thuộc kế hoạch${typed(p)}, không phải kế hoạch đang kiểm tra${p.detail ? ` (${p.detail})` : ''}.`,
  'request.invalid': (p) => `Dữ liệu gửi lên không đúng cấu trúc${p.field ? ` tại “${p.field}”` : ''}${p.detail ? `: ${p.detail}` : ''}.`,
  'row.blank': (p) => `Dòng${typed(p)} được giao cho đơn vị nhưng chưa nhập số liệu${p.detail ? ` (${p.detail})` : ''}.`,
  'submission.empty': (p) =>
    `Báo cáo chưa có số liệu ở bất kỳ dòng nào được giao${p.detail ? ` (${p.detail})` : ''}: không thể nộp báo cáo trống; hãy nhập số liệu rồi nộp lại.`,
  'period.notInScheme': (p) => `Kế hoạch không yêu cầu báo cáo kỳ${typed(p)}${p.detail ? ` (${p.detail})` : ''}.`,
  'task.onTrackOverdue': (p) =>
    `Nhiệm vụ đã quá thời hạn hoàn thành${p.detail ? ` (${p.detail})` : ''} mà chưa hoàn thành nên không thể là "Đang triển khai (đúng tiến độ)": chọn "Chậm tiến độ" hoặc "Hoàn thành".`,
  'row.moved': (p) => `Dòng đã bị sắp xếp lại hoặc di chuyển: ô này cần là “${p.detail ?? ''}” như mẫu đã ghi, nên số liệu không còn đúng chỉ tiêu/nhiệm vụ. Hãy chèn lại mẫu, không sắp xếp hay di chuyển dòng.`,
  'task.inconsistent': (p) => `Trạng thái và tiến độ của nhiệm vụ không khớp nhau${p.detail ? `: ${p.detail}` : ''}.`,
};

/** The codes that have a message (every code of the union, as the messages test checks). */
export const CODES_WITH_MESSAGES: readonly IssueCode[] = Object.keys(MESSAGES) as IssueCode[];

/**
 * The Vietnamese message of an issue code.
 * @example issueMessage('value.negative', { field: 'numerator', text: '-3' }) === 'Tử số “-3” không được là số âm.'
 */
export function issueMessage(code: IssueCode, params: MessageParams = {}): string {
  const message = MESSAGES[code];
  // A code added to the union without its message still says something useful (and fails a test).
  return message ? message(params) : `Dữ liệu không hợp lệ (${code})${params.text !== undefined ? `: “${params.text}”` : ''}.`;
}

/**
 * Builds an Issue with its message; `field` and `rowId` locate it.
 * @example makeIssue('row.unknownId', 'error', { rowId: 'ct-99', text: 'ct-99' })
 */
export function makeIssue(
  code: IssueCode,
  severity: Severity,
  where: { readonly field?: string; readonly rowId?: string } & MessageParams = {},
): Issue {
  return {
    code,
    severity,
    message: issueMessage(code, where),
    ...(where.field !== undefined ? { field: where.field } : {}),
    ...(where.rowId !== undefined ? { rowId: where.rowId } : {}),
  };
}
