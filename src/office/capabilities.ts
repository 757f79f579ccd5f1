// What the running Office can do for the add-in, checked once at start (docs/office-support.md has
// the table per Office version): Excel needs ExcelApi 1.8 (page layout, 1.9, is optional); Word needs
// WordApi 1.3 (page setup, WordApiDesktop 1.3, is optional); Microsoft sign-in uses nested app
// authentication (NestedAppAuth 1.1) where Office offers it and the Office dialog (DialogApi 1.1)
// elsewhere. What cannot run is explained in Vietnamese, with the web app's address.

import { officeSupport } from '../text/office-support';
import { EXCEL_REQUIRED, WORD_REQUIRED, supports, webAppAddress } from './host';

export type MicrosoftSignIn = 'nested' | 'dialog' | 'none';

export interface Capabilities {
  /** False: the pane cannot do its host's work; `blocking` says what to do instead. */
  readonly canRun: boolean;
  readonly blocking: string | null;
  /** What works differently here (each a sentence for the clerk or head). */
  readonly notes: readonly string[];
  readonly microsoftSignIn: MicrosoftSignIn;
}

/** How Microsoft sign-in can happen in this Office: brokered by Office, in a dialog, or not at all. */
export function microsoftSignInMode(): MicrosoftSignIn {
  if (supports('NestedAppAuth', '1.1')) return 'nested';
  return supports('DialogApi', '1.1') ? 'dialog' : 'none';
}

/**
 * @example const c = capabilitiesOf('excel', { microsoftSignIn: config.entraClientId !== null });
 *          if (!c.canRun) show(c.blocking);
 */
export function capabilitiesOf(host: 'excel' | 'word', options: { microsoftSignIn: boolean }, webApp = webAppAddress()): Capabilities {
  const notes: string[] = [];
  let blocking: string | null = null;
  if (host === 'excel') {
    if (!supports(...EXCEL_REQUIRED)) blocking = officeSupport.excelTooOld(webApp);
    else if (!supports('ExcelApi', '1.9')) notes.push(officeSupport.noPageLayout);
  } else {
    if (!supports(...WORD_REQUIRED)) blocking = officeSupport.wordTooOld(webApp);
    else if (!supports('WordApiDesktop', '1.3')) notes.push(officeSupport.wordNoPageSetup);
  }
  const microsoftSignIn = microsoftSignInMode();
  if (options.microsoftSignIn && blocking === null) {
    if (microsoftSignIn === 'dialog') notes.push(officeSupport.noMicrosoftSignIn);
    if (microsoftSignIn === 'none') notes.push(officeSupport.noDialog);
  }
  return { canRun: blocking === null, blocking, notes, microsoftSignIn };
}
