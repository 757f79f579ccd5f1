// The completeness section (DHIS2's reporting rate and reports on time): the counts, then one line
// per expected unit with its report's status and timeliness.

import { TEXT, COUNT, PERCENT, vietnamTime, type Stack } from './layout';
import type { CompletenessSummary, CompletenessUnit, ReportStatus } from './types';

export const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  submitted: 'Đã nộp', approved: 'Đã phê duyệt', returned: 'Bị trả lại', missing: 'Chưa nộp',
};

export const SUMMARY_HEADERS = [
  'Số đơn vị phải báo cáo', 'Đã nộp (chờ duyệt)', 'Đã phê duyệt', 'Bị trả lại', 'Chưa nộp', 'Đúng hạn', 'Trễ hạn',
  'Tỷ lệ báo cáo (%)', 'Tỷ lệ đúng hạn (%)',
] as const;

export const UNIT_HEADERS = ['Mã đơn vị', 'Đơn vị', 'Tình trạng báo cáo', 'Lần nộp', 'Thời hạn', 'Thời điểm nộp', 'Tiếp nhận của tỉnh'] as const;

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

export function completenessSection(stack: Stack, no: number, summary: CompletenessSummary, units: readonly CompletenessUnit[]): void {
  stack.caption('completenessCaption', `${no}. Tình hình báo cáo của các đơn vị`);
  const s = summary;
  stack.add('summary', 'table', [
    [...SUMMARY_HEADERS],
    [s.expected, s.submitted, s.approved, s.returned, s.missing, s.onTime, s.late, s.completenessRate, s.onTimeRate],
  ], [COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, PERCENT, PERCENT], 1);
  stack.row += 1;
  stack.add('units', 'table', [
    [...UNIT_HEADERS],
    ...units.map((u) => [u.unitId, u.name, STATUS_LABELS[u.status], u.revision, timeliness(u.late), vietnamTime(u.submittedAt), provinceStateLabel(u)]),
  ], [TEXT, TEXT, TEXT, COUNT, TEXT, TEXT, TEXT], 1);
}
