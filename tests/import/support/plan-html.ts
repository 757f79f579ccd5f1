// The 2026 plan's text reshaped as the Word document such plans are: paragraphs for the body,
// real tables for the metadata and both appendices, with the merges a typed Word table has
// (a group title spanning its row, the lead cell of tasks 10/12/18 spanning the monitoring column,
// a monitoring agency merged down over consecutive tasks, bulleted cells as paragraphs).
// LibreOffice turns this HTML into the .docx the round-trip test reads.
import { findAppendixHeadings } from '../../../src/core/import/appendix';
import { bulletLines, planLines, readTable } from '../../../src/core/import/table';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs = ''): string =>
  `<td${attrs}>${bulletLines(text).split('\n').map((p) => `<p>${esc(p)}</p>`).join('')}</td>`;

/** One appendix table: rows as the flattened text has them, with spans where cells are empty. */
function tableHtml(header: readonly string[], rows: readonly (readonly string[])[], mergeColumn: number | null): string {
  const width = header.length;
  const out: string[] = [`<tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`];
  // Rows whose merge-column cell repeats the row above's are merged down (rowspan).
  const span = rows.map(() => 1);
  const hidden = rows.map(() => false);
  if (mergeColumn !== null) {
    const plain = (r: readonly string[]): boolean => /^\d+$/.test(r[0]) && r.every((c, i) => i === 0 || c !== '' || i === width - 1);
    for (let i = 0; i < rows.length; i++) {
      if (hidden[i] || !plain(rows[i])) continue;
      for (let j = i + 1; j < rows.length && plain(rows[j]) && rows[j][mergeColumn] === rows[i][mergeColumn]; j++) {
        span[i]++;
        hidden[j] = true;
      }
    }
  }
  rows.forEach((r, i) => {
    const cells: string[] = [td(r[0])];
    let c = 1;
    while (c < width) {
      if (c === mergeColumn && hidden[i]) {
        c++;
        continue;
      }
      // A cell followed by empty cells spans them (a group title; a lead cell over an empty column).
      let n = 1;
      if (r[c] !== '') while (c + n < width && r[c + n] === '' && !(c + n === mergeColumn && hidden[i])) n++;
      if (c === mergeColumn && span[i] > 1) cells.push(td(r[c], ` rowspan="${span[i]}"`));
      else cells.push(td(r[c], n > 1 ? ` colspan="${n}"` : ''));
      c += n;
    }
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  return `<table border="1">${out.join('\n')}</table>`;
}

/**
 * The plan text as an HTML document for LibreOffice to save as .docx. `official`: the signed
 * document's own top instead of the web page's – no page title or metadata table, the two-column
 * header (authority | national motto, number | place and date) as a table, then "KẾ HOẠCH".
 */
export function planAsHtml(text: string, options: { official?: boolean } = {}): string {
  let lines = planLines(text);
  const official: string[] = [];
  if (options.official) {
    const at = lines.findIndex((l) => l.trim() === 'KẾ HOẠCH');
    const number = /Số:\s*(\S+)/u.exec(lines.slice(0, at).join('\n'))?.[1] ?? '';
    const place = lines.slice(0, at).find((l) => /, ngày \d/u.test(l))?.replace(/\s*\|$/u, '') ?? '';
    const province = /tỉnh (\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*)/u.exec(lines[0])?.[1] ?? '';
    official.push(
      `<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH ${esc(province.toLocaleUpperCase('vi'))}</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>`,
      `<tr><td><p>Số: ${esc(number)}</p></td><td><p>${esc(place)}</p></td></tr></table>`,
    );
    lines = lines.slice(at);
  }
  const headings = findAppendixHeadings(lines).filter((h) => /^PHỤ LỤC/u.test(lines[h.index]));
  const parts: string[] = [...official];
  const paragraphsOf = (from: number, to: number): void => {
    const meta: string[] = [];
    for (let i = from; i < to; i++) {
      const l = lines[i].trim();
      const m = /^\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|$/u.exec(l);
      if (m) {
        meta.push(`<tr><td>${esc(m[1])}</td><td>${esc(m[2])}</td></tr>`);
        continue;
      }
      if (meta.length > 0) parts.push(`<table border="1">${meta.splice(0).join('')}</table>`);
      if (l !== '') parts.push(`<p>${esc(l)}</p>`);
    }
  };
  let at = 0;
  headings.forEach((h, k) => {
    const end = headings[k + 1]?.index ?? lines.length;
    paragraphsOf(at, h.index);
    const t = readTable(lines, h.index + 1, end);
    parts.push(`<p>${esc(lines[h.index].trim())}</p>`);
    for (const p of t.preamble) parts.push(`<p>${esc(p)}</p>`);
    parts.push(tableHtml(t.header, t.rows.map((r) => r.cells), k === 1 ? 3 : null));
    for (const u of t.unread) parts.push(`<p>${esc(u)}</p>`);
    at = end;
  });
  paragraphsOf(at, lines.length);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch</title></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}
