// The 2026 plan's own rows reshaped into the other layouts plans are published in, for the
// table-driven layout tests: the text above the appendices is kept, each appendix's heading is
// rewritten and its table is printed one row per line (with or without outer pipes) or as markdown.
import { findAppendixHeadings } from '../../../src/core/import/appendix';
import { planLines, readTable } from '../../../src/core/import/table';

export interface Appendix {
  readonly heading: string;
  readonly preamble: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines after the table (the web page's junk). */
  readonly after: readonly string[];
}

export interface PlanParts {
  readonly top: readonly string[];
  readonly appendices: readonly [Appendix, Appendix];
}

/** The plan text taken apart: the lines above Phụ lục 01, then each appendix's heading, preamble and cells. */
export function planParts(text: string): PlanParts {
  const lines = planLines(text);
  const h = findAppendixHeadings(lines).filter((x) => /^PHỤ LỤC/u.test(lines[x.index]));
  const appendix = (k: number): Appendix => {
    const end = h[k + 1]?.index ?? lines.length;
    const t = readTable(lines, h[k].index + 1, end);
    return { heading: lines[h[k].index], preamble: t.preamble, header: t.header, rows: t.rows.map((r) => r.cells), after: t.unread };
  };
  return { top: lines.slice(0, h[0].index), appendices: [appendix(0), appendix(1)] };
}

export type TableStyle = 'cellPerLine' | 'rowPerLine' | 'rowPerLineOuterPipes' | 'markdown' | 'tabs';

const pipeRow = (cells: readonly string[], outer: boolean): string => {
  const inner = cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ');
  return outer ? `| ${inner} |` : inner;
};

export function tableLines(header: readonly string[], rows: readonly (readonly string[])[], style: TableStyle): string[] {
  switch (style) {
    case 'cellPerLine':
      return ['|', ...header.map((c) => `${c} |`), ...rows.flatMap((r) => ['|', ...r.map((c) => (c === '' ? '|' : `${c} |`))])];
    case 'rowPerLine':
      return [pipeRow(header, false), ...rows.map((r) => pipeRow(r, false))];
    case 'rowPerLineOuterPipes':
      return [pipeRow(header, true), ...rows.map((r) => pipeRow(r, true))];
    case 'tabs':
      return [header.join('\t'), ...rows.map((r) => r.join('\t'))];
    case 'markdown':
      return [pipeRow(header, true), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => pipeRow(r, true))];
  }
}

/** The plan printed again with other headings and another table layout. */
export function reshape(parts: PlanParts, style: TableStyle, headings: readonly [string, string] = [parts.appendices[0].heading, parts.appendices[1].heading]): string {
  const out: string[] = [...parts.top];
  parts.appendices.forEach((a, k) => {
    out.push(headings[k], ...a.preamble, ...tableLines(a.header, a.rows, style));
    if (style !== 'cellPerLine') out.push('');
    out.push(...a.after);
  });
  return `${out.join('\n')}\n`;
}
