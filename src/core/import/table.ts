// Reading an appendix table flattened one cell per line, as the 2026 plan's web page has it: every
// cell ends with " |", an empty cell is a lone "|" line, and a lone "|" also opens every row.
// The other layouts (one row per line, markdown, a .docx's cells) are in layouts.ts.
// Source of truth: the plan text in seeds/ and docs/catalogue.md and docs/domain.md §1.

/** The plan text as lines: NFC (so words compare equal), "\r\n" read as "\n", no-break spaces as spaces. */
export function planLines(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\u00a0\u200b\ufeff]/gu, ' ').replace(/[ \t]+$/u, ''));
}

/** Collapses inner runs of spaces; keeps the words exactly as printed. */
export const tidyCell = (s: string): string => s.replace(/\s+/gu, ' ').trim();

export interface TableRow {
  /** 1-based line of the plan text where the row's first cell is. */
  readonly line: number;
  /** Where a reader finds the row in the source: "dòng 213", or "bảng 2, hàng 5" in a .docx. */
  readonly where: string;
  /** Exactly as many cells as the header; an empty cell is "". */
  readonly cells: readonly string[];
}

export interface Table {
  /** Lines above the table (the appendix's title and "Ban hành kèm theo …"). */
  readonly preamble: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
  /** Text that belongs to no row, verbatim (web-page junk after the table, misaligned cells). */
  readonly unread: readonly string[];
}

type Token = { readonly kind: 'empty'; readonly line: number } | { readonly kind: 'cell'; readonly text: string; readonly line: number };

/**
 * Reads lines [from, to) as one table. The header row's width fixes the row width, so a row is
 * "|" followed by that many cells; the plan marks empty cells with "|" as well, so nothing else
 * tells an empty cell from a row start. A row that does not end where the next "|" begins is
 * reported in `unread` (with its cells) rather than shifted into the next row.
 */
export function readTable(lines: readonly string[], from: number, to: number, where: (line: number) => string = lineLabel): Table {
  const preamble: string[] = [];
  const unread: string[] = [];
  const tokens: Token[] = [];
  let pending: string[] = [];
  let pendingLine = 0;
  for (let i = from; i < to; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    if (raw === '|') {
      if (pending.length > 0) {
        (tokens.length === 0 ? preamble : unread).push(...pending);
        pending = [];
      }
      tokens.push({ kind: 'empty', line: i + 1 });
    } else if (raw.endsWith(' |') || raw.endsWith('|')) {
      const text = tidyCell([...pending, raw.slice(0, -1)].join(' '));
      tokens.push({ kind: 'cell', text, line: pending.length > 0 ? pendingLine : i + 1 });
      pending = [];
    } else {
      if (pending.length === 0) pendingLine = i + 1;
      pending.push(raw);
    }
  }
  if (pending.length > 0) (tokens.length === 0 ? preamble : unread).push(...pending);

  let at = 0;
  // Header: "|" then its (non-empty) cells, up to the next "|".
  const header: string[] = [];
  if (tokens[at]?.kind === 'empty') at++;
  while (at < tokens.length && tokens[at].kind === 'cell') header.push((tokens[at++] as { text: string }).text);
  const width = header.length;
  const rows: TableRow[] = [];
  if (width === 0) return { preamble, header, rows, unread: [...unread, ...tokens.slice(at).flatMap((t) => (t.kind === 'cell' ? [t.text] : []))] };

  while (at < tokens.length) {
    if (tokens[at].kind !== 'empty') {
      // Misaligned: a cell where a row should start. Report everything up to the next "|".
      while (at < tokens.length && tokens[at].kind === 'cell') unread.push((tokens[at++] as { text: string }).text);
      continue;
    }
    at++; // the "|" that opens the row
    if (at >= tokens.length) break;
    const cells: string[] = [];
    const line = tokens[at].line;
    while (cells.length < width && at < tokens.length) {
      const t = tokens[at++];
      cells.push(t.kind === 'cell' ? t.text : '');
    }
    if (cells.length < width) {
      if (cells.some((c) => c !== '')) unread.push(cells.filter((c) => c !== '').join(' | '));
      break;
    }
    rows.push({ line, where: where(line), cells });
  }
  return { preamble, header, rows, unread };
}

/** "dòng 213": a 1-based line of a text source. */
export const lineLabel = (line: number): string => `dòng ${line}`;

/**
 * A cell as printed with its bullets on separate lines: "- a - b" → "- a\n- b".
 * Only cells that start with "- " are bulleted; a dash inside a sentence ("vật lý - số") stays.
 */
export function bulletLines(cell: string): string {
  if (!cell.startsWith('- ')) return cell;
  return cell
    .split(/\s+(?=- \p{Lu})/u)
    .map((l) => l.trim())
    .join('\n');
}
