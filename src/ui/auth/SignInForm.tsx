// The one sign-in form: Microsoft (MSAL) when the server has an Entra app configured, and always
// the server's local accounts. Errors sit at their field (Fluent's Field sets aria-invalid and
// aria-describedby on the input), focus moves to the first one, and the message is announced.
import { useEffect, useRef, useState } from 'react';
import {
  Body1, Button, Field, Input, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens, useAnnounce,
} from '@fluentui/react-components';
import { signIn, type Session } from '../../client/session';
import { entraEnabled, fetchAuthConfig, signInWithEntra, type ClientAuthConfig } from '../../client/msal';
import { signInText as t } from '../../text/sign-in';
import { fieldErrorsOf, firstError, type FieldErrors } from './form-errors';

const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

type Fields = 'username' | 'password';
const CODES: Readonly<Record<string, Fields>> = { 'auth.invalidCredentials': 'password' };

export interface SignInFormProps {
  readonly onSignedIn: (session: Session) => void;
  /** Shown above the fields: who signs in here and why. */
  readonly intro: string;
  /** The heading's level in the page (h2 in the web app, h3 under a taskpane view's title). */
  readonly headingLevel?: 'h1' | 'h2' | 'h3';
  /** A user name to start with (after expiry, the one who was signed in). */
  readonly username?: string;
  readonly baseUrl?: string;
}

export function SignInForm({ onSignedIn, intro, headingLevel = 'h3', username: initialUser = '', baseUrl = '' }: SignInFormProps) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const [config, setConfig] = useState<ClientAuthConfig | null>(null);
  const [username, setUsername] = useState(initialUser);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Fields>>({});
  const refs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  useEffect(() => {
    void fetchAuthConfig(baseUrl).then(setConfig);
  }, [baseUrl]);

  const fail = (next: FieldErrors<Fields>) => {
    setErrors(next);
    const message = firstError(next);
    if (message) announce(message, { alert: true, polite: false });
    const field = (['username', 'password'] as const).find((f) => next[f]);
    if (field) refs[field].current?.focus();
  };
  const run = async (attempt: () => Promise<Session>) => {
    setBusy(true);
    setErrors({});
    try {
      onSignedIn(await attempt());
    } catch (e) {
      fail(fieldErrorsOf(e, CODES));
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    const missing: FieldErrors<Fields> = {};
    if (username.trim() === '') missing.username = t.usernameMissing;
    if (password === '') missing.password = t.passwordMissing;
    if (Object.keys(missing).length > 0) return fail(missing);
    void run(() => signIn(username.trim(), password, baseUrl));
  };
  const entra = config !== null && entraEnabled(config);
  const state = (f: Fields) => (errors[f] ? { validationState: 'error' as const, validationMessage: errors[f] } : {});
  return (
    <form className={styles.column} noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Subtitle2 as={headingLevel}>{t.title}</Subtitle2>
      {intro && <Body1>{intro}</Body1>}
      {entra && (
        <>
          <Button appearance="primary" disabled={busy} onClick={() => void run(() => signInWithEntra(config, baseUrl))}>{t.microsoft}</Button>
          <Body1>{t.orLocal}</Body1>
        </>
      )}
      <Field label={t.username} required {...state('username')}>
        <Input ref={refs.username} value={username} onChange={(_e, d) => setUsername(d.value)} autoComplete="username" name="username" />
      </Field>
      <Field label={t.password} required {...state('password')}>
        <Input ref={refs.password} type="password" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="current-password" name="password" />
      </Field>
      {errors.form && <MessageBar intent="error" layout="multiline"><MessageBarBody>{errors.form}</MessageBarBody></MessageBar>}
      {busy && <Spinner size="tiny" label={t.busy} />}
      <Button appearance={entra ? 'secondary' : 'primary'} type="submit" disabled={busy}>{t.submit}</Button>
    </form>
  );
}
