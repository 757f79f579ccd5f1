// The consolidation as CSV for Excel: UTF-8 with a byte-order mark (Excel reads Vietnamese right
// only with it), CRLF, one row per indicator (province figure) followed by one row per unit; then,
// after a blank line, who reported, on time or late, and the completeness rate (issue 3).
import { TASK_STATUS_LABELS, type TaskStatus } from '../core/values';
import type { Consolidation } from './consolidation';

const STATUS_VI: Readonly<Record<string, string>> = { submitted: 'Đã nộp', approved: 'Đã phê duyệt', returned: 'Bị trả lại', missing: 'Chưa nộp' };

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote always; a leading = + - @ would run as a formula in Excel, so it is escaped with a quote mark.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

const line = (cells: readonly unknown[]) => cells.map(cell).join(',');

export function consolidationCsv(c: Consolidation): string {
  const lines: string[] = [];
  if (c.kind === 'indicators') {
    lines.push(line(['Mã', 'TT', 'Chỉ tiêu', 'Mục tiêu 2026', 'Đơn vị', 'Tên đơn vị', 'Tình trạng báo cáo', 'Số liệu', 'Đánh giá']));
    for (const i of c.indicators) {
      const figure = i.provisional ? `${i.figureText} (tạm tính)` : i.figureText;
      lines.push(line([i.id, i.no, `${i.text} (${i.periodText})`, i.targetText, '', 'TOÀN TỈNH', i.completeness, figure, i.evaluationLabel]));
      for (const u of i.units) {
        lines.push(line([i.id, i.no, '', '', u.unitId, u.name, STATUS_VI[u.status], u.display ?? '', u.assessment ?? '']));
      }
    }
  } else {
    lines.push(line(['Mã', 'TT', 'Nhiệm vụ', 'Thời gian hoàn thành', 'Đơn vị', 'Tên đơn vị', 'Tình trạng báo cáo', 'Trạng thái', 'Tiến độ (%)', 'Kết quả', 'Khó khăn, vướng mắc', 'Đề xuất', 'Quá hạn']));
    for (const t of c.tasks) {
      for (const u of t.units) {
        lines.push(line([
          t.id, t.no ?? '', t.text, t.deadlineText ?? '', u.unitId, u.name, STATUS_VI[u.reportStatus],
          u.status ? TASK_STATUS_LABELS[u.status as TaskStatus] : '', u.progress ?? '', u.result ?? '', u.obstacles ?? '', u.proposal ?? '',
          u.deadlineState === 'overdue' ? 'Quá hạn' : u.deadlineState === 'notReported' ? 'Chưa báo cáo' : '',
        ]));
      }
    }
  }
  lines.push('', ...unitLines(c));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const percent = (rate: number | null) => (rate === null ? '' : `${String(rate).replace('.', ',')}%`);

/** Each expected unit's report status and timeliness, then the totals with the completeness rate. */
function unitLines(c: Consolidation): string[] {
  const s = c.summary;
  return [
    line(['Đơn vị', 'Tên đơn vị', 'Tình trạng báo cáo', 'Lần nộp', 'Thời hạn', 'Thời điểm nộp']),
    ...c.units.map((u) => line([u.unitId, u.name, STATUS_VI[u.status], u.revision ?? '', u.late === null ? '' : u.late ? 'Trễ hạn' : 'Đúng hạn', u.submittedAt ?? ''])),
    line(['Tổng hợp', 'Phải nộp', 'Đã nộp', 'Đã phê duyệt', 'Bị trả lại', 'Chưa nộp', 'Đúng hạn', 'Trễ hạn', 'Tỷ lệ đầy đủ', 'Tỷ lệ đúng hạn']),
    line(['', s.expected, s.submitted, s.approved, s.returned, s.missing, s.onTime, s.late, percent(s.completenessRate), percent(s.onTimeRate)]),
  ];
}
