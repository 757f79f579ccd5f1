// What a report document says, as a hash (docs/province-report.md, verification): the text of
// word/document.xml up to the verification block, whitespace collapsed. Run boundaries do not
// count (Word splits and merges runs when it saves), so an untouched document hashes alike after
// Word re-saves it, while any changed word, figure or name changes the hash.
import JSZip from 'jszip';
import { sha256Hex } from './hash';
import { checkZip } from './xlsx/zip-guard';

import { VERIFICATION_MARK } from '../core/report/types';

/** The first words of the verification block; everything from there on is left out of the hash. */
export { VERIFICATION_MARK };

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

/**
 * The text of a document.xml: every w:t in order, paragraphs, tabs and line breaks as one space.
 * Rules drawn with box-drawing characters (the add-in's "────" under the agency and the subject,
 * where the server's .docx draws a border) are layout, not words, and are left out – so a report
 * written by the add-in and the server's .docx of the same report read alike.
 */
export function documentXmlText(xml: string): string {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:cr\/>/g)) {
    out.push(m[1] !== undefined ? decode(m[1]) : ' ');
  }
  const text = out.join('').normalize('NFC').replace(/[\u2500-\u257f]/gu, '').replace(/\s+/gu, ' ').trim();
  const at = text.indexOf(VERIFICATION_MARK);
  return at === -1 ? text : text.slice(0, at).trim();
}

export type DocumentHash = { readonly ok: true; readonly hash: string } | { readonly ok: false };

/** The hash of a .docx's text, or not ok when the file is not a readable .docx. */
export async function docxTextHash(file: Buffer): Promise<DocumentHash> {
  if (!(await checkZip(file)).ok) return { ok: false };
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) return { ok: false };
  return { ok: true, hash: sha256Hex(documentXmlText(xml)) };
}
