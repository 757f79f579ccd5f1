// The .xlsx files printed by a real spreadsheet program (LibreOffice headless → PDF → poppler): the
// consolidation workbook of every period of the real plan (160 units) and the clerk's templates, read
// back from the PDF. Every indicator's and task's full text is there and legible (no word printed over
// another), no internal id is, the table's column headers head every page, the page count stays
// bounded, and every number is written one way (decimal comma). docs/figures.md "Printing".
import { buildConsolidationSheet, PRINTED_COLUMNS, type ConsolidationData } from '../../src/core/consolidation-sheet';
import { buildTemplateSpec, type ReportKind, type TemplateSpec } from '../../src/core/template';
import { consolidationWorkbook } from '../../src/server/xlsx/consolidation';
import { sealMapping } from '../../src/server/xlsx/mapping-seal';
import { templateWorkbook } from '../../src/server/xlsx/template';
import { convertManyToPdf, pdfPageTexts, pdfWords, requireSoffice, type PdfWord } from '../support/office-pdf';
import { realCatalogue, syntheticConsolidation } from '../support/synthetic-consolidation';
import { directory, unit } from '../office/excel/helpers';

jest.setTimeout(300_000);
const run = requireSoffice('the printed .xlsx files') ? describe : describe.skip;

const PERIODS = ['2026-Q1', '2026-H1', '2026-9M', '2026-Y'] as const;
const KINDS = ['indicators', 'tasks'] as const;

const words = (text: string): string[] => text.normalize('NFC').replace(/\u00AD/g, '').split(/\s+/).filter(Boolean);
/**
 * Text without its spaces: pdftotext splits some Vietnamese words at a precomposed letter ("Ngh ệ An")
 * and wrapped lines break between words, so texts are compared with no space at all.
 */
const compact = (text: string): string => words(text).join('');

/**
 * Whether `wanted`'s words appear in `doc` (compacted) in order, at most `gap` characters between two
 * of them: a cell's wrapped lines stay in order, while a neighbouring cell's words may fall between its lines.
 */
function containsInOrder(doc: string, wanted: readonly string[], gap = 60): boolean {
  for (let start = doc.indexOf(wanted[0]); start >= 0; start = doc.indexOf(wanted[0], start + 1)) {
    let end = start + wanted[0].length;
    let k = 1;
    for (; k < wanted.length; k++) {
      const next = doc.indexOf(wanted[k], end);
      if (next < 0 || next - end > gap) break;
      end = next + wanted[k].length;
    }
    if (k === wanted.length) return true;
  }
  return false;
}

/**
 * Pairs of words whose boxes overlap: text running over a neighbour cell, or a row too short for its
 * lines. A box is the font's full height, so lines set close (a title over its subtitle) touch by a
 * fraction of a point; text printed over text overlaps by most of a line.
 */
function overlapping(page: readonly PdfWord[]): string[] {
  const out: string[] = [];
  const sorted = [...page].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].yMin < a.yMax - 2; j++) {
      const b = sorted[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 1 && y > 2) out.push(`${a.text} × ${b.text}`);
    }
  }
  return out;
}

/** The words in the band at the top of a page (the repeated header row, if any). */
function topBand(page: readonly PdfWord[], depth = 50): string[] {
  const top = Math.min(...page.map((w) => w.yMin));
  return page.filter((w) => w.yMin < top + depth).map((w) => w.text.normalize('NFC'));
}

interface Printed {
  readonly name: string;
  readonly bytes: Buffer;
  /** Full texts (one cell each) that must all be in the PDF. */
  readonly items: readonly string[];
  /** The table header cells repeated atop every page. */
  readonly header: readonly string[];
  /** Pages at most: an item row takes at most a sixth of a page, plus the pages of title and summary. */
  readonly maxPages: number;
  /** Texts no page may show: catalogue ids and unit ids. */
  readonly ids: readonly string[];
  readonly template?: TemplateSpec;
}

const secret = Buffer.from('test-print-secret-0123456789abcdef');
const groupsOf = (kind: ReportKind) => (kind === 'indicators' ? realCatalogue.indicatorGroups : realCatalogue.taskGroups);
const unitIds = directory.units.map((u) => u.id);
const itemIds = [...realCatalogue.indicators.map((i) => i.id), ...realCatalogue.tasks.map((t) => t.id)];

async function consolidationFile(kind: ReportKind, period: string): Promise<Printed> {
  const data = syntheticConsolidation(kind, { missingEvery: 7, period }) as ConsolidationData;
  const options = { groups: groupsOf(kind), document: realCatalogue.document };
  const spec = buildConsolidationSheet(data, options);
  const province = spec.blocks.find((b) => b.id === 'province')!;
  const items = province.values.slice(1).map((l) => String(l[1]));
  return {
    name: `tong-hop-${kind}-${period}.xlsx`, bytes: await consolidationWorkbook(data, options), items,
    header: province.values[0].slice(0, PRINTED_COLUMNS[kind]).map(String),
    maxPages: Math.ceil(items.length / 6) + 2,
    ids: [...itemIds, ...data.units.map((u) => u.unitId)],
  };
}

