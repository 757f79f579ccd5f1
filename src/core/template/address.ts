// A1 addresses for the template spec and the Excel adapters: rows and columns are 0-based indexes
// everywhere in the spec (as Range.getRangeByIndexes takes them); A1 text only at the Office edge.

/**
 * The column letters of a 0-based column index.
 * @example columnLetter(0) === 'A'; columnLetter(26) === 'AA'
 */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`columnLetter: bad column ${col}`);
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The A1 address of a 0-based (row, col).
 * @example cellAddress(0, 0) === 'A1'; cellAddress(9, 27) === 'AB10'
 */
export function cellAddress(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`cellAddress: bad row ${row}`);
  return `${columnLetter(col)}${row + 1}`;
}

/**
 * The A1 address of a rectangle given by its top-left cell and size.
 * @example rangeAddress(0, 0, 2, 3) === 'A1:C2'
 */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const start = cellAddress(row, col);
  return rows === 1 && cols === 1 ? start : `${start}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/**
 * The 0-based (row, col) of an A1 cell address ("$" allowed, sheet prefix ignored); null if unreadable.
 * @example parseCellAddress('Sheet1!$B$3') // { row: 2, col: 1 }
 */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^(?:.*!)?\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 ? { row: row - 1, col: col - 1 } : null;
}
