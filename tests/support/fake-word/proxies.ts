// The Word object model as far as the add-in uses it: document (body, page setup), body
// (paragraphs, tables, content controls, font), paragraph, table (rows, cells, borders), content
// control. Every proxy resolves its node lazily, at sync, in queue order – as Word does.
import { FakeContext, FakeOfficeError, Proxy } from './context';
import {
  allParagraphs, cellText, newParagraph, newTable, tableValues,
  type BlockNode, type CellNode, type ControlNode, type DocumentState, type FontState, type PageSetupState, type ParagraphNode, type PictureNode, type TableNode,
} from './model';

/** A node found when first needed (at sync), then kept. */
function lazy<T>(find: () => T): () => T {
  let found: { v: T } | null = null;
  return () => (found ??= { v: find() }).v;
}

/** Defines `names` as properties read after load and written at sync into `target()`. */
function settable(self: Proxy & { readers: Record<string, () => unknown> }, target: () => object, names: readonly string[]): void {
  for (const name of names) {
    self.readers[name] = () => (target() as Record<string, unknown>)[name];
    Object.defineProperty(self, name, {
      get: () => (self as unknown as { prop: (n: string) => unknown }).prop(name),
      set: (v: unknown) => (self as unknown as { queueWrite: (op: () => void) => void }).queueWrite(() => ((target() as Record<string, unknown>)[name] = v)),
    });
  }
}

abstract class Node extends Proxy {
  readonly readers: Record<string, () => unknown> = {};
}

export class FontProxy extends Node {
  constructor(ctx: FakeContext, target: () => FontState) {
    super(ctx);
    settable(this, target, ['name', 'size', 'bold', 'italic', 'underline', 'color']);
  }
}

function containerOf(doc: DocumentState, node: ParagraphNode): BlockNode[] {
  if (doc.blocks.includes(node)) return doc.blocks;
  for (const b of doc.blocks) if (b.kind === 'table') for (const c of b.cells.flat()) if (c.paragraphs.includes(node)) return c.paragraphs;
  throw new FakeOfficeError('ItemNotFound', 'The paragraph is no longer in the document.');
}

function insertAt(list: BlockNode[], node: BlockNode, location: string, anchor?: BlockNode): void {
  const at = anchor ? list.indexOf(anchor) : -1;
  if (location === 'Start') list.unshift(node);
  else if (location === 'End') list.push(node);
  else if (location === 'Before' && at >= 0) list.splice(at, 0, node);
  else if (location === 'After' && at >= 0) list.splice(at + 1, 0, node);
  else throw new FakeOfficeError('InvalidArgument', `Bad insert location ${location}`);
}

export class ContentControlProxy extends Node {
  constructor(ctx: FakeContext, readonly doc: DocumentState, readonly resolve: () => ParagraphNode | null) {
    super(ctx);
    const control = (): ControlNode => this.node().control!;
    settable(this, control, ['tag', 'title', 'cannotEdit', 'cannotDelete']);
    // A null object's properties load as undefined, as in Word: only isNullObject says anything.
    this.readers.text = () => this.resolve()?.text;
    // A null object says so after the next sync.
    this.readers.isNullObject = () => this.resolve() === null;
    this.load('isNullObject');
  }
  private node(): ParagraphNode {
    const p = this.resolve();
    if (!p) throw new FakeOfficeError('ItemNotFound', 'The content control is a null object.');
    return p;
  }
  get text(): string { return this.prop('text'); }
  get isNullObject(): boolean { return this.prop('isNullObject'); }
  insertText(text: string, location: 'Replace' | 'End' | 'Start'): void {
    this.queueWrite(() => {
      const p = this.node();
      p.text = location === 'Replace' ? text : location === 'End' ? p.text + text : text + p.text;
    });
  }
}

export class ContentControlCollectionProxy extends Node {
  constructor(ctx: FakeContext, readonly doc: DocumentState, readonly match: (c: ControlNode) => boolean) {
    super(ctx);
    this.readers.items = () => allParagraphs(this.doc).filter((p) => p.control && this.match(p.control)).map((p) => p.text);
  }
  getByTag(tag: string): ContentControlCollectionProxy {
    return new ContentControlCollectionProxy(this.context, this.doc, (c) => this.match(c) && c.tag === tag);
  }
  getFirstOrNullObject(): ContentControlProxy {
    return new ContentControlProxy(this.context, this.doc, lazy(() => allParagraphs(this.doc).find((p) => p.control && this.match(p.control)) ?? null));
  }
  getFirst(): ContentControlProxy {
    return new ContentControlProxy(this.context, this.doc, lazy(() => {
      const p = allParagraphs(this.doc).find((x) => x.control && this.match(x.control));
      if (!p) throw new FakeOfficeError('ItemNotFound', 'No content control matches.');
      return p;
    }));
  }
}

