// A row's identity on the report sheet: its number (TT) and its indicator / task text, as the
// template wrote them. The sheet is protected without a password, so a clerk can unprotect it and
// sort or move rows; the mapping still says "row 12 is ct-05", and values would be stored under the
// wrong indicators. Every mapped row's identity cells must still be what the template wrote there,
// or the sheet is refused with the cell address (docs/security.md). Shared by the server's .xlsx
// import and the Excel add-in's read.
import type { Catalogue } from '../catalogue-types';
import { tidy } from '../text';
import { cellAddress } from './address';
import type { Cell } from './read';
import type { TemplateMapping } from './types';

export interface MovedRow {
  readonly rowId: string;
  /** Which identity cell differs. */
  readonly field: 'no' | 'text';
  /** "PL01 2026-Q1!B12": the identity cell that does not hold what the template wrote. */
  readonly address: string;
  /** What the template wrote there: the item's number, or the start of its text. */
  readonly expected: string;
}

/** The identity the template writes for an item: its number ('' for an unnumbered task) and text. */
export function rowIdentity(catalogue: Catalogue, kind: TemplateMapping['kind'], id: string): { readonly no: string; readonly text: string } | undefined {
  const item = kind === 'indicators' ? catalogue.indicators.find((i) => i.id === id) : catalogue.tasks.find((t) => t.id === id);
  return item ? { no: item.no === null ? '' : String(item.no), text: tidy(item.text) } : undefined;
}

const cellText = (v: Cell | undefined): string => (v === null || v === undefined ? '' : tidy(String(v)));

/**
 * The mapped rows whose number or text cell no longer holds what the template wrote.
 * @example checkRowIdentity(catalogue, mapping, values) // [] when no row was moved
 */
export function checkRowIdentity(
  catalogue: Catalogue,
  mapping: Pick<TemplateMapping, 'kind' | 'columns' | 'rows' | 'sheetName'>,
  values: readonly (readonly Cell[])[],
): MovedRow[] {
  const moved: MovedRow[] = [];
  const { no: noCol, text: textCol } = mapping.columns;
  for (const { row, id } of mapping.rows) {
    const identity = rowIdentity(catalogue, mapping.kind, id);
    const at = (col: number) => `${mapping.sheetName}!${cellAddress(row, col)}`;
    if (!identity) {
      moved.push({ rowId: id, field: 'no', address: at(noCol ?? 0), expected: id });
      continue;
    }
    if (noCol !== undefined && cellText(values[row]?.[noCol]) !== identity.no) {
      moved.push({ rowId: id, field: 'no', address: at(noCol), expected: identity.no });
      continue;
    }
    // The text cell may carry a second line (a count pair's labels): its first line is the item's text.
    if (textCol !== undefined && !cellText(values[row]?.[textCol]).startsWith(identity.text)) {
      moved.push({ rowId: id, field: 'text', address: at(textCol), expected: identity.text.slice(0, 60) });
    }
  }
  return moved;
}
