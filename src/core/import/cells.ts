// Lead ("Đơn vị chủ trì tham mưu") and monitor ("Cơ quan theo dõi, tổng hợp") cells → unit refs,
// by the names and aliases of the review's unit directory. Nothing is guessed: a part of a cell
// that matches no known name is returned as unresolved, verbatim.
import type { UnitRef } from '../catalogue-types';
import type { Review } from './review';

export interface NameIndexEntry {
  readonly key: string;
  readonly ref: UnitRef;
  /** Set when the name is a merged-away unit's: it resolves to the successor, and the cell says so. */
  readonly note?: string;
}

/** Lower-case, one space, no trailing punctuation: how names are compared. */
export const nameKey = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s;,.:]+$/u, '');

/** Every name and alias of the review's units and classes, longest first (so a longer name wins). */
export function buildNameIndex(review: Review): readonly NameIndexEntry[] {
  const entries: NameIndexEntry[] = [];
  const nameOf = new Map(review.units.map((u) => [u.id, u.name]));
  for (const u of review.units) {
    const note = u.successor
      ? `Kế hoạch ghi "${u.name}" – đơn vị này không còn (sắp xếp bộ máy 2025); giao cho đơn vị kế nhiệm ${nameOf.get(u.successor) ?? u.successor}.`
      : undefined;
    for (const n of [u.name, ...u.aliases])
      entries.push({ key: nameKey(n), ref: { kind: 'unit', unitId: u.successor ?? u.id }, ...(note ? { note } : {}) });
  }
  for (const c of review.unitClasses)
    for (const n of [c.label, ...c.aliases]) entries.push({ key: nameKey(n), ref: { kind: 'class', classId: c.id } });
  return entries.sort((a, b) => b.key.length - a.key.length);
}

export interface ResolvedCell {
  readonly refs: readonly UnitRef[];
  /** Parts of the cell that name no known unit or class, verbatim. */
  readonly unresolved: readonly string[];
  /** Role labels printed before a name ("Cơ quan thực hiện: Sở …"), with the name they label. */
  readonly roles: readonly { readonly role: string; readonly name: string }[];
  /** Readings worth keeping with the item (an obsolete name resolved to its successor). */
  readonly notes: readonly string[];
}

const SEPARATOR = /^(?:[\s,;–-]+|và\s+)+/u;
const sameRef = (a: UnitRef, b: UnitRef): boolean =>
  a.kind === 'unit' ? b.kind === 'unit' && a.unitId === b.unitId : b.kind === 'class' && a.classId === b.classId;

/**
 * Reads one cell. Parts are separated by line breaks (bullets), ";", "," and "và" — but only
 * between known names, so "Các sở, ban, ngành" and "Sở Khoa học và Công nghệ" stay whole.
 * @example resolveCell('Các Sở, ban, ngành; các địa phương', index).refs
 *   // [{ kind: 'class', classId: 'so-ban-nganh' }, { kind: 'class', classId: 'cap-xa' }]
 */
export function resolveCell(cell: string, index: readonly NameIndexEntry[]): ResolvedCell {
  const refs: UnitRef[] = [];
  const unresolved: string[] = [];
  const roles: { role: string; name: string }[] = [];
  const notes: string[] = [];
  const add = (ref: UnitRef): void => {
    if (!refs.some((r) => sameRef(r, ref))) refs.push(ref);
  };
  const segments = cell
    .normalize('NFC')
    .split(/\n|;/u)
    .map((s) => s.replace(/^\s*-\s+/u, '').replace(/\s+/gu, ' ').trim())
    .filter((s) => s !== '');
  for (const segment of segments) {
    let text = segment;
    const colon = text.indexOf(':');
    if (colon > 0) {
      roles.push({ role: text.slice(0, colon).trim(), name: text.slice(colon + 1).trim() });
      text = text.slice(colon + 1).trim();
    }
    let rest = text;
    while (rest !== '') {
      const sep = SEPARATOR.exec(rest);
      if (sep) rest = rest.slice(sep[0].length);
      if (rest === '') break;
      const lower = rest.toLowerCase();
      const hit = index.find((e) => lower.startsWith(e.key) && (lower.length === e.key.length || /^[\s,;.]/u.test(lower.slice(e.key.length))));
      if (!hit) {
        unresolved.push(rest.replace(/[\s;,.]+$/u, ''));
        break;
      }
      add(hit.ref);
      if (hit.note && !notes.includes(hit.note)) notes.push(hit.note);
      rest = rest.slice(hit.key.length);
    }
  }
  return { refs, unresolved, roles, notes };
}