/** An inline picture: size and alt text written at sync. */
export class InlinePictureProxy extends Node {
  constructor(ctx: FakeContext, resolve: () => PictureNode) {
    super(ctx);
    settable(this, resolve, ['width', 'height', 'altTextTitle', 'altTextDescription']);
  }
}

/** What Word accepts as an image: base64 of a PNG, JPEG or GIF (anything else fails the batch). */
function imageOf(base64: string): void {
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const gif = bytes.subarray(0, 3).toString('latin1') === 'GIF';
  if (!png && !jpeg && !gif) throw new FakeOfficeError('InvalidArgument', 'The picture is not a base64 image.');
}

/** The paragraphs of a flat OPC package's document part: text, alignment and keep flags (tables are not modelled). */
function paragraphsOfOoxml(ooxml: string): ParagraphNode[] {
  if (!/<pkg:package\b[\s\S]*<w:document\b[\s\S]*<\/pkg:package>\s*$/.test(ooxml)) throw new FakeOfficeError('InvalidArgument', 'The OOXML is not a flat OPC package.');
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(ooxml)?.[1] ?? '';
  if (/<w:tbl\b/.test(body)) throw new FakeOfficeError('NotImplemented', 'The fake does not read tables from OOXML.');
  const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => {
    const p = newParagraph([...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''));
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    if (/<w:keepNext\/>/.test(pPr)) p.keepWithNext = true;
    if (/<w:keepLines\/>/.test(pPr)) p.keepTogether = true;
    const jc = /<w:jc w:val="(\w+)"\/>/.exec(pPr)?.[1];
    if (jc) p.alignment = { both: 'Justified', center: 'Centered', left: 'Left', right: 'Right' }[jc] ?? jc;
    const size = /<w:r>[\s\S]*?<w:sz w:val="(\d+)"\/>/.exec(inner)?.[1];
    if (size) p.font.size = Number(size) / 2;
    const font = /<w:rFonts w:ascii="([^"]+)"/.exec(inner)?.[1];
    if (font) p.font.name = font;
    return p;
  });
}

export class ParagraphProxy extends Node {
  readonly font: FontProxy;
  constructor(ctx: FakeContext, readonly doc: DocumentState, readonly resolve: () => ParagraphNode) {
    super(ctx);
    this.font = new FontProxy(ctx, () => resolve().font);
    settable(this, resolve, ['alignment', 'firstLineIndent', 'spaceBefore', 'spaceAfter']);
    this.readers.text = () => resolve().text;
  }
  get text(): string { return this.prop('text'); }
  insertText(text: string, location: 'Replace' | 'End' | 'Start'): void {
    this.queueWrite(() => {
      const p = this.resolve();
      p.text = location === 'Replace' ? text : location === 'End' ? p.text + text : text + p.text;
    });
  }
  insertParagraph(text: string, location: 'Before' | 'After'): ParagraphProxy {
    const node = newParagraph(text);
    this.queueWrite(() => insertAt(containerOf(this.doc, this.resolve()), node, location, this.resolve()));
    return new ParagraphProxy(this.context, this.doc, () => node);
  }
  /** WordApi 1.1; a paragraph takes 'Replace', 'Start' or 'End' (Word refuses 'Before' / 'After' here). */
  insertInlinePictureFromBase64(base64: string, location: 'Replace' | 'Start' | 'End'): InlinePictureProxy {
    const picture: PictureNode = { base64 };
    this.queueWrite(() => {
      if (!['Replace', 'Start', 'End'].includes(location)) throw new FakeOfficeError('InvalidArgument', `Bad insert location ${location}`);
      imageOf(base64);
      const p = this.resolve();
      if (location === 'Replace') p.text = '';
      p.pictures = location === 'End' || location === 'Replace' ? [...(location === 'Replace' ? [] : p.pictures ?? []), picture] : [picture, ...(p.pictures ?? [])];
    });
    return new InlinePictureProxy(this.context, () => picture);
  }
  insertContentControl(): ContentControlProxy {
    this.queueWrite(() => {
      const p = this.resolve();
      if (p.control) throw new FakeOfficeError('InvalidArgument', 'The paragraph already is a content control.');
      p.control = { tag: '', title: '' };
    });
    return new ContentControlProxy(this.context, this.doc, this.resolve);
  }
}

