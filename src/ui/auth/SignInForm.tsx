// The one sign-in form: Microsoft (MSAL) when the server has an Entra app configured, and always
// the server's local accounts. Errors sit at their field (Fluent's Field sets aria-invalid and
// aria-describedby on the input), focus moves to the first one, and its message (role="alert") is
// read once. Buttons stay focusable while the sign-in runs, so the focus is never dropped.
import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { signIn, type Session } from '../../client/session';
import { entraEnabled, fetchAuthConfig, signInWithEntra, type ClientAuthConfig, type EntraRoute } from '../../client/msal';
import { signInText as t } from '../../text/sign-in';
import { NoticeBar } from '../NoticeBar';
import { Progress } from '../Progress';
import { fieldErrorsOf, type FieldErrors } from './form-errors';

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
  /** How Microsoft sign-in gets its token: in Office, nested authentication or the Office dialog. */
  readonly entraRoute?: EntraRoute;
}

export function SignInForm({ onSignedIn, intro, headingLevel = 'h3', username: initialUser = '', baseUrl = '', entraRoute }: SignInFormProps) {
  const styles = useStyles();
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
    // Read out by the field's own alert, or by the notice for a form-wide error: not a second time here.
    setErrors(next);
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
    if (busy) return;
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
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void run(() => signInWithEntra(config, baseUrl, entraRoute))}>{t.microsoft}</Button>
          <Body1>{t.orLocal}</Body1>
        </>
      )}
      <Field label={t.username} required {...state('username')}>
        <Input ref={refs.username} value={username} onChange={(_e, d) => setUsername(d.value)} autoComplete="username" name="username" />
      </Field>
      <Field label={t.password} required {...state('password')}>
        <Input ref={refs.password} type="password" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="current-password" name="password" />
      </Field>
      {errors.form && <NoticeBar intent="error" text={errors.form} />}
      {busy && <Progress label={t.busy} />}
      <Button appearance={entra ? 'secondary' : 'primary'} type="submit" disabledFocusable={busy}>{t.submit}</Button>
    </form>
  );
}
