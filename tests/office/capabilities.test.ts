// The capability check at start, per Office version (host profiles in tests/support/office-profiles.ts):
// who can run the pane, what is explained instead (in Vietnamese, with the web app's address), and
// how Microsoft sign-in happens.
import { capabilitiesOf } from '../../src/office/capabilities';
import { officeSupport } from '../../src/text/office-support';
import { PROFILES, type ProfileName } from '../support/office-profiles';

const WEB_APP = 'https://baocao.nghean.gov.vn/';

function install(sets: Readonly<Record<string, string>>) {
  const have = (set: string, version: string) => {
    const v = sets[set];
    if (v === undefined) return false;
    const [a, b] = [v.split('.').map(Number), version.split('.').map(Number)];
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return true;
  };
  (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: have } } };
}
afterEach(() => { delete (globalThis as { Office?: unknown }).Office; });

// What each Office version can do: the table docs/office-support.md gives clerks and heads.
const EXPECTED: Record<ProfileName, { excel: boolean; word: boolean; pageLayout: boolean; pageSetup: boolean; signIn: string }> = {
  'office-2016': { excel: false, word: false, pageLayout: false, pageSetup: false, signIn: 'dialog' },
  'office-2019-volume': { excel: false, word: true, pageLayout: false, pageSetup: false, signIn: 'dialog' },
  'office-2021': { excel: true, word: true, pageLayout: true, pageSetup: false, signIn: 'dialog' },
  'microsoft-365': { excel: true, word: true, pageLayout: true, pageSetup: true, signIn: 'nested' },
  web: { excel: true, word: true, pageLayout: true, pageSetup: false, signIn: 'nested' },
  'web-local-file': { excel: true, word: true, pageLayout: true, pageSetup: false, signIn: 'dialog' },
};

describe.each(Object.values(PROFILES))('on $label', (profile) => {
  const expected = EXPECTED[profile.name];

  it('Excel: runs from ExcelApi 1.8 on, with a note where the print setup is missing; otherwise the web app', () => {
    install(profile.excel);
    const c = capabilitiesOf('excel', { microsoftSignIn: false }, WEB_APP);
    expect(c.canRun).toBe(expected.excel);
    if (!expected.excel) expect(c.blocking).toBe(officeSupport.excelTooOld(WEB_APP));
    expect(c.blocking ?? '').toMatch(expected.excel ? /^$/ : /https:\/\/baocao\.nghean\.gov\.vn\//);
    expect(c.notes.includes(officeSupport.noPageLayout)).toBe(expected.excel && !expected.pageLayout);
  });

  it('Word: runs from WordApi 1.3 on, with a note where the page setup is the document’s; otherwise the web app', () => {
    install(profile.word);
    const c = capabilitiesOf('word', { microsoftSignIn: false }, WEB_APP);
    expect(c.canRun).toBe(expected.word);
    if (!expected.word) expect(c.blocking).toBe(officeSupport.wordTooOld(WEB_APP));
    expect(c.notes.includes(officeSupport.wordNoPageSetup)).toBe(expected.word && !expected.pageSetup);
  });

  it('Microsoft sign-in: nested where Office brokers it, the Office dialog elsewhere (said once configured)', () => {
    install(profile.excel);
    const c = capabilitiesOf('excel', { microsoftSignIn: true }, WEB_APP);
    expect(c.microsoftSignIn).toBe(expected.signIn);
    if (expected.excel) expect(c.notes.includes(officeSupport.noMicrosoftSignIn)).toBe(expected.signIn === 'dialog');
    expect(capabilitiesOf('excel', { microsoftSignIn: false }, WEB_APP).notes).not.toContain(officeSupport.noMicrosoftSignIn);
  });
});

it('says nothing in English and names no requirement set to the clerk', () => {
  for (const text of [officeSupport.excelTooOld(WEB_APP), officeSupport.wordTooOld(WEB_APP), officeSupport.noPageLayout, officeSupport.wordNoPageSetup]) {
    expect(text).not.toMatch(/ExcelApi|WordApi|requirement|not supported/i);
  }
});
