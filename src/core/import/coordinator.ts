// The plan's consolidating body (docs/domain.md, "Who consolidates"): the agency the units send
// their reports to, which consolidates them and reports to the province. Plans name it in their
// "Tổ chức thực hiện" section, in one of a few ways; 1174/KH-UBND says all three of Sở KH&CN:
//   "… gửi Sở Khoa học và Công nghệ tổng hợp, báo cáo cấp có thẩm quyền",
//   "… kịp thời báo cáo UBND tỉnh (qua Sở Khoa học và Công nghệ) để xem xét …",
//   "1. Sở Khoa học và Công nghệ" followed by duties that "tổng hợp, báo cáo UBND tỉnh".
// A hand review may name it instead (review.coordinator) when the text says it otherwise. Without
// it the plan still imports (a warning): units report, but nobody may approve the province report.
import type { Issue } from '../result';
import { nameKey, type NameIndexEntry } from './cells';

/** "VI. TỔ CHỨC THỰC HIỆN" (any Roman or Arabic number, or none; any case). */
const SECTION = /^(?:[IVXLC]+|\d+)?[.)]?\s*tổ chức thực hiện\s*[:.]?$/iu;
/** The next heading at the same level: a Roman numeral, or a Phụ lục. */
const NEXT_SECTION = /^(?:[IVXLC]+[.)]\s+\S|phụ lục\b)/iu;
/** A numbered paragraph heading inside the section: "1. Sở Khoa học và Công nghệ". */
const NUMBERED = /^\d+[.)]\s*(.+?)[.:]?$/u;

// Phrases that name the consolidating body, most explicit first.
// A name never holds punctuation, so a capture stops at the clause it starts in.
const PHRASES: readonly RegExp[] = [
  /gửi\s+(?:về\s+)?([^,.;:()]+?)\s+(?:để\s+)?tổng hợp/giu,
  /\(\s*qua\s+([^,.;:()]+?)\s*\)/giu,
  /báo cáo\s+về\s+([^,.;:()]+?)\s+(?:để\s+)?tổng hợp/giu,
];
/** A numbered paragraph whose duties are the consolidation: "… tổng hợp, báo cáo UBND tỉnh". */
const DUTY = /tổng hợp[,\s]+báo cáo/iu;

export type CoordinatorReading = { readonly unitId: string; readonly how: string } | { readonly issue: Issue };

/**
 * The unit a captured phrase ends with ("báo cáo định kỳ gửi về Sở Tài chính" names Sở Tài chính: the
 * capture starts at the first "gửi" of its clause), longest name first, as the index is ordered.
 */
function unitNamed(names: readonly NameIndexEntry[], text: string): string | null {
  const key = nameKey(text);
  const entry = names.find((e) => e.ref.kind === 'unit' && (key === e.key || key.endsWith(` ${e.key}`)));
  return entry?.ref.kind === 'unit' ? entry.ref.unitId : null;
}

/** The lines of the "Tổ chức thực hiện" section (its heading excluded), or null without one. */
function sectionLines(lines: readonly string[]): readonly string[] | null {
  const start = lines.findIndex((l) => SECTION.test(l.trim()));
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => NEXT_SECTION.test(l.trim()));
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * Finds the consolidating body in the plan's text (the lines before Phụ lục 01), as a unit the
 * review knows. Every phrase that names a unit counts; they must agree. A refusal says, in
 * Vietnamese, what was looked for and where the review can name it.
 * @example readCoordinator(lines, names) // { unitId: 'so-khcn', how: 'gửi … tổng hợp' }
 */
export function readCoordinator(lines: readonly string[], names: readonly NameIndexEntry[], reviewed?: string): CoordinatorReading {
  if (reviewed) return { unitId: reviewed, how: 'tệp rà soát (coordinator)' };
  const section = sectionLines(lines);
  if (!section) {
    return { issue: { code: 'import.noCoordinator', severity: 'warning', message: 'Không tìm thấy mục "Tổ chức thực hiện" của kế hoạch để biết cơ quan nào tổng hợp báo cáo: thêm "coordinator" (mã đơn vị) vào tệp rà soát.' } };
  }
  const found = new Map<string, string>();
  const text = section.join(' ');
  for (const phrase of PHRASES) {
    for (const m of text.matchAll(phrase)) {
      const unitId = unitNamed(names, m[1]);
      if (unitId && !found.has(unitId)) found.set(unitId, m[0].replace(/\s+/gu, ' '));
    }
  }
  if (found.size === 0) {
    // "1. Sở Khoa học và Công nghệ", then its duties, up to the next numbered paragraph.
    section.forEach((line, i) => {
      const heading = NUMBERED.exec(line.trim());
      const unitId = heading ? unitNamed(names, heading[1]) : null;
      if (!unitId) return;
      const next = section.findIndex((l, j) => j > i && NUMBERED.test(l.trim()));
      const duties = section.slice(i + 1, next < 0 ? section.length : next).join(' ');
      if (DUTY.test(duties) && !found.has(unitId)) found.set(unitId, `${heading![0]} … tổng hợp, báo cáo`);
    });
  }
  if (found.size === 1) {
    const [[unitId, how]] = [...found];
    return { unitId, how };
  }
  const message = found.size === 0
    ? 'Mục "Tổ chức thực hiện" không nói đơn vị nào tổng hợp báo cáo (tìm "gửi … tổng hợp", "(qua …)" hoặc đơn vị có nhiệm vụ "tổng hợp, báo cáo"): thêm "coordinator" (mã đơn vị) vào tệp rà soát.'
    : `Mục "Tổ chức thực hiện" nêu nhiều đơn vị tổng hợp báo cáo (${[...found.keys()].join(', ')}): chọn một bằng "coordinator" trong tệp rà soát.`;
  return { issue: { code: 'import.noCoordinator', severity: 'warning', message } };
}
