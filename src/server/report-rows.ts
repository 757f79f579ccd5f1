// The indicator rows of the stored reports, as the consolidation reads them: per report its row ids,
// values (with a key equal for equal values: the value's canonical JSON), and notes. Reading a
// period's 3,400 reports at the national scale (bench/consolidation.ts) means decoding ~4 MB:
// - each indicator revision is stored with its rows' compact form (revision_cells, migration 009):
//   arrays of strings parse in a third of the time of the rows' objects, and each distinct value is
//   parsed once;
// - the decoded rows of each revision are remembered, keyed by the revision's id (a random UUID). A
//   revision is never changed nor deleted once stored (repositories/submissions.ts only inserts
//   them), so a remembered digest is right for every server instance sharing the database, with
//   nothing to invalidate: what does change – a new revision, a decision, the province's mark – is
//   read from the database at every request (latestRevisionHeads).
import type { Kysely } from 'kysely';
import type { ParsedValue } from '../core/values';
import type { Database } from './db/schema';
import { latestRevisionHeads, revisionCellsText, type RevisionHead } from './repositories/submissions';

/** A report's indicator rows, column by column (row k is ids[k], values[k], keys[k], notes[k]). */
export interface RowDigest {
  readonly ids: readonly string[];
  readonly values: readonly (ParsedValue | null)[];
  /** The value's JSON ('' for none): equal for equal values, values being stored canonical. */
  readonly keys: readonly string[];
  readonly notes: readonly (string | null)[];
}

type IndicatorRow = { readonly id: string; readonly value?: ParsedValue | null; readonly note?: string | null };
/** The stored compact form: [ids, value JSON texts (null: none), notes]. */
type Cells = [readonly string[], readonly (string | null)[], readonly (string | null)[]];

/**
 * The compact form of a report's canonical rows (JSON text), stored with the revision.
 * @example cellsOfRows('{"rows":[{"id":"ct-01","value":{"kind":"rate","percent":70},"note":null}]}') // '[["ct-01"],["{\"kind\":\"rate\",\"percent\":70}"],[null]]'
 */
export function cellsOfRows(rowsText: string): string {
  return cellsOf((JSON.parse(rowsText) as { rows: readonly IndicatorRow[] }).rows);
}

/** The same from the canonical rows before they are written as text (canonicalContent): no parse of what was just written. */
export function cellsOf(rows: readonly { readonly id: string; readonly value?: unknown; readonly note?: string | null }[]): string {
  const cells: Cells = [rows.map((r) => r.id), rows.map((r) => (r.value === null || r.value === undefined ? null : JSON.stringify(r.value))), rows.map((r) => r.note ?? null)];
  return JSON.stringify(cells);
}

/** The digest of a report's rows (a missing value or note reads as null). */
export function digestRows(rows: readonly unknown[]): RowDigest {
  const ids: string[] = [];
  const values: (ParsedValue | null)[] = [];
  const keys: string[] = [];
  const notes: (string | null)[] = [];
  for (const r of rows as readonly IndicatorRow[]) {
    const value = r.value ?? null;
    ids.push(r.id);
    values.push(value);
    keys.push(value === null ? '' : JSON.stringify(value));
    notes.push(r.note ?? null);
  }
  return { ids, values, keys, notes };
}

/**
 * The digest of the stored compact form. `seen` holds the values already parsed, by their JSON, with
 * that JSON's first copy: every report then keys a value with the same string, which the
 * consolidation's per-cell lookups compare by identity rather than character by character.
 */
function digestCells(cells: Cells, seen: Map<string, { readonly key: string; readonly value: ParsedValue }>): RowDigest {
  const [ids, texts, notes] = cells;
  const keys = new Array<string>(texts.length);
  const values = new Array<ParsedValue | null>(texts.length);
  for (let k = 0; k < texts.length; k++) {
    const t = texts[k];
    if (t === null) {
      keys[k] = '';
      values[k] = null;
      continue;
    }
    let v = seen.get(t);
    if (v === undefined) seen.set(t, (v = { key: t, value: JSON.parse(t) as ParsedValue }));
    keys[k] = v.key;
    values[k] = v.value;
  }
  return { ids, values, keys, notes };
}

/** The digest of what revisionCellsText gave: the compact form (an array), else the rows (an object). */
const digestText = (text: string, seen: Parameters<typeof digestCells>[1]): RowDigest =>
  text.startsWith('[') ? digestCells(JSON.parse(text) as Cells, seen) : digestRows((JSON.parse(text) as { rows: readonly unknown[] }).rows);

/** A stored report's state with its rows digested. */
export type DigestedReport = Omit<RevisionHead, 'revisionId'> & { readonly rows: RowDigest };

/** Revisions remembered: two periods of the national scale (3,400 units each), a few kB apiece. */
const LIMIT = 8000;
const digests = new Map<string, RowDigest>();

function remember(key: string, digest: RowDigest): void {
  if (digests.size >= LIMIT) digests.delete(digests.keys().next().value as string); // the least recently used
  digests.set(key, digest);
}

/** Forgets every digest: the bench measures the cold consolidation with it. */
export function forgetReportRows(): void {
  digests.clear();
}

/**
 * The latest indicator report of every unit for a plan and period, rows digested: the heads read
 * from the database every time, the rows only for revisions not yet digested.
 * @example const reports = await latestIndicatorReports(app.db.kysely, planId, '2026-Q1');
 */
export async function latestIndicatorReports(db: Kysely<Database>, planId: string, period: string): Promise<DigestedReport[]> {
  const heads = await latestRevisionHeads(db, planId, period, 'indicators');
  const keys = heads.map((h) => h.revisionId);
  const known = keys.map((key) => {
    const d = digests.get(key);
    if (d !== undefined) {
      digests.delete(key); // most recently used: last in the map's order
      digests.set(key, d);
    }
    return d;
  });
  const missing = heads.filter((_, i) => known[i] === undefined).map((h) => h.revisionId);
  const texts = missing.length > 0 ? await revisionCellsText(db, missing) : new Map<string, string>();
  const seen: Parameters<typeof digestCells>[1] = new Map();
  return heads.map(({ revisionId, ...head }, i) => {
    let digest = known[i];
    if (digest === undefined) {
      const text = texts.get(revisionId);
      if (text === undefined) throw new Error(`report rows: revision ${revisionId} not found`);
      digest = digestText(text, seen);
      remember(keys[i], digest);
    }
    return { ...head, rows: digest };
  });
}
