// Host profiles: what each Office version a clerk or head may run offers the add-in – requirement
// sets (Microsoft's requirement-set tables, see docs/office-support.md), the web view's script
// engine, Excel on the web's request limit, the regional style clerks type in, and whether the
// build is one that throws AccessDenied from unprotect() (office-js issue 6784). The fake hosts take
// a profile; an API outside it fails at sync with ApiNotFound, as in Office.

export type ProfileName = 'office-2016' | 'office-2019-volume' | 'office-2021' | 'microsoft-365' | 'web' | 'web-local-file';

export interface OfficeProfile {
  readonly name: ProfileName;
  readonly label: string;
  /** What Office.context.requirements.isSetSupported answers in Excel and in Word. */
  readonly excel: Readonly<Record<string, string>>;
  readonly word: Readonly<Record<string, string>>;
  /** The web view rendering the pane: the old ones cannot parse the taskpane bundle. */
  readonly engine: 'ie11' | 'edgehtml' | 'webview2' | 'browser';
  /** Excel on the web refuses a request over 5 MB. */
  readonly payloadLimitBytes: number | null;
  /** The builds of 2026 that throw AccessDenied from Worksheet.protection.unprotect(). */
  readonly unprotectDenied: boolean;
}

const MB = 1024 * 1024;
/** Requirement sets every Office since 2016 has (dialogs; custom properties came with WordApi 1.3). */
const COMMON = { DialogApi: '1.1' };

export const PROFILES: Readonly<Record<ProfileName, OfficeProfile>> = {
  'office-2016': {
    name: 'office-2016', label: 'Office 2016 (MSI, retail)', engine: 'ie11', payloadLimitBytes: null, unprotectDenied: false,
    excel: { ...COMMON, ExcelApi: '1.1' }, word: { ...COMMON, WordApi: '1.1' },
  },
  'office-2019-volume': {
    name: 'office-2019-volume', label: 'Office 2019 (volume licence)', engine: 'edgehtml', payloadLimitBytes: null, unprotectDenied: false,
    excel: { ...COMMON, ExcelApi: '1.7' }, word: { ...COMMON, WordApi: '1.3' },
  },
  'office-2021': {
    name: 'office-2021', label: 'Office 2021 / LTSC 2021', engine: 'webview2', payloadLimitBytes: null, unprotectDenied: false,
    excel: { ...COMMON, ExcelApi: '1.14', DialogApi: '1.2' }, word: { ...COMMON, WordApi: '1.3', DialogApi: '1.2' },
  },
  'microsoft-365': {
    name: 'microsoft-365', label: 'Microsoft 365 (Windows, current channel)', engine: 'webview2', payloadLimitBytes: null, unprotectDenied: true,
    excel: { ExcelApi: '1.20', DialogApi: '1.2', NestedAppAuth: '1.1' },
    word: { WordApi: '1.9', WordApiDesktop: '1.3', DialogApi: '1.2', NestedAppAuth: '1.1' },
  },
  web: {
    name: 'web', label: 'Office on the web (document on OneDrive / SharePoint)', engine: 'browser', payloadLimitBytes: 5 * MB, unprotectDenied: true,
    excel: { ExcelApi: '1.20', DialogApi: '1.2', NestedAppAuth: '1.1' }, word: { WordApi: '1.9', DialogApi: '1.2', NestedAppAuth: '1.1' },
  },
  'web-local-file': {
    name: 'web-local-file', label: 'Office on the web (document not from OneDrive / SharePoint)', engine: 'browser', payloadLimitBytes: 5 * MB, unprotectDenied: true,
    excel: { ExcelApi: '1.20', DialogApi: '1.2' }, word: { WordApi: '1.9', DialogApi: '1.2' },
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];