async function templateFile(kind: ReportKind, unitId: string, period: string, all: boolean): Promise<Printed> {
  const assignedIds = all ? new Set(kind === 'indicators' ? realCatalogue.indicators.map((i) => i.id) : realCatalogue.tasks.map((t) => t.id)) : undefined;
  const built = buildTemplateSpec(realCatalogue, { kind, unit: unit(unitId), period, directory, ...(assignedIds ? { assignedIds } : {}) });
  if (!built.ok) throw new Error('template');
  const spec = built.value;
  const items = spec.rows.flatMap((r) => (r.kind === 'item' ? [String(r.cells[1])] : []));
  return {
    name: `mau-${kind}-${unitId}-${period}${all ? '-all' : ''}.xlsx`, bytes: await templateWorkbook(spec, (m) => sealMapping(secret, m)), items,
    header: spec.columns.map((c) => c.header), maxPages: Math.ceil(items.length / 6) + 2, ids: [...itemIds, ...unitIds], template: spec,
  };
}

run('printed through LibreOffice', () => {
  let files: Printed[];
  let pdfs: Map<string, string>;
  beforeAll(async () => {
    files = [
      ...(await Promise.all(PERIODS.flatMap((p) => KINDS.map((k) => consolidationFile(k, p))))),
      ...(await Promise.all(PERIODS.flatMap((p) => KINDS.map((k) => templateFile(k, 'so-khcn', p, true))))),
      await templateFile('indicators', 'phuong-vinh-hung', '2026-Q1', false),
      await templateFile('tasks', 'so-khcn', '2026-Q1', false),
    ];
    pdfs = convertManyToPdf(files);
  });

  const each = (check: (f: Printed, pages: PdfWord[][], texts: string[]) => void) => () => {
    for (const f of files) {
      const pdf = pdfs.get(f.name)!;
      check(f, pdfWords(pdf), pdfPageTexts(pdf));
    }
  };

  it('prints every indicator’s and task’s full text, in order, and no word over another', each((f, pages, texts) => {
    const doc = compact(texts.join('\n'));
    // A dash standing alone is left out: pdftotext drops a hyphen that ends a printed line, taking
    // it for a word broken there – where a line wraps depends on the fonts installed.
    const missing = f.items.filter((t) => !containsInOrder(doc, words(t).filter((w) => !/^[-–—]$/.test(w))));
    expect([f.name, missing]).toEqual([f.name, []]);
    pages.forEach((page, p) => expect([f.name, p + 1, overlapping(page)]).toEqual([f.name, p + 1, []]));
  }));

  it('heads every page the table runs onto with its column headers', each((f, pages) => {
    const headerWords = f.header.flatMap(words);
    const has = (band: readonly string[]) => {
      const text = compact(band.join(' '));
      return headerWords.every((w) => text.includes(w));
    };
    const first = pages.findIndex((page) => has(page.map((w) => w.text)));
    expect([f.name, first >= 0 && first <= 1]).toEqual([f.name, true]);
    for (let p = first + 1; p < pages.length; p++) expect([f.name, p + 1, has(topBand(pages[p]))]).toEqual([f.name, p + 1, true]);
  }));

  it('stays within its page bound and shows no internal id', each((f, pages, texts) => {
    expect([f.name, pages.length <= f.maxPages]).toEqual([f.name, true]);
    const doc = new Set(words(texts.join('\n')).map((w) => w.replace(/^[(“"]+|[)”",.;:]+$/g, '')));
    expect([f.name, f.ids.filter((id) => doc.has(id))]).toEqual([f.name, []]);
    expect([f.name, texts.join('\n').match(/\b(?:ct|nv)-\d+/g)]).toEqual([f.name, null]);
  }));

  it('writes every number one way: a decimal comma, a dot only between thousands', each((f, _pages, texts) => {
    // A dot between digits is a thousands dot only when exactly three digits follow it.
    const decimalDots = texts.join('\n').match(/\d\.(?:\d{1,2}|\d{4,})(?!\d)/g);
    expect([f.name, decimalDots]).toEqual([f.name, null]);
    if (f.name.startsWith('tong-hop-indicators')) expect(texts.join('\n')).toMatch(/\d,\d+%/);
  }));

  it('templates: “Thực hiện Kế hoạch số …”, and the lines for “Người lập biểu” and “Thủ trưởng đơn vị” on the last page', each((f, _pages, texts) => {
    if (!f.template) return;
    const all = compact(texts.join('\n'));
    expect(all).toContain(compact('(Thực hiện Kế hoạch số 1174/KH-UBND ngày 31/12/2025 của UBND tỉnh Nghệ An)'));
    expect(all).not.toContain(compact('Kèm theo'));
    const last = compact(texts[texts.length - 1]);
    for (const line of ['Người lập biểu', 'Thủ trưởng đơn vị', '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)']) expect([f.name, line, last.includes(compact(line))]).toEqual([f.name, line, true]);
  }));
});
