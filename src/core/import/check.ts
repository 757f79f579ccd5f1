// The checked-in catalogue must be what the importer makes of the plan today (`npm run catalogue
// -- --check`): serialisation is deterministic and a difference is summarised by section and id.
import type { Catalogue } from '../catalogue-types';

/**
 * Pretty-printed JSON ending with a newline. Key order is the order the importer builds objects
 * in, which is fixed, so the same plan always gives the same bytes.
 */
export function serializeCatalogue(catalogue: Catalogue): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const idOf = (x: Json): string | undefined =>
  x !== null && typeof x === 'object' && !Array.isArray(x) && typeof x.id === 'string' ? x.id : undefined;

/**
 * A short summary of how the file on disk differs from the freshly generated text; empty when
 * they are byte-identical.
 * @example compareCatalogueText(onDisk, serializeCatalogue(fresh)) // ['indicators: ct-05 differs']
 */
export function compareCatalogueText(onDisk: string, generated: string): string[] {
  if (onDisk === generated) return [];
  let a: Json;
  try {
    a = JSON.parse(onDisk) as Json;
  } catch {
    return ['the file on disk is not valid JSON'];
  }
  const b = JSON.parse(generated) as Json;
  const out: string[] = [];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) {
    return ['the file on disk is not a catalogue object'];
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (x === undefined) out.push(`${key}: missing on disk`);
    else if (y === undefined) out.push(`${key}: on disk but no longer generated`);
    else if (Array.isArray(x) && Array.isArray(y)) {
      const byId = (arr: Json[]): Map<string, Json> => new Map(arr.map((e, i) => [idOf(e) ?? `#${i}`, e]));
      const mx = byId(x);
      const my = byId(y);
      const changed = [...new Set([...mx.keys(), ...my.keys()])].filter((k) => JSON.stringify(mx.get(k)) !== JSON.stringify(my.get(k)));
      const shown = changed.slice(0, 8).map((k) => (!mx.has(k) ? `+${k}` : !my.has(k) ? `-${k}` : k));
      out.push(`${key}: ${x.length} on disk, ${y.length} generated; differ: ${shown.join(', ')}${changed.length > 8 ? ` … (${changed.length})` : ''}`);
    } else out.push(`${key}: ${JSON.stringify(x).slice(0, 80)} → ${JSON.stringify(y).slice(0, 80)}`);
  }
  if (out.length === 0) out.push('same content, different formatting (key order, spaces or final newline)');
  return out;
}
