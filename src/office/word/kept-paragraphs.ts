// Body paragraphs that stay on the page of what follows them (w:keepNext) and are never split
// (w:keepLines), as a flat OPC package for Body.insertOoxml (WordApi 1.1): Office.js sets "keep
// with next" only through styles from WordApi 1.5, which Word 2019 does not have. The look is the
// report's body text (REPORT_LAYOUT): Times New Roman 14 pt, justified, first-line indent.
import { REPORT_LAYOUT as L } from '../../core/report';

const HALF_POINTS = L.size.body * 2;
/** First-line indent in twentieths of a point. */
const INDENT_TWIPS = Math.round((L.firstLineIndent / 25.4) * 1440);

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function paragraph(text: string): string {
  const run = text === '' ? '' : `<w:r><w:rPr><w:rFonts w:ascii="${L.font}" w:hAnsi="${L.font}" w:cs="${L.font}"/><w:sz w:val="${HALF_POINTS}"/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
  return `<w:p><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="120"/><w:ind w:firstLine="${INDENT_TWIPS}"/><w:jc w:val="both"/><w:rPr><w:sz w:val="${HALF_POINTS}"/></w:rPr></w:pPr>${run}</w:p>`;
}

/**
 * @example body.insertOoxml(keptParagraphsOoxml(['Trên đây là báo cáo …/.', '']), 'End')
 */
export function keptParagraphsOoxml(texts: readonly string[]): string {
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
</pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${texts.map(paragraph).join('')}</w:body></w:document>
</pkg:xmlData></pkg:part>
</pkg:package>`;
}
