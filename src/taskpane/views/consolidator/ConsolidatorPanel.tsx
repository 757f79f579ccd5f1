// The consolidator's panel once signed in: plan, period and appendix; "Tổng hợp" writes the sheet,
// "Làm mới" redraws the last one in place; under it, the province accepts or sends back the units'
// approved reports, and the sheet is redrawn with their new state. The logic lives in
// consolidator-flow.ts and acceptance-flow.ts.
import { useEffect, useState } from 'react';
import { Body1, Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useSignedInUser } from '../../../ui/auth';
import { excelConsolidation } from '../../../office/excel/consolidation-index';
import { strings } from '../../../text/strings';
import { NoticeBar, Progress } from '../../../ui';
import { defaultPeriod, vietnamToday } from '../clerk/clerk-setup';
import { acceptReport, acceptanceRows, mayActAsProvince, sendBackReport, type AcceptanceRow, type ActOutcome } from './acceptance-flow';
import { AcceptancePanel } from './AcceptancePanel';
import { consolidate, initialChoice, loadPlans, mayConsolidate, type Choice, type Kind, type PlanOption } from './consolidator-flow';

const s = strings.consolidatorFlow;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // A native select is as wide as its longest option; the plan's full title must not widen the pane.
  select: { maxWidth: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
});

type Notice = { intent: 'success' | 'error' | 'warning'; text: string } | null;

export function ConsolidatorPanel() {
  const styles = useStyles();
  const { user, api } = useSignedInUser();
  const [plans, setPlans] = useState<PlanOption[] | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [last, setLast] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [rows, setRows] = useState<AcceptanceRow[] | null>(null);
  const allowed = mayConsolidate(user.roles);

  useEffect(() => {
    if (!allowed) return;
    loadPlans(api).then((list) => {
      setPlans(list);
      setChoice(initialChoice(list, vietnamToday()));
    }, (e: unknown) => setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) }));
  }, [api, allowed]);

  const plan = plans?.find((p) => p.planId === choice?.planId);
  const mayActOn = (c: Choice) => mayActAsProvince(user.roles, c.kind);
  /** Writes (or redraws) the sheet and reloads the acceptance list; `after` replaces the success message. */
  const run = async (target: Choice, after?: string) => {
    const targetPlan = plans?.find((p) => p.planId === target.planId);
    if (!targetPlan) return;
    setBusy(true);
    setNotice(null);
    const r = await consolidate({ api, excel: excelConsolidation, onWaiting: (w) => setNotice(w ? { intent: 'warning', text: w.message } : null) }, target, { groups: targetPlan.groups[target.kind], document: targetPlan.document });
    if (!r.ok) {
      setBusy(false);
      return setNotice({ intent: 'error', text: after ? `${after} ${r.message}` : r.message });
    }
    setLast(target);
    const listed = await acceptanceRows(api, user.roles, target, r.unitStates).catch(() => null);
    setRows(listed);
    setBusy(false);
    setNotice({ intent: 'success', text: after ?? (r.refreshed ? s.refreshed(r.sheetName) : s.done(r.sheetName, r.units, r.missing)) });
  };
  /** Accept or send back, then redraw the sheet so its "Tiếp nhận của tỉnh" column says so. */
  const act = async (action: () => Promise<ActOutcome>): Promise<ActOutcome> => {
    setBusy(true);
    setNotice(null);
    const r = await action();
    setBusy(false);
    if (!r.ok) {
      if (r.field !== 'reason') setNotice({ intent: 'error', text: r.message });
      return r;
    }
    if (last) await run(last, r.message);
    return r;
  };

  return (
    <section className={styles.column}>
      {!allowed && <NoticeBar intent="warning" text={s.notConsolidator} />}
      {allowed && !plans && !notice && <Progress label={s.loading} />}
      {plans && choice && (
        <>
          <Body1>{s.explain}</Body1>
          <Field label={s.plan}>
            <Select className={styles.select} value={choice.planId} onChange={(_e, d) => {
              const p = plans.find((x) => x.planId === d.value);
              setChoice({ ...choice, planId: d.value, period: p ? (defaultPeriod(p.periods, vietnamToday()) ?? p.periods[0]?.id ?? '') : '' });
            }}>
              {plans.map((p) => <option key={p.planId} value={p.planId}>{p.title}</option>)}
            </Select>
          </Field>
          <Field label={s.period}>
            <Select value={choice.period} onChange={(_e, d) => setChoice({ ...choice, period: d.value })}>
              {plan?.periods.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </Select>
          </Field>
          <Field label={s.kind}>
            <Select value={choice.kind} onChange={(_e, d) => setChoice({ ...choice, kind: d.value as Kind })}>
              <option value="indicators">{s.kinds.indicators}</option>
              <option value="tasks">{s.kinds.tasks}</option>
            </Select>
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" disabled={!choice.period} disabledFocusable={busy} onClick={() => void run(choice)}>{s.consolidate}</Button>
            <Button disabled={!last} disabledFocusable={busy} onClick={() => last && void run(last)}>{s.refresh}</Button>
          </div>
        </>
      )}
      {busy && <Progress label={s.working} />}
      {notice && <NoticeBar intent={notice.intent} text={notice.text} />}
      {last && rows && mayActOn(last) && (
        <AcceptancePanel
          rows={rows} busy={busy}
          onAccept={(row) => act(() => acceptReport(api, row))}
          onSendBack={(row, reason) => act(() => sendBackReport(api, row, reason))}
        />
      )}
    </section>
  );
}
