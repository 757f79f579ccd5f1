// Word as heads really use it, on the host profiles of tests/support/office-profiles.ts: the
// server's .docx opened in Word is approvable through its custom properties; a report written in
// Word carries page numbers (a PAGE field, centred at the top) and the same properties; the page
// setup is applied where WordApiDesktop 1.3 exists and left to the document elsewhere; Word 2016
// (WordApi 1.1) is refused before anything is touched.
import JSZip from 'jszip';
import type { Unit } from '../../src/core/catalogue-types';
import { buildReportModel, type ReportSubmission } from '../../src/core/report';
import { wordReportHost, WordError } from '../../src/office/word';
import { reportDocx } from '../../src/server/report-docx';
import { loadCatalogue } from '../core/fixtures/catalogue';
import { installFakeWord, newParagraph, type FakeWord } from '../support/fake-word';
import { PROFILES } from '../support/office-profiles';

const catalogue = loadCatalogue();
const unit: Unit = { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', classes: ['so-ban-nganh'], level: 'province' };
const submission: ReportSubmission = {
  submissionId: 'sub-7', revision: 2, contentHash: 'a1'.repeat(32), planId: catalogue.planId, unitId: 'so-khcn', period: '2026-Q2', kind: 'indicators',
  rows: catalogue.indicators.map((i) => ({ id: i.id, value: null, note: null })),
};
const model = buildReportModel(catalogue, submission, unit, { date: '2026-07-02', number: '7' });

/** The custom properties of a real .docx (docProps/custom.xml), as Word shows them under File › Properties. */
async function docxProperties(buffer: Buffer): Promise<Record<string, string>> {
  const xml = await (await JSZip.loadAsync(buffer)).file('docProps/custom.xml')!.async('string');
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]+)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)) out[m[1]] = m[2];
  return out;
}

describe.each(Object.values(PROFILES))('Word on $label', (profile) => {
  let word: FakeWord;
  beforeEach(() => { word = installFakeWord({ requirementSets: { ...profile.word } }); });
  afterEach(() => word.uninstall());
  const wordApi13 = Number(profile.word.WordApi.split('.')[1]) >= 3;

  it('approves the server’s .docx opened in Word through its custom properties', async () => {
    const properties = await docxProperties(await reportDocx(model));
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['cds.submissionId', 'cds.revision', 'cds.contentHash']));
    // Opened in Word: the text, no content control of the add-in, the file's properties.
    word.doc.blocks = [newParagraph(model.title), newParagraph(model.subject)];
    word.doc.customProperties = properties;
    const read = wordReportHost.readReportBinding();
    if (wordApi13) await expect(read).resolves.toEqual({ submissionId: 'sub-7', revision: 2, contentHash: 'a1'.repeat(32) });
    else await expect(read).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('writes the report with page numbers and its binding as properties, page setup where supported', async () => {
    const write = wordReportHost.writeReport(model);
    if (!wordApi13) {
      await expect(write).rejects.toBeInstanceOf(WordError);
      expect(word.host.syncCount).toBe(0);
      return;
    }
    await write;
    expect(word.host).toMatchObject({ runCount: 1, syncCount: 1 });
    expect(word.doc.headerOoxml).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:fldSimple w:instr=" PAGE ">/);
    expect(word.doc.customProperties).toEqual({ 'cds.submissionId': 'sub-7', 'cds.revision': '2', 'cds.contentHash': 'a1'.repeat(32) });
    const desktop = profile.word.WordApiDesktop !== undefined;
    expect(word.doc.pageSetup).toEqual(desktop ? expect.objectContaining({ paperSize: 'A4' }) : {});
  });
});

it('does not let properties override a binding line edited beyond reading', async () => {
  const word = installFakeWord();
  try {
    await wordReportHost.writeReport(model);
    const line = word.controls('cds-report')[0];
    line.text = 'Mã báo cáo: (đã sửa)';
    await expect(wordReportHost.readReportBinding()).resolves.toBeNull();
  } finally {
    word.uninstall();
  }
});