export class ParagraphCollectionProxy extends Node {
  constructor(ctx: FakeContext, readonly doc: DocumentState, readonly list: () => BlockNode[]) {
    super(ctx);
    this.readers.items = () => list().filter((b): b is ParagraphNode => b.kind === 'paragraph').map((p) => ({ text: p.text }));
  }
  get items(): { text: string }[] { return this.prop('items'); }
  getFirst(): ParagraphProxy {
    return new ParagraphProxy(this.context, this.doc, lazy(() => {
      const p = this.list().find((b): b is ParagraphNode => b.kind === 'paragraph');
      if (!p) throw new FakeOfficeError('ItemNotFound', 'No paragraph.');
      return p;
    }));
  }
}

export class BodyProxy extends Node {
  readonly font: FontProxy;
  readonly paragraphs: ParagraphCollectionProxy;
  readonly contentControls: ContentControlCollectionProxy;
  constructor(ctx: FakeContext, readonly doc: DocumentState, readonly list: () => BlockNode[], font: () => FontState, readonly inCell: boolean) {
    super(ctx);
    this.font = new FontProxy(ctx, font);
    this.paragraphs = new ParagraphCollectionProxy(ctx, doc, list);
    this.contentControls = new ContentControlCollectionProxy(ctx, doc, () => true);
    this.readers.text = () => list().map((b) => (b.kind === 'paragraph' ? b.text : tableValues(b).map((r) => r.join('\t')).join('\n'))).join('\n');
  }
  get text(): string { return this.prop('text'); }
  clear(): void {
    // Word leaves one empty paragraph in a cleared body.
    this.queueWrite(() => this.list().splice(0, this.list().length, newParagraph()));
  }
  insertParagraph(text: string, location: 'Start' | 'End'): ParagraphProxy {
    const node = newParagraph(text);
    this.queueWrite(() => insertAt(this.list(), node, location));
    return new ParagraphProxy(this.context, this.doc, () => node);
  }
  /** WordApi 1.1: the package's paragraphs go in as paragraphs of this body. */
  insertOoxml(ooxml: string, location: 'Start' | 'End' | 'Replace'): void {
    this.queueWrite(() => {
      const nodes = paragraphsOfOoxml(ooxml);
      const list = this.list();
      if (location === 'Replace') list.splice(0, list.length, ...nodes);
      else if (location === 'Start') list.unshift(...nodes);
      else if (location === 'End') list.push(...nodes);
      else throw new FakeOfficeError('InvalidArgument', `Bad insert location ${location}`);
    });
  }
  insertTable(rowCount: number, columnCount: number, location: 'Start' | 'End', values?: string[][]): TableProxy {
    if (this.inCell) throw new FakeOfficeError('NotImplemented', 'The fake does not nest tables.');
    if (values && (values.length !== rowCount || values.some((r) => r.length !== columnCount))) {
      throw new FakeOfficeError('InvalidArgument', `values must be ${rowCount}×${columnCount}`);
    }
    const node = newTable(rowCount, columnCount, values?.map((r) => r.map(String)));
    this.queueWrite(() => insertAt(this.list(), node, location));
    return new TableProxy(this.context, this.doc, () => node);
  }
}

export class TableCellProxy extends Node {
  readonly body: BodyProxy;
  constructor(ctx: FakeContext, doc: DocumentState, resolve: () => CellNode) {
    super(ctx);
    this.body = new BodyProxy(ctx, doc, () => resolve().paragraphs, () => ({}), true);
    settable(this, resolve, ['columnWidth', 'horizontalAlignment']);
    this.readers.value = () => cellText(resolve());
  }
  get value(): string { return this.prop('value'); }
}

