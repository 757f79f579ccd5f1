// The first-sign-in password change as a form (a one-time password from the administrator must be
// replaced before anything else): current, new, new again. The server's answer is a new session
// (the old token carries the old password's fingerprint and stops working).
import { useRef, useState } from 'react';
import { Body1, Button, Field, Input, Subtitle2, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import { NoticeBar } from '../NoticeBar';
import { Progress } from '../Progress';
import { createApiClient } from '../../client/api';
import type { Session } from '../../client/session';
import { signInText } from '../../text/sign-in';
import { fieldErrorsOf, type FieldErrors } from './form-errors';

const t = signInText.change;
const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

type Fields = 'current' | 'next' | 'confirm';
const CODES: Readonly<Record<string, Fields>> = {
  'password.currentWrong': 'current',
  'password.policy': 'next',
  'password.unchanged': 'next',
};
const ORDER: readonly Fields[] = ['current', 'next', 'confirm'];

export interface PasswordChangeFormProps {
  readonly session: Session;
  readonly onChanged: (session: Session) => void;
  readonly onSignOut: () => void;
  readonly headingLevel?: 'h1' | 'h2' | 'h3';
  readonly baseUrl?: string;
}

export function PasswordChangeForm({ session, onChanged, onSignOut, headingLevel = 'h3', baseUrl = '' }: PasswordChangeFormProps) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const [values, setValues] = useState<Record<Fields, string>>({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors<Fields>>({});
  const [busy, setBusy] = useState(false);
  const refs = { current: useRef<HTMLInputElement>(null), next: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };

  const fail = (next: FieldErrors<Fields>) => {
    // Read out by the field's own alert, or by the notice for a form-wide error: not a second time here.
    setErrors(next);
    const field = ORDER.find((f) => next[f]);
    if (field) refs[field].current?.focus();
  };
  const submit = async () => {
    if (busy) return;
    const missing: FieldErrors<Fields> = {};
    if (values.current === '') missing.current = t.currentMissing;
    if (values.next === '') missing.next = t.nextMissing;
    else if (values.confirm !== values.next) missing.confirm = t.mismatch;
    if (Object.keys(missing).length > 0) return fail(missing);
    setBusy(true);
    setErrors({});
    try {
      const api = createApiClient({ baseUrl, token: () => session.token });
      const next = await api.post<Session>('/api/auth/password', { currentPassword: values.current, newPassword: values.next });
      announce(t.done, { polite: true });
      onChanged(next);
    } catch (e) {
      fail(fieldErrorsOf(e, CODES));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: Fields, label: string, autoComplete: string, hint?: string) => (
    <Field label={label} required hint={hint} {...(errors[name] ? { validationState: 'error' as const, validationMessage: errors[name] } : {})}>
      <Input ref={refs[name]} type="password" value={values[name]} autoComplete={autoComplete} name={name}
        onChange={(_e, d) => setValues((v) => ({ ...v, [name]: d.value }))} />
    </Field>
  );
  return (
    <form className={styles.column} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Subtitle2 as={headingLevel}>{t.title}</Subtitle2>
      <Body1>{t.intro}</Body1>
      {/* The username lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={session.user.username} readOnly hidden />
      {field('current', t.current, 'current-password')}
      {field('next', t.next, 'new-password', t.nextHint)}
      {field('confirm', t.confirm, 'new-password')}
      {errors.form && <NoticeBar intent="error" text={errors.form} />}
      {busy && <Progress label={t.busy} />}
      <Button appearance="primary" type="submit" disabledFocusable={busy}>{t.submit}</Button>
      <Button appearance="subtle" onClick={onSignOut}>{signInText.signOut}</Button>
    </form>
  );
}
