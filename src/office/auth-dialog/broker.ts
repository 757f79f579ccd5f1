// Microsoft sign-in through the Office dialog (DialogApi 1.1), where Office cannot broker the token
// itself (no NestedAppAuth: Office 2019/2021, Office on the web with a file not from OneDrive or
// SharePoint). The dialog opens auth-dialog.html on this server, which signs in with MSAL's redirect
// flow and sends the token back with messageParent (page.ts). Source:
// https://learn.microsoft.com/office/dev/add-ins/develop/auth-with-office-dialog-api
import type { ClientAuthConfig, TokenAnswer } from '../../client/msal';
import { officeSupport } from '../../text/office-support';

/** Office's dialog error codes that mean something to the user (the rest: "could not open"). */
const CLOSED_BY_USER = 12006;
const ANOTHER_DIALOG_OPEN = 12007;
const BLOCKED_BY_BROWSER = 12009;

export const DIALOG_PAGE = 'auth-dialog.html';

/** The dialog page's address with what MSAL needs, on this server's origin. */
export function dialogUrl(config: ClientAuthConfig, origin: string): string {
  const q = new URLSearchParams({ client: config.entraClientId ?? '', authority: config.authority ?? '', scope: config.scope ?? '' });
  return `${origin}/${DIALOG_PAGE}?${q.toString()}`;
}

type DialogMessage = { message: string; origin?: string } | { error: number };

/**
 * Opens the sign-in dialog and resolves with the token it sends back; rejects with a Vietnamese
 * message when the user closes it, the browser blocks it, or sign-in fails inside it.
 * @example const answer = await signInThroughDialog(config)
 */
export function signInThroughDialog(config: ClientAuthConfig, origin = globalThis.location?.origin ?? ''): Promise<TokenAnswer> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(dialogUrl(config, origin), { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        const code = opened.error.code;
        reject(new Error(code === BLOCKED_BY_BROWSER ? officeSupport.dialogBlocked : code === ANOTHER_DIALOG_OPEN ? officeSupport.dialogBusy : officeSupport.noDialog));
        return;
      }
      const dialog = opened.value;
      const finish = (outcome: () => void) => { dialog.close(); outcome(); };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg: DialogMessage) => {
        if ('error' in arg) return;
        // Only our own page answers: a message from another origin is ignored.
        if (arg.origin !== undefined && arg.origin !== origin) return;
        let answer: { ok?: boolean; accessToken?: unknown; expiresOn?: unknown; error?: unknown };
        try { answer = JSON.parse(arg.message) as typeof answer; } catch { answer = {}; }
        if (answer.ok === true && typeof answer.accessToken === 'string') {
          const accessToken = answer.accessToken;
          finish(() => resolve({ accessToken, expiresOn: typeof answer.expiresOn === 'string' ? answer.expiresOn : null }));
        } else {
          finish(() => reject(new Error(officeSupport.dialogFailed)));
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg: DialogMessage) => {
        if ('error' in arg) reject(new Error(arg.error === CLOSED_BY_USER ? officeSupport.dialogClosed : officeSupport.dialogFailed));
      });
    });
  });
}
