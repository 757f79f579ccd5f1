// Writes the report model (src/core/report) into the open document in ONE Word.run with ONE sync:
// every paragraph, table (whole 2-D values arrays) and format is queued, nothing is read back, so
// 51 indicators or 57 tasks cost the same single round trip. Layout per Nghị định 30/2020
// (REPORT_LAYOUT); page setup needs WordApiDesktop 1.3 and is skipped, not failed, without it.
// The words are the server's .docx's, block for block, so the verification code the server issues
// for its .docx (model.verification) vouches for this document too (docs/province-report.md).
import { QR_ALT_TITLE, REPORT_LAYOUT as L, verificationLine, type ReportModel, type ReportTable, type ReportVerification } from '../../core/report';
import { keptParagraphsOoxml } from './kept-paragraphs';
import { REPORT_TAG, REPORT_TITLE, bindingText, extractFootText } from './binding-text';
import { queueBindingProperties, queueNoBinding } from './document-properties';
import { queuePageNumbers } from './page-numbers';
import { strings } from '../../text/strings';
import { WordError, translated } from './errors';

/** Shown in the taskpane, so it lives with the UI text; the report's own wording stays in the document code. */
const TOO_OLD = strings.officeErrors.word.tooOld;

/** Millimetres to points (Word's unit for margins and indents). */
const pt = (mm: number): number => Math.round((mm * 72) / 25.4 * 10) / 10;
const TEXT_WIDTH = pt(L.page.width - L.margins.left - L.margins.right);

interface Look {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: Word.Alignment | 'Centered' | 'Left' | 'Justified' | 'Right';
  before?: number;
  after?: number;
  indent?: number;
}

function style(p: Word.Paragraph, look: Look): Word.Paragraph {
  p.font.name = L.font;
  p.font.size = look.size;
  p.font.bold = look.bold ?? false;
  p.font.italic = look.italic ?? false;
  p.font.underline = look.underline ? 'Single' : 'None';
  p.font.color = '#000000';
  p.alignment = look.align ?? 'Centered';
  p.firstLineIndent = look.indent ?? 0;
  p.spaceBefore = look.before ?? 0;
  p.spaceAfter = look.after ?? 0;
  return p;
}

/** Fills a table cell with lines, each its own paragraph: the cell's first paragraph, then after it. */
/** Fills a cell with lines; returns its last paragraph. */
function fill(cell: Word.TableCell, lines: readonly (readonly [string, Look])[]): Word.Paragraph {
  let p = style(cell.body.paragraphs.getFirst(), lines[0][1]);
  p.insertText(lines[0][0], 'Replace');
  for (const [text, look] of lines.slice(1)) p = style(p.insertParagraph(text, 'After'), look);
  return p;
}

function borderless(table: Word.Table, widths: readonly number[]): void {
  table.getBorder('All').type = 'None';
  widths.forEach((w, c) => (table.getCell(0, c).columnWidth = w));
}

/** A short rule under the agency name (a third of its column), drawn with box-drawing characters. */
const AGENCY_RULE = '────────';

function header(body: Word.Body, model: ReportModel): void {
  const h = model.header;
  const t = body.insertTable(2, 2, 'Start', [['', ''], ['', '']]);
  borderless(t, L.headerWidths.map((p) => Math.round((TEXT_WIDTH * p) / 100)));
  fill(t.getCell(0, 0), [
    ...(h.parentAgency ? [[h.parentAgency, { size: L.size.parentAgency }] as const] : []),
    ...h.agency.split('\n').map((a) => [a, { size: L.size.agency, bold: true }] as const),
    [AGENCY_RULE, { size: 8 }],
  ]);
  fill(t.getCell(0, 1), [
    [h.nationalTitle, { size: L.size.nationalTitle, bold: true }],
    // Underlined: the rule under Tiêu ngữ is as long as the line itself.
    [h.motto, { size: L.size.motto, bold: true, underline: true }],
  ]);
  fill(t.getCell(1, 0), [[h.number, { size: L.size.number, before: 6 }]]);
  fill(t.getCell(1, 1), [[h.placeDate, { size: L.size.placeDate, italic: true, before: 6 }]]);
}

function dataTable(body: Word.Body, table: ReportTable): void {
  const values = [[...table.columns], ...table.rows.map((r) => [...r])];
  const t = body.insertTable(values.length, table.columns.length, 'End', values);
  t.styleBuiltIn = 'TableGrid';
  t.headerRowCount = 1;
  t.font.name = L.font;
  t.font.size = L.size.table;
  t.font.bold = false;
  t.font.italic = false;
  t.horizontalAlignment = 'Left';
  t.verticalAlignment = 'Center';
  const head = t.rows.getFirst();
  head.font.bold = true;
  head.horizontalAlignment = 'Centered';
  table.widths.forEach((w, c) => (t.getCell(0, c).columnWidth = Math.round((TEXT_WIDTH * w) / 100)));
  // Queued per cell, never synced per row: the whole table still travels in the one sync.
  for (let r = 1; r < values.length; r += 1) for (const c of table.centred) t.getCell(r, c).horizontalAlignment = 'Centered';
}

