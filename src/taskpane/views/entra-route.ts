// Microsoft sign-in inside Office: nested app authentication where the host brokers tokens, the
// Office dialog where it does not (docs/office-support.md). The web app signs in without either.
import type { EntraRoute } from '../../client/msal';
import { signInThroughDialog } from '../../office/auth-dialog/broker';
import { microsoftSignInMode } from '../../office/capabilities';

export const officeEntraRoute = (): EntraRoute => ({ mode: microsoftSignInMode(), dialog: signInThroughDialog });
