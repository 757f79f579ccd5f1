// The plan's Word file: the 2026 plan reshaped as a Word document (tables for the metadata and the
// appendices, with merged cells), saved as .docx by LibreOffice, gives the same catalogue as the text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { importPlan, readDocx, serializeCatalogue } from '../../src/core/import';
import { convert, describeWithSoffice } from '../support/soffice';
import { imported, loadReview, planText } from './plan';
import { planAsHtml } from './support/plan-html';

const ROOT = join(__dirname, '../..');

describeWithSoffice('the 2026 plan as a .docx made by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-docx-'));
  let docx = '';

  beforeAll(async () => {
    const html = join(dir, 'ke-hoach.html');
    writeFileSync(html, planAsHtml(planText));
    docx = await convert(html, 'docx:MS Word 2007 XML', dir);
  }, 120_000);

  it('has real tables with cells merged across columns and down rows', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(xml).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>/);
  });

  it('gives the same catalogue as the text, byte for byte', async () => {
    const source = await readDocx(readFileSync(docx));
    if (!source.ok) throw new Error(source.issues[0].message);
    const r = importPlan(source.value, { review: loadReview() });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(serializeCatalogue(r.value.catalogue)).toBe(serializeCatalogue(imported().catalogue));
    // Rows are located in the document's own terms.
    expect(r.value.appendices[1].rows.find((x) => x.reading.startsWith('nv-10'))?.where).toMatch(/^bảng \d+, hàng \d+$/);
  });

  it('the signed document’s own top (no web metadata) gives the same plan, its identity read from the header and title', async () => {
    const html = join(dir, 'ke-hoach-ky.html');
    writeFileSync(html, planAsHtml(planText, { official: true }));
    const source = await readDocx(readFileSync(await convert(html, 'docx:MS Word 2007 XML', dir)));
    if (!source.ok) throw new Error(source.issues[0].message);
    const r = importPlan(source.value, { review: loadReview() });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    const { signer: _signer, ...document } = imported().catalogue.document;
    expect(r.value.catalogue.document).toEqual(document); // the signer's name is only in the web page's metadata
    expect(serializeCatalogue({ ...r.value.catalogue, document: imported().catalogue.document })).toBe(serializeCatalogue(imported().catalogue));
  }, 120_000);

  it('npm run catalogue -- --in plan.docx --check agrees with the checked-in catalogue', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/catalogue.ts', '--quiet', '--check', '--in', docx], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('readDocx refuses what is not a Word document', () => {
  it.each([
    ['a text file', new TextEncoder().encode('PHỤ LỤC 01\n')],
    ['an empty file', new Uint8Array()],
  ])('%s', async (_what, bytes) => {
    const r = await readDocx(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'import.docx', message: expect.stringContaining('không phải văn bản Word') });
  });

  it('a zip without word/document.xml', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const r = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(r.ok).toBe(false);
  });
});
