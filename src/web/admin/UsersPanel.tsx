// Users: create one (with a role) and hand over the one-time password shown once; disable and
// enable; reset to a new one-time password; grant and revoke roles per unit.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Badge, Body1, Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { ApiError } from '../../client/api';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, failureNotice, type NoticeValue } from '../common/Notice';
import { useBusyAction } from '../../ui';
import type { PlanUnit } from '../data/plans';
import { createUser, disableUser, enableUser, grantRole, listUsers, resetPassword, revokeRole, type AdminUser, type RoleGrant } from '../data/admin';

const t = web.admin.users;
const ROLES = ['reporter', 'approver', 'consolidator', 'admin'] as const;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end', padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  secret: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, userSelect: 'all' },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

/** Role and unit pickers (a unit for clerks and heads, optional for consolidators, none for admins). */
function GrantPicker({ units, value, onChange, idPrefix }: { units: readonly PlanUnit[]; value: RoleGrant; onChange: (g: RoleGrant) => void; idPrefix: string }) {
  const needsUnit = value.role === 'reporter' || value.role === 'approver';
  return (
    <>
      <Field label={t.role}>
        <Select id={`${idPrefix}-role`} value={value.role} onChange={(_e, d) => onChange({ role: d.value as RoleGrant['role'], unitId: d.value === 'admin' ? null : value.unitId ?? units[0]?.id ?? null })}>
          {ROLES.map((r) => <option key={r} value={r}>{t.roleNames[r]}</option>)}
        </Select>
      </Field>
      {value.role !== 'admin' && (
        <Field label={web.unit}>
          <Select id={`${idPrefix}-unit`} value={value.unitId ?? ''} onChange={(_e, d) => onChange({ ...value, unitId: d.value === '' ? null : d.value })}>
            {!needsUnit && <option value="">{t.provinceWide}</option>}
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </Select>
        </Field>
      )}
    </>
  );
}

export function UsersPanel({ units }: { units: readonly PlanUnit[] }) {
  const styles = useStyles();
  const { api } = useSignedInUser();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [secret, setSecret] = useState<{ text: string; password: string } | null>(null);
  const [missing, setMissing] = useState(false);
  const [form, setForm] = useState({ username: '', displayName: '' });
  const [grant, setGrant] = useState<RoleGrant>({ role: 'reporter', unitId: units[0]?.id ?? null });
  const [grantFor, setGrantFor] = useState<Record<string, RoleGrant>>({});
  const [busy, run] = useBusyAction(false, setNotice, failureNotice);
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  const reload = useCallback(() => {
    listUsers(api).then(setUsers, (e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : setNotice({ intent: 'error', text: errorText(e) })));
  }, [api]);
  useEffect(reload, [reload]);

  /** Every act ends by reading the list again, so the table shows what the server now holds. */
  const act = (action: () => Promise<void>) => run(true, async () => {
    await action();
    reload();
  });
  if (missing) return <Body1>{web.admin.notYet}</Body1>;
  const grantText = (g: RoleGrant) => `${t.roleNames[g.role] ?? g.role}${g.unitId ? ` – ${names.get(g.unitId) ?? g.unitId}` : g.role === 'consolidator' ? ` – ${t.provinceWide}` : ''}`;
  return (
    <section className={styles.column} aria-labelledby="users-title">
      <Subtitle2 as="h3" id="users-title">{t.title}</Subtitle2>
      <form className={styles.form} onSubmit={(e) => {
        e.preventDefault();
        void act(async () => {
          const r = await createUser(api, { username: form.username.trim(), displayName: form.displayName.trim(), grants: [grant] });
          setSecret({ text: t.created(r.user.username), password: r.oneTimePassword });
          setForm({ username: '', displayName: '' });
        });
      }}>
        <Field label={t.username} required><Input value={form.username} onChange={(_e, d) => setForm((f) => ({ ...f, username: d.value }))} autoComplete="off" /></Field>
        <Field label={t.displayName} required><Input value={form.displayName} onChange={(_e, d) => setForm((f) => ({ ...f, displayName: d.value }))} autoComplete="off" /></Field>
        <GrantPicker units={units} value={grant} onChange={setGrant} idPrefix="new" />
        <Button appearance="primary" type="submit" disabled={busy || !form.username.trim() || !form.displayName.trim()}>{t.create}</Button>
      </form>
      {secret && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{secret.text} <span className={styles.secret} data-testid="one-time-password">{secret.password}</span></MessageBarBody>
        </MessageBar>
      )}
      <Notice notice={notice} />
      {!users ? <Spinner size="tiny" label={web.loading} /> : (
        <Table className={styles.table} size="small" aria-labelledby="users-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.username}</TableHeaderCell>
              <TableHeaderCell>{t.displayName}</TableHeaderCell>
              <TableHeaderCell>{t.state}</TableHeaderCell>
              <TableHeaderCell>{t.roles}</TableHeaderCell>
              <TableHeaderCell>{web.clerk.actions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((user) => {
              const g = grantFor[user.username] ?? { role: 'reporter', unitId: units[0]?.id ?? null };
              return (
                <TableRow key={user.username}>
                  <TableCell>{user.username}</TableCell>
                  <TableCell>{user.displayName}</TableCell>
                  <TableCell>
                    <div className={styles.row}>
                      <Badge appearance="tint" color={user.disabled ? 'danger' : 'success'}>{user.disabled ? t.disabled : t.active}</Badge>
                      {user.mustChangePassword && <Badge appearance="tint" color="warning">{t.mustChange}</Badge>}
                    </div>
                  </TableCell>
                  <TableCell>
                    {user.grants.map((grant) => (
                      <div key={`${grant.role}/${grant.unitId}`} className={styles.row}>
                        {grantText(grant)}
                        <Button size="small" appearance="subtle" disabled={busy} aria-label={`${t.revoke}: ${grantText(grant)} (${user.username})`}
                          onClick={() => void act(async () => { await revokeRole(api, user.username, grant); })}>{t.revoke}</Button>
                      </div>
                    ))}
                    <div className={styles.row}>
                      <GrantPicker units={units} value={g} onChange={(next) => setGrantFor((m) => ({ ...m, [user.username]: next }))} idPrefix={`grant-${user.username}`} />
                      <Button size="small" disabled={busy} aria-label={`${t.grant} (${user.username})`} onClick={() => void act(async () => { await grantRole(api, user.username, g); })}>{t.grant}</Button>
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.row}>
                      <Button size="small" disabled={busy} aria-label={`${user.disabled ? t.enable : t.disable} ${user.username}`}
                        onClick={() => void act(async () => { await (user.disabled ? enableUser(api, user.username) : disableUser(api, user.username)); })}>{user.disabled ? t.enable : t.disable}</Button>
                      <Button size="small" disabled={busy} aria-label={`${t.reset} ${user.username}`}
                        onClick={() => void act(async () => { const r = await resetPassword(api, user.username); setSecret({ text: t.resetDone(user.username), password: r.oneTimePassword }); })}>{t.reset}</Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
