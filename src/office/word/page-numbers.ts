// Page numbers as Nghị định 30/2020 places them: centred at the top of the page, Times New Roman
// 13 pt, in the first section's primary header. Written as OOXML (Body.insertOoxml, WordApi 1.1): a
// PAGE field works on every Word the head's pane runs on, where Range.insertField needs WordApi 1.5.
// The server's .docx leaves the first page unnumbered (a different first-page header); the API has
// no portable switch for that, so a report written in Word numbers its first page too
// (docs/office-support.md).
import { REPORT_LAYOUT as L } from '../../core/report';

const HALF_POINTS = 13 * 2;

/** A flat OPC package holding one centred paragraph with a PAGE field. */
export const PAGE_NUMBER_OOXML = `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
</pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:rFonts w:ascii="${L.font}" w:hAnsi="${L.font}" w:cs="${L.font}"/><w:sz w:val="${HALF_POINTS}"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple></w:p>
</w:body></w:document>
</pkg:xmlData></pkg:part>
</pkg:package>`;

/** Queues the page numbers into the first section's primary header (no sync). */
export function queuePageNumbers(document: Word.Document): void {
  const header = document.sections.getFirst().getHeader('Primary');
  header.clear();
  header.insertOoxml(PAGE_NUMBER_OOXML, 'Replace');
}
