// Assignment overrides: include or exclude a unit for one indicator or task, with a reason; the
// list of current overrides, each removable.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Field, Input, Select, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, type NoticeValue } from '../common/Notice';
import { itemNames } from '../clerk/itemNames';
import type { PlanDetail } from '../data/plans';
import { clearOverride, listOverrides, setOverride, type Override } from '../data/admin';

const t = web.admin.overrides;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end', padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  wide: { minWidth: '360px', maxWidth: '520px' },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

export function OverridesPanel({ planId, plan }: { planId: string; plan: PlanDetail }) {
  const styles = useStyles();
  const { api } = useSignedInUser();
  const [list, setList] = useState<Override[] | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const names = useMemo(() => itemNames(plan.catalogue), [plan.catalogue]);
  const unitNames = useMemo(() => new Map(plan.units.map((u) => [u.id, u.name])), [plan.units]);
  const items = useMemo(() => [...plan.catalogue.indicators.map((i) => i.id), ...plan.catalogue.tasks.map((x) => x.id)], [plan.catalogue]);
  const [form, setForm] = useState({ itemId: items[0] ?? '', unitId: plan.units[0]?.id ?? '', effect: 'include' as 'include' | 'exclude', reason: '' });
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reload = useCallback(() => {
    listOverrides(api, planId).then(setList, (e) => setNotice({ intent: 'error', text: errorText(e) }));
  }, [api, planId]);
  useEffect(reload, [reload]);
  const act = async (action: () => Promise<void>, done: string) => {
    setNotice(null);
    try {
      await action();
      setNotice({ intent: 'success', text: done });
      reload();
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  };
  return (
    <section className={styles.column} aria-labelledby="overrides-title">
      <Subtitle2 as="h3" id="overrides-title">{t.title}</Subtitle2>
      <Body1>{t.intro}</Body1>
      <form className={styles.form} onSubmit={(e) => {
        e.preventDefault();
        if (form.reason.trim() === '') return setReasonError(t.reasonMissing);
        setReasonError(null);
        void act(async () => { await setOverride(api, planId, { ...form, reason: form.reason.trim() }); setForm((f) => ({ ...f, reason: '' })); }, t.saved);
      }}>
        <Field label={t.item} className={styles.wide}>
          <Select value={form.itemId} onChange={(_e, d) => setForm((f) => ({ ...f, itemId: d.value }))}>
            {items.map((id) => <option key={id} value={id}>{names.get(id) ?? id}</option>)}
          </Select>
        </Field>
        <Field label={t.unit}>
          <Select value={form.unitId} onChange={(_e, d) => setForm((f) => ({ ...f, unitId: d.value }))}>
            {plan.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </Select>
        </Field>
        <Field label={t.effect}>
          <Select value={form.effect} onChange={(_e, d) => setForm((f) => ({ ...f, effect: d.value as 'include' | 'exclude' }))}>
            <option value="include">{t.effects.include}</option>
            <option value="exclude">{t.effects.exclude}</option>
          </Select>
        </Field>
        <Field label={t.reason} required {...(reasonError ? { validationState: 'error' as const, validationMessage: reasonError } : {})}>
          <Input value={form.reason} onChange={(_e, d) => setForm((f) => ({ ...f, reason: d.value }))} />
        </Field>
        <Button appearance="primary" type="submit">{t.add}</Button>
      </form>
      <Notice notice={notice} />
      {!list ? <Spinner size="tiny" label={web.loading} /> : list.length === 0 ? <Body1>{t.none}</Body1> : (
        <Table className={styles.table} size="small" aria-labelledby="overrides-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.item}</TableHeaderCell>
              <TableHeaderCell>{t.unit}</TableHeaderCell>
              <TableHeaderCell>{t.effect}</TableHeaderCell>
              <TableHeaderCell>{t.reason}</TableHeaderCell>
              <TableHeaderCell>{web.clerk.actions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((o) => (
              <TableRow key={`${o.itemId}/${o.unitId}`}>
                <TableCell>{names.get(o.itemId) ?? o.itemId}</TableCell>
                <TableCell>{unitNames.get(o.unitId) ?? o.unitId}</TableCell>
                <TableCell>{t.effects[o.effect]}</TableCell>
                <TableCell>{o.reason}</TableCell>
                <TableCell><Button size="small" onClick={() => void act(async () => { await clearOverride(api, planId, o.itemId, o.unitId); }, t.removed)}>{t.remove}</Button></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
