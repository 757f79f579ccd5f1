// The clerk's sign-in: Microsoft (MSAL nested app authentication) when the server has an Entra app
// configured, and always the server's local accounts. The token goes to sessionStorage only.
import { useEffect, useState } from 'react';
import { Body1, Button, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { signIn, type Session } from '../../../client/session';
import { entraEnabled, fetchAuthConfig, signInWithEntra, type ClientAuthConfig } from '../../../client/msal';
import { signInThroughDialog } from '../../../office/auth-dialog/broker';
import { microsoftSignInMode } from '../../../office/capabilities';
import { strings } from '../../../text/strings';
import { Progress } from '../../../ui';

const s = strings.clerkFlow;
const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const styles = useStyles();
  const [config, setConfig] = useState<ClientAuthConfig | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void fetchAuthConfig().then(setConfig);
  }, []);

  const run = async (attempt: () => Promise<Session>) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await attempt());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.column} onSubmit={(e) => { e.preventDefault(); if (!busy) void run(() => signIn(username.trim(), password)); }}>
      <Subtitle2 as="h3">{s.signInTitle}</Subtitle2>
      <Body1>{s.signInIntro}</Body1>
      {config && entraEnabled(config) && (
        <>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void run(() => signInWithEntra(config, '', { mode: microsoftSignInMode(), dialog: signInThroughDialog }))}>{s.signInMicrosoft}</Button>
          <Body1>{s.orLocal}</Body1>
        </>
      )}
      {/* A refused sign-in marks both fields; its message (role="alert", read once) describes the password field. */}
      <Field label={s.username} required validationState={error ? 'error' : 'none'}>
        <Input value={username} onChange={(_e, d) => setUsername(d.value)} autoComplete="username" />
      </Field>
      <Field label={s.password} required validationState={error ? 'error' : 'none'} validationMessage={error ?? undefined}>
        <Input type="password" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="current-password" />
      </Field>
      {busy && <Progress label={s.signingIn} />}
      {/* Focusable while busy, so the focus stays where the user pressed. */}
      <Button appearance={config && entraEnabled(config) ? 'secondary' : 'primary'} type="submit" disabled={!username || !password} disabledFocusable={busy}>{s.signIn}</Button>
    </form>
  );
}
