// Which Office host the taskpane runs in, and which API sets it offers. Source of truth:
// Office.onReady (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in)
// and Office.context.requirements.isSetSupported for runtime feature detection.

export type Host = 'excel' | 'word' | 'outside';

/** Why the taskpane is not running inside Excel or Word. */
export type OutsideReason =
  | 'no-office-js' // office.js did not load (neither the CDN nor the local copy)
  | 'no-host' // office.js loaded, but the page was opened in a plain browser
  | 'other-host' // an Office application the add-in does not serve (PowerPoint, Outlook…)
  | 'timeout'; // Office.onReady never answered

export type Detected = { host: 'excel' } | { host: 'word' } | { host: 'outside'; reason: OutsideReason };

/** Requirement sets the add-in may check for; see the Office Add-ins requirement-set pages. */
export type RequirementSet = 'ExcelApi' | 'WordApi' | 'WordApiDesktop' | 'DialogApi' | 'IdentityAPI' | 'NestedAppAuth' | 'RibbonApi' | 'SharedRuntime';

/**
 * The lowest Excel the clerk's actions run on: data validation is ExcelApi 1.8 (getRangeByIndexes and
 * freeze panes 1.7, conditional formats 1.6); page layout (1.9) is optional. See docs/office-support.md.
 */
export const EXCEL_REQUIRED = ['ExcelApi', '1.8'] as const satisfies readonly [RequirementSet, string];
/** The lowest Word: tables, content controls and custom properties are WordApi 1.3. */
export const WORD_REQUIRED = ['WordApi', '1.3'] as const satisfies readonly [RequirementSet, string];

/** The web app, served by the same server at `/`: where a clerk goes when Office cannot run the pane. */
export function webAppAddress(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && origin !== 'null' ? `${origin}/` : '/';
}

const DEFAULT_TIMEOUT_MS = 8000;

function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/** Maps Office's host to the add-in's; only Excel and Word are served. */
export function hostOf(host: Office.HostType | null | undefined): Detected {
  if (host === null || host === undefined) return { host: 'outside', reason: 'no-host' };
  // Office.HostType exists here: a host is only reported once office.js has loaded.
  if (host === Office.HostType.Excel) return { host: 'excel' };
  if (host === Office.HostType.Word) return { host: 'word' };
  return { host: 'outside', reason: 'other-host' };
}

/** Resolves once office.js has initialised, or never when office.js is missing. */
export function whenOfficeReady(): Promise<Office.HostType | null> {
  const office = officeGlobal();
  if (!office) return new Promise(() => undefined);
  return office.onReady().then((info) => info.host ?? null);
}

/**
 * Detects the host once, without ever failing: a missing office.js, a plain browser, an
 * unsupported application or a silent Office.onReady all give `{ host: 'outside', reason }`.
 * @example const detected = await detectHost(); if (detected.host === 'excel') …
 */
export function detectHost(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Detected> {
  if (!officeGlobal()) return Promise.resolve({ host: 'outside', reason: 'no-office-js' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ host: 'outside', reason: 'timeout' }), timeoutMs);
    whenOfficeReady().then(
      (host) => {
        clearTimeout(timer);
        resolve(hostOf(host));
      },
      () => {
        clearTimeout(timer);
        resolve({ host: 'outside', reason: 'no-host' });
      },
    );
  });
}

/**
 * True when the running Office supports `set` at `version` or later; false outside Office.
 * @example if (supports('ExcelApi', '1.12')) { … use Range.getSpecialCells … }
 */
export function supports(set: RequirementSet, version: string): boolean {
  const requirements = officeGlobal()?.context?.requirements;
  return requirements ? requirements.isSetSupported(set, version) : false;
}
