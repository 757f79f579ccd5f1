// The gate every view sits behind: sign-in when nobody is signed in, the password change when the
// account has a one-time password, then the view with a "signed in as … / Đăng xuất" line. When the
// sign-in expires the view stays mounted underneath (nothing typed is lost) and the sign-in form
// appears above it with a clear message; signing in again as the same user carries on where they were.
import { type ReactNode } from 'react';
import {
  AriaLiveAnnouncer, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens,
} from '@fluentui/react-components';
import { signInText as t } from '../../text/sign-in';
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
  readonly children: ReactNode;
}

function Gate({ auth, intro, headingLevel, userLine = true, frame = (f) => f, baseUrl, children }: SignInGateProps & { auth: AuthState }) {
  const styles = useStyles();
  const { session } = auth;
  if (!session) {
    return <>{frame(
      <div className={styles.column}>
        {auth.signedOut && <MessageBar intent="info"><MessageBarBody>{t.signedOut}</MessageBarBody></MessageBar>}
        <SignInForm intro={intro} headingLevel={headingLevel} onSignedIn={auth.accept} baseUrl={baseUrl} />
      </div>,
    )}</>;
  }
  if (session.user.mustChangePassword) {
    return <>{frame(<PasswordChangeForm session={session} onChanged={auth.accept} onSignOut={auth.signOut} headingLevel={headingLevel} baseUrl={baseUrl} />)}</>;
  }
  return (
    <div className={styles.column}>
      {auth.expired && (
        <section className={styles.expired} aria-label={t.expiredTitle}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody><MessageBarTitle>{t.expiredTitle}</MessageBarTitle>{t.expired}</MessageBarBody>
          </MessageBar>
          <SignInForm intro="" headingLevel={headingLevel} username={session.user.username} baseUrl={baseUrl}
            onSignedIn={(next) => (next.user.username === session.user.username ? auth.accept(next) : (auth.signOut(), auth.accept(next)))} />
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
    </div>
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
