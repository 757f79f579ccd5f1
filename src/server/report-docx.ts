// The report model (src/core/report) as a .docx, for heads who print or sign outside the add-in.
// Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I (REPORT_LAYOUT): A4 portrait, margins 20/20/30/15 mm,
// Times New Roman, the header as a borderless two-column table, page numbers from page 2.
import {
  AlignmentType, BorderStyle, Document, Header, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, Table, TableBorders,
  TableCell, TableRow, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip, type IRunOptions,
} from 'docx';
import QRCode, { type QRCodeToBufferOptions } from 'qrcode';
import { QR_ALT_TITLE, REPORT_LAYOUT as L, verificationLine, type ReportBlock, type ReportModel, type ReportTable } from '../core/report';

const halfPoints = (pt: number): number => pt * 2;
const mm = convertMillimetersToTwip;
/** The text width: A4 less the left and right margins. */
const TEXT_WIDTH = mm(L.page.width - L.margins.left - L.margins.right);
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

type Run = Omit<IRunOptions, 'text'> & { text: string };
const run = (r: Run): TextRun => new TextRun({ font: L.font, ...r, size: halfPoints(Number(r.size ?? L.size.body)) });

type LineOptions = Partial<Run> & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number };

function line(text: string, opts: LineOptions = {}): Paragraph {
  const { align = AlignmentType.CENTER, before = 0, after = 0, ...runOpts } = opts;
  return new Paragraph({ alignment: align, spacing: { before, after, line: 288 }, children: [run({ text, ...runOpts })] });
}

/** A short ruled line under a header line: an empty paragraph with a top border, narrowed by indents. */
function rule(columnWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - ruleWidth) / 2));
  return new Paragraph({ border: { top: RULE }, indent: { left: side, right: side }, spacing: { before: 60, after: 0, line: 240 }, children: [run({ text: '', size: 4 })] });
}

const noBorders = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };

function layoutTable(widths: readonly number[], rows: readonly (readonly Paragraph[])[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    borders: TableBorders.NONE,
    // A layout row (header, signature block) is never split across pages.
    rows: rows.map((cells) => new TableRow({
      cantSplit: true,
      children: cells.map((children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 0 }, children: [...children] })),
    })),
  });
}

function header(model: ReportModel): Table {
  const h = model.header;
  const [left, right] = L.headerWidths.map((p) => Math.round((TEXT_WIDTH * p) / 100));
  const agency = [
    ...(h.parentAgency ? [line(h.parentAgency, { size: L.size.parentAgency })] : []),
    ...h.agency.split('\n').map((a) => line(a, { size: L.size.agency, bold: true })),
    rule(left, left / 3),
  ];
  const nation = [
    line(h.nationalTitle, { size: L.size.nationalTitle, bold: true }),
    line(h.motto, { size: L.size.motto, bold: true }),
    rule(right, mm(58)),
  ];
  return layoutTable([left, right], [
    [agency, nation],
    // The Số / place-and-date row stands 6 pt below the ruled lines.
    [[line(h.number, { size: L.size.number, before: 120 })], [line(h.placeDate, { size: L.size.placeDate, italics: true, before: 120 })]],
  ]);
}

