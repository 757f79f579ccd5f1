// The human-readable review (`npm run catalogue -- --review`): every row read, beside the source
// line it came from, so a person can check the reading before the catalogue is used.
import { coordinatorOf } from '../units';
import type { ImportReport } from './import-plan';

/**
 * Plain text: per appendix its layout and header, then "where | source ⇒ reading" per row, then
 * what could not be read and the warnings.
 * @example formatReview(report).split('\n')[0] // 'Kế hoạch 1174/KH-UBND (31/12/2025) – …'
 */
export function formatReview(report: ImportReport): string {
  const { catalogue, issues, appendices } = report;
  const d = catalogue.document;
  const out: string[] = [
    `Kế hoạch ${d.number} (${d.issuedOn.split('-').reverse().join('/')}) – ${d.title}; ${d.issuer}; năm ${d.planYear}; mã ${catalogue.planId}`,
    `Đơn vị tổng hợp báo cáo: ${coordinatorOf(catalogue)?.name ?? 'chưa xác định (xem cảnh báo)'}`,
  ];
  for (const a of appendices) {
    const layout = a.layout === 'cellPerLine' ? 'mỗi ô một dòng' : 'mỗi hàng một dòng';
    out.push('', `== Phụ lục ${a.appendix} (tiêu đề bảng ở ${a.where}; cách trình bày: ${layout}) ==`, `   cột: ${a.header.join(' | ')}`);
    for (const r of a.rows) out.push(`${r.where}: ${r.source}`, `   ⇒ ${r.reading}`);
  }
  out.push('', `== Không đọc được (${catalogue.unread.length}) ==`, ...catalogue.unread.map((u) => `- ${u}`));
  const warnings = issues.filter((i) => i.code !== 'import.review');
  out.push('', `== Cảnh báo (${warnings.length}) ==`, ...warnings.map((i) => `- ${i.message}`));
  return `${out.join('\n')}\n`;
}
