// Text as clerks type it: NFC or NFD (Mac keyboards, copy-paste from PDFs), any case, stray spaces.
// Source of truth: docs/domain.md §6 ("normalise to NFC before comparing words").

/**
 * Unicode NFC, so "Hoàn thành" typed on a Mac (NFD) equals the same word typed on Windows.
 * @example nfc('Hoa\u0300n') === 'Hoàn' // true
 */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Every Unicode space (incl. the no-break space Excel and Word insert) and control whitespace. */
const SPACES = /[\s\u00a0\u2007\u202f\u200b\ufeff]+/gu;

/** Code points XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE,
 * U+FFFF): one in a stored text made the report .docx unreadable by Word and LibreOffice. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;

/**
 * Text that any XML document can hold: the code points XML cannot carry are removed (they are
 * invisible, so nothing a reader sees changes).
 * @example xmlSafe('Ghi\u0000chú\uffff') === 'Ghichú'
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

/**
 * NFC, without what XML cannot hold, trimmed, inner runs of spaces collapsed to one: the form in
 * which free text is stored and hashed, so two clerks' identical notes compare equal.
 * @example tidy('  Đã  hoàn\u00a0thành ') === 'Đã hoàn thành'
 */
export function tidy(text: string): string {
  return xmlSafe(nfc(text)).replace(SPACES, ' ').trim();
}

/**
 * Free text as stored: tidied, and null when nothing is left (absent, empty, only spaces).
 * @example tidyOrNull('  ') === null
 */
export function tidyOrNull(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const tidied = tidy(text);
  return tidied === '' ? null : tidied;
}

/**
 * The key used to compare a typed word with a vocabulary: tidy, lower-cased (Vietnamese "Đ" → "đ"
 * has a simple case mapping, so no locale is needed), with brackets, dashes and punctuation read as
 * spaces – "Đang triển khai(đúng tiến độ)" and "đang triển khai - đúng tiến độ" fold alike.
 * Diacritics are kept: "Có" and "Co" are different keys (see values.ts for why).
 * @example fold(' ĐANG triển khai (Đúng tiến độ) ') === 'đang triển khai đúng tiến độ'
 */
export function fold(text: string): string {
  return tidy(text)
    .toLowerCase()
    .replace(/[()[\]{}\-–—.,;:!/]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}
