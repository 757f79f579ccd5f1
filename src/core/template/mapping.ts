// The mapping a report sheet keeps in its own very hidden mapping sheet, as a two-column table:
// key / value lines, then one [sheet row, id] line per indicator or task. Source of truth: docs/domain.md §5
// ("templates keep their ids in a hidden mapping sheet"). One mapping sheet per report sheet, named
// from it, so that inserting, checking and stamping a submission id never read another sheet first
// (Excel's null objects cannot be chained; a fixed name needs no lookup). A table rather than JSON in
// one cell: a cell holds at most 32 767 characters.

import { safeSheetName } from './build';
import type { ColumnKey, ReportKind, TemplateMapping } from './types';

export const MAPPING_PREFIX = 'CDS ';

/** "CDS PL01 2026-Q1": the mapping sheet of a report sheet. */
export const mappingSheetName = (reportSheetName: string): string => safeSheetName(`${MAPPING_PREFIX}${reportSheetName}`);
export const isMappingSheetName = (name: string): boolean => name.startsWith(MAPPING_PREFIX);

const KEYS = ['planId', 'catalogueVersion', 'kind', 'unitId', 'unitName', 'period', 'sheetName', 'clientSubmissionId', 'headerRow', 'columns', 'rows'] as const;

/** The 0-based line of the mapping table holding the client submission id (column B). */
export const CLIENT_ID_LINE = KEYS.indexOf('clientSubmissionId');

export type MappingCell = string | number;

/**
 * The mapping as a two-column table (ids are written as text, see the adapter's "@" format).
 * @example serializeMapping(spec.mapping).slice(0, 2) // [['planId', 'nghe-an-1174-2026'], ['catalogueVersion', 1]]
 */
export function serializeMapping(m: TemplateMapping): MappingCell[][] {
  const header: Record<(typeof KEYS)[number], MappingCell> = {
    planId: m.planId, catalogueVersion: m.catalogueVersion, kind: m.kind, unitId: m.unitId, unitName: m.unitName,
    period: m.period, sheetName: m.sheetName, clientSubmissionId: m.clientSubmissionId ?? '', headerRow: m.headerRow,
    columns: JSON.stringify(m.columns), rows: m.rows.length,
  };
  return [...KEYS.map((k) => [k, header[k]]), ...m.rows.map((r) => [r.row, r.id])];
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/**
 * A mapping table read back (values of the mapping sheet's used range); null when it is not one of
 * ours or is damaged, so a workbook with a stray sheet still lists its other report sheets.
 */
export function parseMapping(values: readonly (readonly unknown[])[]): TemplateMapping | null {
  const value = (k: (typeof KEYS)[number]): unknown => {
    const line = values[KEYS.indexOf(k)];
    return line && line[0] === k ? line[1] : undefined;
  };
  const kind = value('kind');
  const [planId, unitId, unitName, period, sheetName] = (['planId', 'unitId', 'unitName', 'period', 'sheetName'] as const).map((k) => str(value(k)));
  const version = num(value('catalogueVersion'));
  const headerRow = num(value('headerRow'));
  const count = num(value('rows'));
  if ((kind !== 'indicators' && kind !== 'tasks') || !planId || !unitId || unitName === null || !period || !sheetName
    || version === null || headerRow === null || count === null) return null;
  let columns: Partial<Record<ColumnKey, number>>;
  try {
    columns = JSON.parse(String(value('columns'))) as Partial<Record<ColumnKey, number>>;
  } catch {
    return null; // a damaged table is "not ours" (see above), not a crash
  }
  const lines = values.slice(KEYS.length, KEYS.length + count);
  const rows = lines.map((l) => ({ row: num(l[0]), id: str(l[1]) }));
  if (rows.length !== count || rows.some((r) => r.row === null || !r.id)) return null;
  const client = str(value('clientSubmissionId'));
  return {
    planId, catalogueVersion: version, kind: kind as ReportKind, unitId, unitName, period, sheetName,
    clientSubmissionId: client && client.trim() !== '' ? client : null,
    headerRow, columns, rows: rows as { row: number; id: string }[],
  };
}
