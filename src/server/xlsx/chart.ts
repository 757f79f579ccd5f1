// Adds a stacked column chart to an .xlsx package written by exceljs, which has no chart support:
// a DrawingML chart part, a drawing anchoring it to cells, their relationships and content types
// (ECMA-376 Part 1, §21.2 charts, §20.5 spreadsheet drawing). One chart on the first sheet – what
// the consolidation needs; Excel and LibreOffice both open it (tests/server/xlsx-consolidation.test.ts).
import JSZip from 'jszip';
import type { ChartSpec } from '../../core/consolidation-sheet';
import { columnLetter } from '../../core/template/address';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = ['70AD47', 'FF0000', 'A5A5A5', 'FFC000', '5B9BD5'];

function chartXml(sheetName: string, chart: ChartSpec): string {
  const q = `'${sheetName.replace(/'/g, "''")}'`;
  const abs = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  const { row, col, rows, cols } = chart.data;
  const cat = `${q}!${abs(row + 1, col)}:${abs(row + rows - 1, col)}`;
  const series = Array.from({ length: cols - 1 }, (_, k) => {
    const c = col + 1 + k;
    return `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:strRef><c:f>${esc(`${q}!${abs(row, c)}`)}</c:f></c:strRef></c:tx>`
      + `<c:spPr><a:solidFill><a:srgbClr val="${COLORS[k % COLORS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`
      + `<c:cat><c:strRef><c:f>${esc(cat)}</c:f></c:strRef></c:cat>`
      + `<c:val><c:numRef><c:f>${esc(`${q}!${abs(row + 1, c)}:${abs(row + rows - 1, c)}`)}</c:f></c:numRef></c:val></c:ser>`;
  }).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + '<c:roundedCorners val="0"/><c:chart>'
    + `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
    + '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
    + `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:overlap val="100"/>`
    + '<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>'
    + '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>'
    + '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>'
    + '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';
}

function drawingXml(chart: ChartSpec): string {
  const { row, col, rows, cols } = chart.anchor;
  const mark = (r: number, c: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    + `<xdr:twoCellAnchor><xdr:from>${mark(row, col)}</xdr:from><xdr:to>${mark(row + rows, col + cols)}</xdr:to>`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
    + '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>'
    + '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
}

const REL = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const RELS_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** Elements that must follow <drawing> in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/**
 * The package with a stacked column chart on sheet1 drawn from `chart.data` (first row: series
 * names; first column: categories).
 * @example const withChart = await addColumnChart(await book.xlsx.writeBuffer(), 'TH PL01 2026-Q1', spec.chart)
 */
export async function addColumnChart(file: Buffer, sheetName: string, chart: ChartSpec): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const sheet = await zip.file(sheetPath)?.async('string');
  if (!sheet) throw new Error('xlsx chart: no sheet1');
  const rels = (await zip.file(relsPath)?.async('string')) ?? `${RELS_OPEN}</Relationships>`;
  const id = 'rIdCdsChart1'; // exceljs numbers its own rIdN, so this cannot collide
  zip.file(relsPath, rels.replace('</Relationships>', `${REL(id, 'drawing', '../drawings/drawing1.xml')}</Relationships>`));
  const withNs = /xmlns:r=/.test(sheet) ? sheet : sheet.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  const at = withNs.search(AFTER_DRAWING);
  zip.file(sheetPath, `${withNs.slice(0, at)}<drawing r:id="${id}"/>${withNs.slice(at)}`);
  zip.file('xl/drawings/drawing1.xml', drawingXml(chart));
  zip.file('xl/drawings/_rels/drawing1.xml.rels', `${RELS_OPEN}${REL('rId1', 'chart', '../charts/chart1.xml')}</Relationships>`);
  zip.file('xl/charts/chart1.xml', chartXml(sheetName, chart));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>',
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
    + '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

