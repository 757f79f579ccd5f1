// The indicator rows of the stored reports, as the consolidation reads them: per report its row ids,
// values (with a key equal for equal values), and notes. Reading a period's 3,400 reports at the
// national scale means parsing ~5 MB of JSON (bench/consolidation.ts): the digest of each revision
// is remembered, keyed by the revision's id and content hash. A revision is never changed once
// stored (repositories/submissions.ts only inserts them) and its hash is the sha256 of the very
// rows text, so a remembered digest is right for every server instance sharing the database, with
// nothing to invalidate: what changes – a new revision, a decision, the province's mark – is read
// from the database at every request (latestRevisionHeads), only the rows' decoding is skipped.
import type { Kysely } from 'kysely';
import type { ParsedValue } from '../core/values';
import type { Database } from './db/schema';
import { latestRevisionHeads, revisionRowsText, type RevisionHead } from './repositories/submissions';

/** A report's indicator rows, column by column (row k is ids[k], values[k], keys[k], notes[k]). */
export interface RowDigest {
  readonly ids: readonly string[];
  readonly values: readonly (ParsedValue | null)[];
  /** valueKey of each value: equal for equal values. */
  readonly keys: readonly string[];
  readonly notes: readonly (string | null)[];
}

type IndicatorRow = { readonly id: string; readonly value?: ParsedValue | null; readonly note?: string | null };

/**
 * A text equal for equal values and different for different ones (stored values are canonical,
 * src/core/validate-submission.ts), cheaper than JSON.stringify per cell. Free texts come last,
 * after a separator no enum word contains.
 */
export function valueKey(v: ParsedValue | null): string {
  if (v === null) return '';
  switch (v.kind) {
    case 'rate': return `r${v.percent}`;
    case 'countPair': return `c${v.numerator}/${v.denominator}`;
    case 'yesNo': return v.yes ? 'y1' : 'y0';
    case 'status': return v.evidence === undefined ? `s${v.status}` : `s${v.status}\u0000${v.evidence}`;
    case 'applied': return v.description === undefined ? `a${Number(v.applied)}` : `a${Number(v.applied)}\u0000${v.description}`;
    default: return `j${JSON.stringify(v)}`;
  }
}

/** The digest of a report's rows (a missing value or note reads as null). */
export function digestRows(rows: readonly unknown[]): RowDigest {
  const n = rows.length;
  const ids = new Array<string>(n);
  const values = new Array<ParsedValue | null>(n);
  const keys = new Array<string>(n);
  const notes = new Array<string | null>(n);
  for (let k = 0; k < n; k++) {
    const row = rows[k] as IndicatorRow;
    ids[k] = row.id;
    values[k] = row.value ?? null;
    keys[k] = valueKey(values[k]);
    notes[k] = row.note ?? null;
  }
  return { ids, values, keys, notes };
}

/** A stored report's state with its rows digested. */
export type DigestedReport = Omit<RevisionHead, 'revisionId' | 'contentHash'> & { readonly rows: RowDigest };

/** Revisions remembered: two periods of the national scale (3,400 units each), about 5 kB apiece. */
const LIMIT = 8000;
const digests = new Map<string, RowDigest>();

const keyOf = (h: RevisionHead) => `${h.revisionId}:${h.contentHash}`;

function remember(key: string, digest: RowDigest): void {
  if (digests.size >= LIMIT) digests.delete(digests.keys().next().value as string); // the least recently used
  digests.set(key, digest);
}

/** Forgets every digest: the bench measures the first (cold) consolidation with it. */
export function forgetReportRows(): void {
  digests.clear();
}

/**
 * The latest indicator report of every unit for a plan and period, rows digested: the heads read
 * from the database every time, the rows text only for revisions not yet digested.
 * @example const reports = await latestIndicatorReports(app.db.kysely, planId, '2026-Q1');
 */
export async function latestIndicatorReports(db: Kysely<Database>, planId: string, period: string): Promise<DigestedReport[]> {
  const heads = await latestRevisionHeads(db, planId, period, 'indicators');
  const keys = heads.map(keyOf);
  const rows = keys.map((key) => {
    const d = digests.get(key);
    if (d !== undefined) {
      digests.delete(key); // most recently used: last in the map's order
      digests.set(key, d);
    }
    return d;
  });
  const missing = heads.filter((_, i) => rows[i] === undefined).map((h) => h.revisionId);
  const texts = missing.length > 0 ? await revisionRowsText(db, missing) : new Map<string, string>();
  return heads.map(({ revisionId, contentHash: _hash, ...head }, i) => {
    let digest = rows[i];
    if (digest === undefined) {
      const text = texts.get(revisionId);
      if (text === undefined) throw new Error(`report rows: revision ${revisionId} not found`);
      digest = digestRows((JSON.parse(text) as { rows: readonly unknown[] }).rows);
      remember(keys[i], digest);
    }
    return { ...head, rows: digest };
  });
}
