// The fake document saved as Word saves it (a minimal .docx: word/document.xml with w:p, w:tbl,
// w:sdt and w:drawing), so a test can hand a report written by the add-in to what reads real
// files – the /verify page's check of a document's text. A paragraph mark typed inside a text
// ("\n", as a table cell's values carry it) becomes a new paragraph, as in Word.
import JSZip from 'jszip';
import type { BlockNode, DocumentState, ParagraphNode } from './model';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraphXml(p: ParagraphNode): string {
  const keep = `${p.keepWithNext ? '<w:keepNext/>' : ''}${p.keepTogether ? '<w:keepLines/>' : ''}`;
  const pictures = (p.pictures ?? []).map((pic, i) =>
    `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="${i + 1}" name="Picture ${i + 1}" title="${escape(pic.altTextTitle ?? '')}" descr="${escape(pic.altTextDescription ?? '')}"/></wp:inline></w:drawing></w:r>`).join('');
  const lines = p.text.split('\n');
  const xml = lines.map((line, i) =>
    `<w:p>${keep ? `<w:pPr>${keep}</w:pPr>` : ''}${i === 0 ? pictures : ''}${line === '' ? '' : `<w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r>`}</w:p>`).join('');
  return p.control ? `<w:sdt><w:sdtPr><w:tag w:val="${escape(p.control.tag)}"/></w:sdtPr><w:sdtContent>${xml}</w:sdtContent></w:sdt>` : xml;
}

function blockXml(b: BlockNode): string {
  if (b.kind === 'paragraph') return paragraphXml(b);
  return `<w:tbl>${b.cells.map((row) => `<w:tr>${row.map((c) => `<w:tc>${c.paragraphs.map(paragraphXml).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** The document's word/document.xml as Word writes it. */
export const documentXml = (doc: DocumentState): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${doc.blocks.map(blockXml).join('')}</w:body></w:document>`;

/** The document as a .docx file. */
export async function savedDocx(doc: DocumentState): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', documentXml(doc));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
