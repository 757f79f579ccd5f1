// Finding the appendices (Phụ lục 01 / 1 / I, with or without "số") and their columns by the
// header's words. A heading counts only when the table under it has a recognised header, so a
// mention such as "(Phụ lục 01 gửi kèm theo)" or a heading over another table is passed by.
import type { HeaderTest } from './layouts';

const HEADING = /^PHỤ LỤC(?:\s+SỐ)?\s*[:.]?\s*(\d{1,2}|[IVX]{1,4})(?=$|[\s:.,;–—-])(.*)$/iu;
const ROMAN_VALUE: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

/**
 * The appendix number a heading line names, or null. Markdown marks (#, **) are ignored; after
 * the number comes nothing, punctuation, "(…" or an upper-case title – not a sentence going on.
 * @example appendixNumber('PHỤ LỤC SỐ I: DANH MỤC CHỈ TIÊU') === 1
 * @example appendixNumber('Phụ lục 01 gửi kèm theo') === null
 */
export function appendixNumber(line: string): number | null {
  // Markdown marks, and the pipes of a heading written in a one-cell table or ending a web cell.
  const s = line.trim().replace(/^\|\s*|\s*\|$/gu, '').replace(/^#+\s*/u, '').replace(/^[*_]+|[*_]+$/gu, '').trim();
  const m = HEADING.exec(s);
  if (!m) return null;
  const rest = m[2].trim();
  if (rest !== '' && !/^[:.,;–—(-]/u.test(rest) && !/^\p{Lu}/u.test(rest)) return null;
  const n = /^\d+$/u.test(m[1]) ? Number(m[1]) : ROMAN_VALUE[m[1].toUpperCase()];
  return n ?? null;
}

export interface HeadingLine {
  readonly no: number;
  /** 0-based index into the plan's lines. */
  readonly index: number;
}

export function findAppendixHeadings(lines: readonly string[]): HeadingLine[] {
  const out: HeadingLine[] = [];
  lines.forEach((l, index) => {
    const no = appendixNumber(l);
    if (no !== null) out.push({ no, index });
  });
  return out;
}

const TT = /^(?:s\.?\s*tt|tt|số\s*tt|số thứ tự)\.?$/iu;

export interface Columns {
  /** Column index per role; -1 where the table has no such column. */
  readonly [role: string]: number;
}

interface ColumnSpec {
  readonly role: string;
  /** How the column is named in a message when it is missing. */
  readonly label: string;
  readonly pattern: RegExp;
  readonly required: boolean;
}

const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  { role: 'tt', label: 'TT', pattern: TT, required: true },
  { role: 'target', label: 'Mục tiêu', pattern: /mục tiêu|kế hoạch năm|^chỉ tiêu (?:năm )?\d{4}$|^(?:năm )?\d{4}$/iu, required: true },
  { role: 'unit', label: 'Đơn vị tính', pattern: /^(?:đơn vị(?: tính)?|đvt)$/iu, required: false },
  { role: 'lead', label: 'Đơn vị chủ trì', pattern: /chủ trì|đầu mối|^(?:đơn vị|cơ quan) thực hiện$/iu, required: true },
  { role: 'text', label: 'Chỉ tiêu', pattern: /chỉ tiêu|nội dung/iu, required: true },
];

const TASK_COLUMNS: readonly ColumnSpec[] = [
  { role: 'tt', label: 'TT', pattern: TT, required: true },
  { role: 'lead', label: 'Đơn vị chủ trì', pattern: /chủ trì|đầu mối|^(?:đơn vị|cơ quan) thực hiện$/iu, required: true },
  { role: 'monitor', label: 'Cơ quan theo dõi, tổng hợp', pattern: /theo dõi/iu, required: false },
  { role: 'deadline', label: 'Thời gian hoàn thành', pattern: /thời gian|thời hạn|tiến độ/iu, required: false },
  { role: 'text', label: 'Nhiệm vụ', pattern: /nhiệm vụ|nội dung/iu, required: true },
];

export type ColumnReading = { readonly ok: true; readonly columns: Columns } | { readonly ok: false; readonly missing: readonly string[] };

/** Each column found by its words; a column is taken once (the first spec that names it wins). */
function mapColumns(header: readonly string[], specs: readonly ColumnSpec[]): ColumnReading {
  const taken = new Set<number>();
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const spec of specs) {
    const i = header.findIndex((h, k) => !taken.has(k) && spec.pattern.test(h.normalize('NFC').trim()));
    if (i >= 0) taken.add(i);
    else if (spec.required) missing.push(spec.label);
    columns[spec.role] = i;
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns };
}

export const indicatorColumns = (header: readonly string[]): ColumnReading => mapColumns(header, INDICATOR_COLUMNS);
export const taskColumns = (header: readonly string[]): ColumnReading => mapColumns(header, TASK_COLUMNS);

/** A header row of Phụ lục 01: a TT column and a column of indicators (chỉ tiêu). */
export const isIndicatorHeader: HeaderTest = (cells) => cells.some((c) => TT.test(c.trim())) && cells.some((c) => /chỉ tiêu/iu.test(c));
/** A header row of Phụ lục 02: a TT column and a column of tasks (nhiệm vụ). */
export const isTaskHeader: HeaderTest = (cells) => cells.some((c) => TT.test(c.trim())) && cells.some((c) => /nhiệm vụ/iu.test(c));
