// The gate every view sits behind: sign-in when nobody is signed in, the password change when the
// account has a one-time password, then the view with a "signed in as … / Đăng xuất" line. When the
// sign-in expires the view stays mounted underneath (nothing typed is lost) and the sign-in form
// appears above it with a clear message; signing in again as the same user carries on where they were.
// After a sign-in (or the password change) the focus moves to the signed-in part, a named region.
import { type ReactNode } from 'react';
import {
  AriaLiveAnnouncer, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens,
} from '@fluentui/react-components';
import type { EntraRoute } from '../../client/msal';
import type { Session } from '../../client/session';
import { signInText as t } from '../../text/sign-in';
import { useFocusRequest } from '../focus';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SignInForm } from './SignInForm';
import { AuthContext, useAuthState, type AuthState } from './useSignedInUser';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  expired: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalM, border: `1px solid ${tokens.colorPaletteYellowBorder2}`, borderRadius: tokens.borderRadiusMedium },
});

export interface SignInGateProps {
  /** Who signs in here and why (the form's introduction). */
  readonly intro: string;
  readonly headingLevel?: 'h1' | 'h2' | 'h3';
  /** Shows the "signed in as … / Đăng xuất" line above the view (the web app draws its own header). */
  readonly userLine?: boolean;
  /** Drawn instead of the bare form when nobody is signed in (the web app's sign-in page frame). */
  readonly frame?: (form: ReactNode) => ReactNode;
  readonly baseUrl?: string;
  /** How Microsoft sign-in gets its token here (in Office: nested authentication or the dialog). */
  readonly entraRoute?: EntraRoute;
  readonly children: ReactNode;
}

function Gate({ auth, intro, headingLevel, userLine = true, frame = (f) => f, baseUrl, entraRoute, children }: SignInGateProps & { auth: AuthState }) {
  const styles = useStyles();
  const { session } = auth;
  const [workRef, focusWork] = useFocusRequest();
  const accept = (next: Session) => {
    auth.accept(next);
    focusWork();
  };
  if (!session) {
    return <>{frame(
      <div className={styles.column}>
        {auth.signedOut && <MessageBar intent="info"><MessageBarBody>{t.signedOut}</MessageBarBody></MessageBar>}
        <SignInForm intro={intro} headingLevel={headingLevel} onSignedIn={accept} baseUrl={baseUrl} entraRoute={entraRoute} />
      </div>,
    )}</>;
  }
  if (session.user.mustChangePassword) {
    return <>{frame(<PasswordChangeForm session={session} onChanged={accept} onSignOut={auth.signOut} headingLevel={headingLevel} baseUrl={baseUrl} />)}</>;
  }
  return (
    <section ref={workRef} tabIndex={-1} className={styles.column} aria-label={`${t.signedInAs} ${session.user.displayName}`}>
      {auth.expired && (
        <section className={styles.expired} aria-label={t.expiredTitle}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody><MessageBarTitle>{t.expiredTitle}</MessageBarTitle>{t.expired}</MessageBarBody>
          </MessageBar>
          <SignInForm intro="" headingLevel={headingLevel} username={session.user.username} baseUrl={baseUrl} entraRoute={entraRoute}
            onSignedIn={(next) => (next.user.username === session.user.username ? accept(next) : (auth.signOut(), accept(next)))} />
        </section>
      )}
      {userLine && (
        <div className={styles.row}>
          <Caption1>{`${t.signedInAs} ${session.user.displayName}`}</Caption1>
          <Button size="small" appearance="subtle" onClick={auth.signOut}>{t.signOut}</Button>
        </div>
      )}
      {/* Keyed by user: another account starts from a clean view, the same one keeps its state. */}
      <div key={session.user.username} className={styles.column}>{children}</div>
    </section>
  );
}

/**
 * @example <SignInGate intro={signInText.intro.head}><HeadWork /></SignInGate> // HeadWork calls useSignedInUser()
 */
export function SignInGate(props: SignInGateProps) {
  const auth = useAuthState(props.baseUrl);
  return (
    <AuthContext.Provider value={auth}>
      <AriaLiveAnnouncer>
        <Gate auth={auth} {...props} />
      </AriaLiveAnnouncer>
    </AuthContext.Provider>
  );
}