/**
 * Nơi nhận and the signer; an extract has neither (nobody signs it). The verification block goes in
 * the signer's cell under the name, as in the server's .docx: the one row keeps the QR code on the
 * signature's page, and the code is still the last text of the report.
 */
function signature(body: Word.Body, model: ReportModel): void {
  const s = model.signature;
  if (!s) return;
  const t = body.insertTable(1, 2, 'End', [['', '']]);
  borderless(t, [Math.round(TEXT_WIDTH / 2), Math.round(TEXT_WIDTH / 2)]);
  fill(t.getCell(0, 0), [
    ['Nơi nhận:', { size: L.size.recipientsLabel, bold: true, italic: true, align: 'Left' }],
    ...model.recipients.map((r) => [r, { size: L.size.recipients, align: 'Left' }] as const),
  ]);
  const name = fill(t.getCell(0, 1), [
    ...s.authority.map((a) => [a, { size: L.size.signature, bold: true }] as const),
    [s.title, { size: L.size.signature, bold: true, after: 72 }],
    [s.name, { size: L.size.signature, bold: true }],
  ]);
  if (model.verification) verificationBlock((text) => name.insertParagraph(text, 'After'), model.verification, 'Centered');
}

/** The QR code's side in points (76 px, as the server's .docx draws it). */
const QR_SIDE = 57;

/**
 * The QR code of the verification page, then the code in words (its first words end the hashed
 * text); `insert` adds a paragraph after the one before (in the signer's cell, or at the body's end).
 */
function verificationBlock(insert: (text: string) => Word.Paragraph, v: ReportVerification, align: Look['align']): void {
  const picture = style(insert(''), { size: L.size.body, align, before: 12 });
  if (v.qrPng) {
    const qr = picture.insertInlinePictureFromBase64(v.qrPng, 'Start');
    qr.width = QR_SIDE;
    qr.height = QR_SIDE;
    qr.altTextTitle = QR_ALT_TITLE;
    qr.altTextDescription = v.url;
  }
  style(picture.insertParagraph(verificationLine(v), 'After'), { size: 10, italic: true, align });
}

function pageSetup(document: Word.Document): void {
  // WordApiDesktop 1.3 (desktop Word): Word on the web keeps its own page setup, which is fine.
  if (!Office.context.requirements.isSetSupported('WordApiDesktop', '1.3')) return;
  const p = document.pageSetup;
  p.paperSize = 'A4';
  p.orientation = 'Portrait';
  p.topMargin = pt(L.margins.top);
  p.bottomMargin = pt(L.margins.bottom);
  p.leftMargin = pt(L.margins.left);
  p.rightMargin = pt(L.margins.right);
}

/**
 * Replaces the document's content with the report and binds it to the revision it shows.
 * @example await writeReport(buildReportModel(catalogue, source, unit, { date: '2026-04-02' }));
 */
export async function writeReport(model: ReportModel): Promise<void> {
  // Tables with values, cell bodies and borders are WordApi 1.3 (Word 2019 and later, Word on the web; Word 2016 has 1.1).
  if (!Office.context.requirements.isSetSupported('WordApi', '1.3')) throw new WordError(TOO_OLD, 'WordApi1.3');
  await translated(() =>
    Word.run(async (context) => {
      const body = context.document.body;
      body.clear();
      body.font.name = L.font;
      body.font.size = L.size.body;
      pageSetup(context.document);
      queuePageNumbers(context.document);
      if (model.extract) queueNoBinding(context.document);
      else queueBindingProperties(context.document, model.binding);
      header(body, model);
      style(body.insertParagraph(model.title, 'End'), { size: L.size.title, bold: true, before: 12 });
      style(body.insertParagraph(model.subject, 'End'), { size: L.size.subject, bold: true });
      style(body.insertParagraph('────────', 'End'), { size: 8, after: 12 });
      const blocks = model.body;
      const last = blocks.at(-1);
      for (const block of last?.kind === 'paragraph' ? blocks.slice(0, -1) : blocks) {
        if (block.kind === 'table') dataTable(body, block.table);
        else style(body.insertParagraph(block.text, 'End'), { size: L.size.body, bold: block.kind === 'heading', align: 'Justified', indent: pt(L.firstLineIndent), after: 6 });
      }
      // The closing sentence and the blank line stay with the signature block (keep with next):
      // Office.js has no paragraph "keep" below WordApi 1.5, so they go in as OOXML (WordApi 1.1).
      body.insertOoxml(keptParagraphsOoxml([last?.kind === 'paragraph' ? last.text : '', '']), 'End');
      signature(body, model);
      // Unsigned (an extract): the block follows the body.
      if (model.verification && !model.signature) verificationBlock((text) => body.insertParagraph(text, 'End'), model.verification, 'Left');
      const foot = style(body.insertParagraph(model.extract ? extractFootText(model.binding) : bindingText(model.binding), 'End'), { size: 8, align: 'Left', before: 12 });
      foot.font.color = '#595959';
      const control = foot.insertContentControl();
      control.tag = REPORT_TAG;
      control.title = REPORT_TITLE;
      await context.sync();
    }),
  );
}
