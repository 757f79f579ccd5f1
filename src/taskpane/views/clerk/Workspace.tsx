// Unit and period, Chèn Phụ lục 01 / 02 (asking before an existing sheet is replaced), and the
// workbook's report sheets – found through their mapping sheets, so a reopened workbook offers its
// actions again. One Excel action at a time; its progress and any cell-edit wait are shown here.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Field, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportKind } from '../../../core/template';
import { coordinatorOf } from '../../../core/units';
import type { ApiClient } from '../../../client/api';
import type { Outbox, Sender } from '../../../client/outbox';
import type { SessionUser } from '../../../client/session';
import type { ReportSheetInfo, WaitingState } from '../../../office/excel';
import { planText } from '../../../text/plans';
import { strings } from '../../../text/strings';
import { NoticeBar, Progress } from '../../../ui';
import { insertReport, type ClerkDeps, type ClerkExcel } from './clerk-actions';
import { afterOutboxChange, insertNotice, unexpectedNotice, type Notice } from './clerk-notices';
import { defaultPeriod, loadPlanContext, reportingUnits, vietnamToday, type PlanContext } from './clerk-setup';
import { ReportSheet } from './ReportSheet';

const s = strings.clerkFlow;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  pre: { whiteSpace: 'pre-line' },
});

export interface WorkspaceProps {
  readonly user: SessionUser;
  readonly api: ApiClient;
  readonly excel: ClerkExcel;
  readonly outbox: Outbox;
  readonly sender: Sender;
}

/** Runs one action at a time with a progress label; an exception becomes a notice, never a blank pane. */
export function useBusy(setNotice: (n: Notice | null) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setNotice(unexpectedNotice(e));
    } finally {
      setBusy(null);
    }
  }, [setNotice]);
  return { busy, run };
}

export function Workspace({ user, api, excel, outbox, sender }: WorkspaceProps) {
  const styles = useStyles();
  const [plan, setPlan] = useState<PlanContext | null>(null);
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [unitId, setUnitId] = useState('');
  const [period, setPeriod] = useState('');
  const [sheets, setSheets] = useState<ReportSheetInfo[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [waiting, setWaiting] = useState<WaitingState | null>(null);
  const [confirm, setConfirm] = useState<{ kind: ReportKind; message: string } | null>(null);
  const { busy, run } = useBusy(setNotice);
  // Where the focus returns once the "replace the sheet?" question is answered (its buttons go away).
  const insertButtons = useRef<Record<ReportKind, HTMLButtonElement | null>>({ indicators: null, tasks: null });

  const load = useCallback(() => {
    setLoadError(null);
    loadPlanContext(api, vietnamToday(), planId).then((p) => {
      setPlan(p);
      setUnitId((u) => u || (reportingUnits(user, p.units)[0]?.id ?? ''));
      // A period of another plan is no choice in this one.
      setPeriod((x) => (p.periods.some((q) => q.id === x) ? x : (defaultPeriod(p.periods, vietnamToday()) ?? '')));
    }, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [api, user, planId]);
  useEffect(load, [load]);

  const findSheets = useCallback(async () => {
    const r = await excel.withCellEditRetry(() => excel.findReportSheets(), { onWaiting: setWaiting });
    if (r.ok) setSheets(r.value);
    else setNotice({ intent: 'error', text: r.error.message });
  }, [excel]);
  useEffect(() => void findSheets(), [findSheets]);
  // A "waiting in the outbox" notice follows the outbox: replaced once the report is sent or refused.
  useEffect(() => outbox.subscribe(() => setNotice((n) => afterOutboxChange(n, outbox.entries()))), [outbox]);

  if (loadError) {
    return (
      <NoticeBar intent="error" text={loadError} actions={<Button size="small" onClick={load}>{s.retry}</Button>} />
    );
  }
  if (!plan) return <Progress label={s.loadingPlan} />;
  const units = reportingUnits(user, plan.units);
  if (units.length === 0) return <Body1>{s.notReporter}</Body1>;
  const unit = units.find((u) => u.id === unitId) ?? units[0];
  const chosenPeriod = plan.periods.find((p) => p.id === period);
  const deps: ClerkDeps = { excel, plan, onWaiting: setWaiting };

  const answer = (kind: ReportKind) => {
    insertButtons.current[kind]?.focus();
    setConfirm(null);
  };
  const insert = (kind: ReportKind, overwrite: boolean) => run(s.inserting, async () => {
    if (overwrite) answer(kind);
    const outcome = await insertReport(deps, kind, unit, period, overwrite);
    if (outcome.kind === 'exists') setConfirm({ kind, message: outcome.message });
    else setNotice(insertNotice(outcome));
    if (outcome.kind === 'inserted') await findSheets();
  });

  return (
    <div className={styles.column}>
      {plan.plans.length > 1 && (
        <Field label={planText.plan}>
          <Select value={plan.catalogue.planId} onChange={(_e, d) => setPlanId(d.value)} disabled={busy !== null}>
            {plan.plans.map((p) => <option key={p.planId} value={p.planId}>{p.label}</option>)}
          </Select>
        </Field>
      )}
      <Field label={s.unit}>
        <Select value={unit.id} onChange={(_e, d) => setUnitId(d.value)} disabled={busy !== null}>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </Select>
      </Field>
      <Field label={s.period} hint={chosenPeriod ? s.deadline(chosenPeriod.deadline.split('-').reverse().join('/')) : undefined}>
        <Select value={period} onChange={(_e, d) => setPeriod(d.value)} disabled={busy !== null}>
          {plan.periods.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </Select>
      </Field>
      <div className={styles.row}>
        {(['indicators', 'tasks'] as const).map((kind) => (
          <Button
            key={kind} ref={(el: HTMLButtonElement | null) => { insertButtons.current[kind] = el; }} appearance="primary"
            disabled={!period} disabledFocusable={busy !== null} onClick={() => void insert(kind, false)}
          >
            {kind === 'indicators' ? s.insert01 : s.insert02}
          </Button>
        ))}
      </div>
      {confirm && (
        <NoticeBar
          intent="warning" title={s.overwriteTitle} text={confirm.message} className={styles.pre}
          actions={<>
            <Button size="small" onClick={() => void insert(confirm.kind, true)}>{s.overwrite}</Button>
            <Button size="small" onClick={() => answer(confirm.kind)}>{s.cancel}</Button>
          </>}
        />
      )}
      {busy && <Progress label={busy} />}
      {waiting && <NoticeBar intent="warning" text={waiting.message} />}
      {notice && <NoticeBar intent={notice.intent} text={notice.text} className={styles.pre} />}
      <section className={styles.column} aria-label={s.sheetsTitle}>
        <div className={styles.row}>
          <Subtitle2 as="h3">{s.sheetsTitle}</Subtitle2>
          <Button size="small" appearance="subtle" disabledFocusable={busy !== null} onClick={() => void findSheets()}>{s.refreshSheets}</Button>
        </div>
        {sheets === null && <Caption1>{s.findingSheets}</Caption1>}
        {sheets?.length === 0 && <Body1>{s.noSheets}</Body1>}
        {sheets?.map((info) => (
          <ReportSheet
            key={info.sheetName} info={info} deps={deps} api={api} outbox={outbox} sender={sender}
            mayReport={units.some((u) => u.id === info.unitId)} busy={busy} run={run} setNotice={setNotice}
            coordinator={info.planId === plan.catalogue.planId ? (coordinatorOf(plan.catalogue)?.name ?? null) : null}
          />
        ))}
      </section>
    </div>
  );
}