function dataTable(t: ReportTable): Table {
  const widths = t.widths.map((w) => Math.round((TEXT_WIDTH * w) / 100));
  const cell = (text: string, i: number, head: boolean) => new TableCell({
    width: { size: widths[i], type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map((p) => line(p, {
      size: L.size.table, bold: head, align: head || t.centred.includes(i) ? AlignmentType.CENTER : AlignmentType.LEFT,
    })),
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** `keepNext`: the closing paragraph stays, whole (keepLines), on the page of the signature block below it. */
function block(b: ReportBlock, keepNext = false): Paragraph | Table {
  switch (b.kind) {
    case 'heading':
      return new Paragraph({ keepNext: true, alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 120 }, indent: { firstLine: mm(L.firstLineIndent) }, children: [run({ text: b.text, bold: true })] });
    case 'paragraph':
      return new Paragraph({ keepNext, keepLines: keepNext, alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 120, line: 288 }, indent: { firstLine: mm(L.firstLineIndent) }, children: [run({ text: b.text })] });
    case 'table':
      return dataTable(b.table);
  }
}

/**
 * Nơi nhận and the signer; an extract has neither (nobody signs it). The verification block goes in
 * the signer's cell, under the name: the row never splits, so the QR code cannot end up alone on a
 * page of its own (LibreOffice does not keep a table with the paragraph after it), and the block is
 * still the last text of the document, where the text hash stops.
 */
function signature(model: ReportModel, qrPng: Buffer | undefined): Table[] {
  const s = model.signature;
  if (!s) return [];
  const [left, right] = [Math.round(TEXT_WIDTH * 0.5), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.5)];
  const recipients = [
    line('Nơi nhận:', { size: L.size.recipientsLabel, bold: true, italics: true, align: AlignmentType.LEFT }),
    ...model.recipients.map((r) => line(r, { size: L.size.recipients, align: AlignmentType.LEFT })),
  ];
  const signer = [
    ...s.authority.map((a) => line(a, { size: L.size.signature, bold: true })),
    line(s.title, { size: L.size.signature, bold: true, after: 1400 }),
    line(s.name, { size: L.size.signature, bold: true }),
    ...verificationBlock(model, qrPng, AlignmentType.CENTER),
  ];
  return [layoutTable([left, right], [[recipients, signer]])];
}

/**
 * The verification block at the very end: the QR code of the verification page and the code in
 * words. Its text starts with VERIFICATION_MARK (verificationLine), where the document's text hash stops.
 */
function verificationBlock(model: ReportModel, qrPng: Buffer | undefined, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT): Paragraph[] {
  const v = model.verification;
  if (!v) return [];
  return [
    new Paragraph({
      keepNext: true, alignment: align, spacing: { before: 240, after: 0 },
      children: qrPng ? [new ImageRun({ type: 'png', data: qrPng, transformation: { width: 76, height: 76 }, altText: { name: 'QR', title: QR_ALT_TITLE, description: v.url } })] : [],
    }),
    line(verificationLine(v), { size: 10, align, italics: true }),
  ];
}

/** The model's paragraphs and tables, in page order (exported for tests that read the document). */
export function reportDocument(model: ReportModel, qrPng?: Buffer): Document {
  const b = model.binding;
  return new Document({
    creator: model.header.agency.replace(/\n/g, ' '),
    title: `${model.title} ${model.subject}`,
    description: `submission ${b.submissionId} revision ${b.revision}`,
    // The document knows what it shows, as the add-in's content control does (contentHash = what approval binds).
    // An extract binds to nothing: opened in Word it cannot be approved in the report's place.
    customProperties: model.extract ? [] : [
      { name: 'cds.submissionId', value: b.submissionId },
      { name: 'cds.revision', value: String(b.revision) },
      { name: 'cds.contentHash', value: b.contentHash },
    ],
    styles: { default: { document: { run: { font: L.font, size: halfPoints(L.size.body) } } } },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: mm(L.page.width), height: mm(L.page.height), orientation: PageOrientation.PORTRAIT },
          margin: { top: mm(L.margins.top), bottom: mm(L.margins.bottom), left: mm(L.margins.left), right: mm(L.margins.right), header: mm(10), footer: mm(10) },
        },
      },
      // Nghị định 30: page numbers centred at the top, from the second page.
      headers: {
        first: new Header({ children: [] }),
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: L.font, size: halfPoints(13), children: [PageNumber.CURRENT] })] })] }),
      },
      children: [
        header(model),
        line(model.title, { size: L.size.title, bold: true, before: 360 }),
        line(model.subject, { size: L.size.subject, bold: true }),
        rule(TEXT_WIDTH, mm(40)),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
        ...model.body.map((b, i) => block(b, i === model.body.length - 1)),
        new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [] }),
        ...signature(model, qrPng),
        // Unsigned (an extract): the block follows the body.
        ...(model.signature ? [] : verificationBlock(model, qrPng)),
      ],
    }],
  });
}

/**
 * The verification QR as a PNG; medium error correction survives a printed, photocopied page.
 * `filterType: 0`: pngjs otherwise tries all five PNG row filters on
 * every row to keep the best, which for a black-and-white square of 300 px was most of a .docx's
 * time (and twenty times that under jest); unfiltered rows of a QR code deflate just as well.
 */
export const QR_OPTIONS: QRCodeToBufferOptions = {
  type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300,
  // qrcode hands rendererOpts to pngjs as they are; its types list only the deflate settings.
  rendererOpts: { filterType: 0 } as QRCodeToBufferOptions['rendererOpts'],
};

/**
 * The report as .docx bytes.
 * @example reply.type(DOCX_TYPE).send(await reportDocx(model))
 */
export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const qr = model.verification ? await QRCode.toBuffer(model.verification.url, QR_OPTIONS) : undefined;
  return Packer.toBuffer(reportDocument(model, qr));
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
