// The completeness section (DHIS2's reporting rate and reports on time): the counts, printed in the
// report, and one line per expected unit with its report's status and timeliness, kept on the sheet
// beside the report but outside its print area.

import { formatCount, formatPercent } from '../numbers';
import { TEXT, COUNT, vietnamTime, type Stack } from './layout';
import type { CompletenessSummary, CompletenessUnit, ReportStatus } from './types';

export const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  submitted: 'Đã nộp', approved: 'Đã phê duyệt', returned: 'Bị trả lại', missing: 'Chưa nộp',
};

export const SUMMARY_HEADERS = [
  'Số đơn vị phải báo cáo', 'Đã nộp (chờ duyệt)', 'Đã phê duyệt', 'Bị trả lại', 'Chưa nộp', 'Đúng hạn', 'Trễ hạn',
  'Tỷ lệ báo cáo', 'Tỷ lệ đúng hạn',
] as const;

export const UNIT_HEADERS = ['Đơn vị', 'Tình trạng báo cáo', 'Lần nộp', 'Thời hạn', 'Thời điểm nộp', 'Tiếp nhận của tỉnh', 'Mã đơn vị'] as const;

/**
 * The province's state of a unit's report as the consolidator reads it: accepted, sent back (until the
 * unit's correction is approved again), corrected and waiting to be accepted again, or waiting for a
 * first word; nothing while the head has not approved it.
 * @example provinceStateLabel({ status: 'approved', provinceState: null }) === 'Chờ tiếp nhận'
 */
export function provinceStateLabel(u: Pick<CompletenessUnit, 'status' | 'provinceState'>): string {
  if (u.provinceState === 'accepted') return 'Đã tiếp nhận';
  if (u.provinceState === 'reopened') return u.status === 'approved' ? 'Đã sửa, chờ tiếp nhận lại' : 'Trả lại để sửa';
  return u.status === 'approved' ? 'Chờ tiếp nhận' : '';
}

const timeliness = (late: boolean | null): string => (late === null ? '' : late ? 'Trễ hạn' : 'Đúng hạn');
/** Rates as the figures print them ("92,86%"): a number cell would show the reader's locale's separator. */
const rate = (r: number | null): string => (r === null ? '' : formatPercent(r));

/** The counts, one per line (label, value), from the second column: it prints on the report's first page. */
export function summarySection(stack: Stack, no: number, summary: CompletenessSummary): void {
  stack.caption('summaryCaption', `${no}. Tình hình báo cáo của các đơn vị`);
  const s = summary;
  // As text in the Vietnamese convention ("3.400", "92,86%"), whatever the reader's locale.
  const values = [...[s.expected, s.submitted, s.approved, s.returned, s.missing, s.onTime, s.late].map(formatCount), rate(s.completenessRate), rate(s.onTimeRate)];
  stack.add('summary', 'table', [['Nội dung', 'Số liệu'], ...SUMMARY_HEADERS.map((label, i) => [label, values[i]])], [TEXT, TEXT], 1, 1);
}

/** Each expected unit's report: a working table (outside the print area), its id last. */
export function unitsSection(stack: Stack, no: number, units: readonly CompletenessUnit[]): void {
  stack.caption('unitsCaption', `${no}. Tình hình báo cáo của từng đơn vị`);
  stack.add('units', 'table', [
    [...UNIT_HEADERS],
    ...units.map((u) => [u.name, STATUS_LABELS[u.status], u.revision, timeliness(u.late), vietnamTime(u.submittedAt), provinceStateLabel(u), u.unitId]),
  ], [TEXT, TEXT, COUNT, TEXT, TEXT, TEXT, TEXT], 1, 1);
}