export class TableProxy extends Node {
  readonly font: FontProxy;
  readonly rows: { getFirst(): Node & { font: FontProxy } };
  constructor(ctx: FakeContext, readonly doc: DocumentState, readonly resolve: () => TableNode) {
    super(ctx);
    this.font = new FontProxy(ctx, () => resolve().font);
    settable(this, resolve, ['styleBuiltIn', 'headerRowCount', 'horizontalAlignment', 'verticalAlignment']);
    this.readers.values = () => tableValues(resolve());
    this.readers.rowCount = () => resolve().cells.length;
    const row = (): TableRowProxy => new TableRowProxy(ctx, () => resolve().rows[0]);
    this.rows = { getFirst: row } as never;
  }
  get values(): string[][] { return this.prop('values'); }
  get rowCount(): number { return this.prop('rowCount'); }
  getCell(r: number, c: number): TableCellProxy {
    return new TableCellProxy(this.context, this.doc, () => {
      const cell = this.resolve().cells[r]?.[c];
      if (!cell) throw new FakeOfficeError('ItemNotFound', `No cell (${r}, ${c}).`);
      return cell;
    });
  }
  getBorder(location: string): Node & { type: string } {
    const border = new (class extends Node {})(this.context);
    Object.defineProperty(border, 'type', { set: (v: string) => this.context.queue(() => (this.resolve().borders[location] = v)) });
    return border as never;
  }
}

class TableRowProxy extends Node {
  readonly font: FontProxy;
  constructor(ctx: FakeContext, resolve: () => { font: FontState }) {
    super(ctx);
    this.font = new FontProxy(ctx, () => resolve().font);
    settable(this, resolve, ['horizontalAlignment']);
  }
}

export class PageSetupProxy extends Node {
  constructor(ctx: FakeContext, target: () => PageSetupState) {
    super(ctx);
    settable(this, target, ['paperSize', 'orientation', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin']);
  }
}

/** One custom property (WordApi 1.3); a null object when the document has none of that key. */
class CustomPropertyProxy extends Node {
  constructor(ctx: FakeContext, doc: DocumentState, key: string) {
    super(ctx);
    this.requires = [['WordApi', '1.3']];
    this.readers.value = () => doc.customProperties[key];
    this.readers.key = () => key;
    this.readers.isNullObject = () => !(key in doc.customProperties);
    this.load('isNullObject');
  }
  get value(): string { return this.prop('value'); }
  get isNullObject(): boolean { return this.prop('isNullObject'); }
}

/** document.properties.customProperties (WordApi 1.3): add replaces a key's value, as Word does. */
class CustomPropertiesProxy extends Node {
  constructor(ctx: FakeContext, readonly doc: DocumentState) {
    super(ctx);
    this.requires = [['WordApi', '1.3']];
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, this.doc, key);
  }
  add(key: string, value: string): void {
    this.queueWrite(() => { this.doc.customProperties[key] = String(value); }, { name: 'customProperty' });
  }
}

/** The first section's primary header (WordApi 1.1): cleared, then OOXML inserted into it. */
class HeaderBodyProxy extends Node {
  constructor(ctx: FakeContext, readonly doc: DocumentState) { super(ctx); }
  clear(): void {
    this.queueWrite(() => { this.doc.headerOoxml = ''; });
  }
  insertOoxml(ooxml: string, location: string): void {
    this.queueWrite(() => {
      if (!/<pkg:package\b[\s\S]*<w:document\b[\s\S]*<\/pkg:package>\s*$/.test(ooxml)) throw new FakeOfficeError('InvalidArgument', 'The OOXML is not a flat OPC package.');
      this.doc.headerOoxml = location === 'Replace' ? ooxml : this.doc.headerOoxml + ooxml;
    }, { name: 'headerOoxml' });
  }
}

export class DocumentProxy extends Node {
  readonly body: BodyProxy;
  readonly properties: { customProperties: CustomPropertiesProxy };
  readonly sections: { getFirst: () => { getHeader: (type: string) => HeaderBodyProxy } };
  constructor(ctx: FakeContext, readonly doc: DocumentState, readonly pageSetupSupported: boolean) {
    super(ctx);
    this.body = new BodyProxy(ctx, doc, () => doc.blocks, () => doc.font, false);
    this.properties = { customProperties: new CustomPropertiesProxy(ctx, doc) };
    this.sections = {
      getFirst: () => ({
        getHeader: (type: string) => {
          if (type !== 'Primary') throw new FakeOfficeError('InvalidArgument', `The fake models the primary header only, not ${type}`);
          return new HeaderBodyProxy(ctx, doc);
        },
      }),
    };
  }
  /** WordApiDesktop 1.3: on a host without it, using the page setup fails at sync (ApiNotFound). */
  get pageSetup(): PageSetupProxy {
    return new PageSetupProxy(this.context, () => {
      if (!this.pageSetupSupported) throw new FakeOfficeError('ApiNotFound', 'document.pageSetup needs WordApiDesktop 1.3');
      return this.doc.pageSetup;
    });
  }
}
