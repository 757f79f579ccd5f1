// A plan's signed Word file (.docx) → the lines the importer reads. Paragraphs become lines; each
// table row becomes one "| a | b | c |" line built from the row's real cells (w:tc), with merged
// cells resolved: a cell spanning columns (w:gridSpan) is followed by empty cells – the missing
// cells the plan's text shows too – and a cell merged down (w:vMerge) repeats the text of the cell
// it continues. The OOXML is read with JSZip and @xmldom/xmldom (a standards DOM with
// namespaces; mammoth was not chosen because its HTML output drops w:vMerge continuations and the
// empty cells a span leaves, which are exactly what the appendices' irregular rows need).
// See docs/catalogue.md.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { fail, ok, type Result } from '../result';
import type { PlanSource } from './import-plan';
import { tidyCell } from './table';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const ELEMENT = 1;

const children = (n: Node): Element[] => {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) out.push(c as Element);
  return out;
};
const isW = (e: Element, name: string): boolean => e.namespaceURI === W && e.localName === name;
const attr = (e: Element | undefined, name: string): string | null => (e ? e.getAttributeNS(W, name) || e.getAttribute(`w:${name}`) : null);
const child = (e: Element, name: string): Element | undefined => children(e).find((c) => isW(c, name));

/** A paragraph's text; a line break (w:br, w:cr) starts a new line; deleted text is left out. */
function paragraphLines(p: Element): string[] {
  const lines: string[] = [''];
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === 'del' || c.localName === 'instrText' || c.localName === 'pPr' || c.localName === 'rPr') continue;
      if (c.localName === 't') lines[lines.length - 1] += c.textContent ?? '';
      else if (c.localName === 'tab') lines[lines.length - 1] += ' ';
      else if (c.localName === 'br' || c.localName === 'cr') lines.push('');
      else walk(c);
    }
  };
  walk(p);
  return lines;
}

/** A cell's text: its paragraphs joined by a space, as the one-cell-per-line text joins its lines. */
function cellText(tc: Element): string {
  const parts: string[] = [];
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      if (isW(c, 'p')) parts.push(paragraphLines(c).join(' '));
      else if (isW(c, 'tbl')) walk(c); // a nested table's text stays in its cell
      else if (!isW(c, 'tcPr')) walk(c);
    }
  };
  walk(tc);
  return tidyCell(parts.join(' '));
}

/** The table's rows as cells on the grid, merged cells resolved (see the header comment). */
function tableRows(tbl: Element): string[][] {
  const rows: string[][] = [];
  const above = new Map<number, string>(); // grid column → text of the cell that starts there
  for (const tr of children(tbl).filter((e) => isW(e, 'tr'))) {
    const cells: string[] = [];
    const trPr = child(tr, 'trPr');
    let col = Number(attr(trPr && child(trPr, 'gridBefore'), 'val') ?? 0) || 0;
    for (let i = 0; i < col; i++) cells.push('');
    const tcs = children(tr).flatMap((e) => (isW(e, 'tc') ? [e] : isW(e, 'sdt') ? children(child(e, 'sdtContent') ?? e).filter((x) => isW(x, 'tc')) : []));
    for (const tc of tcs) {
      const pr = child(tc, 'tcPr');
      const span = Math.max(1, Number(attr(pr && child(pr, 'gridSpan'), 'val') ?? 1) || 1);
      const vMerge = pr && child(pr, 'vMerge');
      const continues = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
      const text = continues ? (above.get(col) ?? '') : cellText(tc);
      above.set(col, text);
      cells.push(text);
      for (let i = 1; i < span; i++) {
        above.set(col + i, '');
        cells.push('');
      }
      col += span;
    }
    rows.push(cells);
  }
  return rows;
}

const escapeCell = (s: string): string => s.replace(/\|/gu, '\\|');

/**
 * Opens a .docx and renders its body: paragraphs as lines, table rows as "| … |" lines, with
 * where each line came from ("đoạn 12", "bảng 3, hàng 7") for messages and the review.
 * @example const r = await readDocx(bytes); if (r.ok) importPlan(r.value, { review })
 */
export async function readDocx(bytes: Uint8Array | ArrayBuffer): Promise<Result<PlanSource>> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch {
    xml = undefined;
  }
  if (xml === undefined) {
    return fail({ code: 'import.docx', severity: 'error', message: 'Tệp không phải văn bản Word (.docx) đọc được: không có phần nội dung word/document.xml.' });
  }
  let body: Element | undefined;
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
    body = doc.documentElement ? children(doc.documentElement).find((e) => isW(e, 'body')) : undefined;
  } catch {
    body = undefined;
  }
  if (!body) return fail({ code: 'import.docx', severity: 'error', message: 'Tệp Word hỏng: không đọc được phần thân văn bản (word/document.xml).' });

  const lines: string[] = [];
  const labels: string[] = [];
  let paragraph = 0;
  let table = 0;
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      if (isW(c, 'p')) {
        paragraph++;
        for (const l of paragraphLines(c)) {
          lines.push(l);
          labels.push(`đoạn ${paragraph}`);
        }
      } else if (isW(c, 'tbl')) {
        table++;
        tableRows(c).forEach((cells, r) => {
          lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
          labels.push(`bảng ${table}, hàng ${r + 1}`);
        });
      } else if (isW(c, 'sdt')) walk(child(c, 'sdtContent') ?? c);
    }
  };
  walk(body);
  const normalised = lines.map((l) => l.normalize('NFC').replace(/[\u00a0\u200b\ufeff]/gu, ' ').replace(/[ \t]+$/u, ''));
  return ok({ lines: normalised, where: (line: number) => labels[line - 1] ?? `dòng ${line}` });
}
