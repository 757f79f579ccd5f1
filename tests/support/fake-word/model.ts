// The fake document itself: what Word would hold after the queued operations ran. Tests inspect
// it directly (never through proxies) to see what the adapter wrote.

export interface FontState {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  color?: string;
}

export interface ControlNode {
  tag: string;
  title: string;
  cannotEdit?: boolean;
  cannotDelete?: boolean;
}

/** An inline picture (insertInlinePictureFromBase64): the image as given, its size and alt text. */
export interface PictureNode {
  base64: string;
  width?: number;
  height?: number;
  altTextTitle?: string;
  altTextDescription?: string;
}

export interface ParagraphNode {
  readonly kind: 'paragraph';
  text: string;
  font: FontState;
  alignment?: string;
  firstLineIndent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** w:keepNext / w:keepLines, as inserted OOXML sets them (Office.js has no paragraph property for them before WordApi 1.5). */
  keepWithNext?: boolean;
  keepTogether?: boolean;
  /** Inline pictures, in order; a paragraph's text does not include them. */
  pictures?: PictureNode[];
  /** The content control wrapping this paragraph, if any. */
  control?: ControlNode;
}

export interface CellNode {
  paragraphs: ParagraphNode[];
  columnWidth?: number;
  horizontalAlignment?: string;
}

export interface RowNode {
  font: FontState;
  horizontalAlignment?: string;
}

export interface TableNode {
  readonly kind: 'table';
  cells: CellNode[][];
  rows: RowNode[];
  font: FontState;
  styleBuiltIn?: string;
  headerRowCount?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders: Record<string, string>;
}

export type BlockNode = ParagraphNode | TableNode;

export interface PageSetupState {
  paperSize?: string;
  orientation?: string;
  topMargin?: number;
  bottomMargin?: number;
  leftMargin?: number;
  rightMargin?: number;
}

export interface DocumentState {
  blocks: BlockNode[];
  font: FontState;
  pageSetup: PageSetupState;
  /** The document's custom properties (File › Properties), e.g. { 'cds.contentHash': '…' }. */
  customProperties: Record<string, string>;
  /** The primary header of the first section, as the OOXML last inserted into it ('' when empty). */
  headerOoxml: string;
}

export const newParagraph = (text = ''): ParagraphNode => ({ kind: 'paragraph', text, font: {} });

export function newTable(rowCount: number, colCount: number, values?: string[][]): TableNode {
  const cells = Array.from({ length: rowCount }, (_, r) =>
    Array.from({ length: colCount }, (_, c) => ({ paragraphs: [newParagraph(values?.[r]?.[c] ?? '')] })),
  );
  return { kind: 'table', cells, rows: Array.from({ length: rowCount }, () => ({ font: {} })), font: {}, borders: {} };
}

/** A cell's text as Word gives it: its paragraphs joined by newlines. */
export const cellText = (cell: CellNode): string => cell.paragraphs.map((p) => p.text).join('\n');

export const tableValues = (t: TableNode): string[][] => t.cells.map((row) => row.map(cellText));

/** Every paragraph of the document in reading order, table cells included. */
export function allParagraphs(doc: DocumentState): ParagraphNode[] {
  return doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.cells.flat().flatMap((c) => c.paragraphs)));
}

/** The lines a reader sees, in order (each table cell's paragraphs in row order). */
export const documentLines = (doc: DocumentState): string[] => allParagraphs(doc).map((p) => p.text);
