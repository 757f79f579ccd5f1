// The audit trail, newest first, with filters (who, unit, action, from/to date) asked of the server,
// and older pages on demand. Each record's before/after is shown on request.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Field, Input, Select, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, type NoticeValue } from '../common/Notice';
import type { PlanUnit } from '../data/plans';
import { listAudit, type AuditFilter, type AuditRecord } from '../data/admin';

const t = web.admin.audit;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end', padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  pre: { whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: tokens.fontSizeBase200, maxWidth: '560px', margin: 0 },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

export function AuditPanel({ units }: { units: readonly PlanUnit[] }) {
  const styles = useStyles();
  const { api } = useSignedInUser();
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const load = useCallback((f: AuditFilter, append: boolean) => {
    listAudit(api, f).then((page) => {
      setRecords((old) => (append && old ? [...old, ...page.records] : page.records));
      setNext(page.nextBeforeId);
    }, (e) => setNotice({ intent: 'error', text: errorText(e) }));
  }, [api]);
  useEffect(() => load(filter, false), [load, filter]);
  const set = (key: keyof AuditFilter) => (_e: unknown, d: { value: string }) => setDraft((f) => ({ ...f, [key]: d.value || undefined }));
  return (
    <section className={styles.column} aria-labelledby="audit-title">
      <Subtitle2 as="h3" id="audit-title">{t.title}</Subtitle2>
      <form className={styles.form} onSubmit={(e) => { e.preventDefault(); setRecords(null); setFilter(draft); }}>
        <Field label={t.who}><Input value={draft.actor ?? ''} onChange={set('actor')} /></Field>
        <Field label={t.unit}>
          <Select value={draft.unitId ?? ''} onChange={set('unitId')}>
            <option value="">{t.any}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </Select>
        </Field>
        <Field label={t.action}>
          <Select value={draft.action ?? ''} onChange={set('action')}>
            <option value="">{t.any}</option>
            {Object.entries(t.actions).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </Select>
        </Field>
        <Field label={t.from}><Input type="date" value={draft.from ?? ''} onChange={set('from')} /></Field>
        <Field label={t.to}><Input type="date" value={draft.to ?? ''} onChange={set('to')} /></Field>
        <Button appearance="primary" type="submit">{t.apply}</Button>
      </form>
      <Notice notice={notice} />
      {!records ? <Spinner size="tiny" label={web.loading} /> : records.length === 0 ? <Body1>{t.none}</Body1> : (
        <Table className={styles.table} size="small" aria-labelledby="audit-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.at}</TableHeaderCell>
              <TableHeaderCell>{t.who}</TableHeaderCell>
              <TableHeaderCell>{t.action}</TableHeaderCell>
              <TableHeaderCell>{t.unit}</TableHeaderCell>
              <TableHeaderCell>{t.detail}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {records.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{web.dateTime(r.at)}</TableCell>
                <TableCell>{r.displayName ?? r.username ?? r.userId ?? t.system}</TableCell>
                <TableCell>{(t.actions as Record<string, string>)[r.action] ?? r.action}</TableCell>
                <TableCell>{r.unitId ? names.get(r.unitId) ?? r.unitId : ''}</TableCell>
                <TableCell>
                  <details>
                    <summary>{`${r.entity}${r.entityId ? ` ${r.entityId.slice(0, 40)}` : ''}`}</summary>
                    <pre className={styles.pre}>{JSON.stringify({ before: r.before, after: r.after }, null, 1)}</pre>
                  </details>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {next !== null && <div><Button onClick={() => load({ ...filter, beforeId: next }, true)}>{t.more}</Button></div>}
    </section>
  );
}
