// "Tạo báo cáo tổng hợp" in Word (docs/province-report.md): Sở KH&CN's consolidator writes the
// province's report for a period into the document; the head of Sở KH&CN approves the revision the
// document shows. Shown to province-wide consolidators, administrators and approvers.
import { useEffect, useState } from 'react';
import { Body1, Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../../../client/api';
import { periods as listPeriods, plans as listPlans } from '../../../client/endpoints';
import { provinceReportText as t } from '../../../text/province-report';
import { approveProvinceReport, createProvinceReport, openProvinceReport, type ProvinceFlowDeps, type ProvinceReportRef } from './province-flow';

const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });
type Period = { id: string; label: string };

/** `mayCreate`: a province-wide consolidator (or administrator); otherwise the head opens the latest revision. */
export function ProvinceReportPanel({ api, write, mayCreate, mayApprove }: { api: ApiClient; write: ProvinceFlowDeps['write']; mayCreate: boolean; mayApprove: boolean }) {
  const styles = useStyles();
  const [planId, setPlanId] = useState<string | null>(null);
  const [periods, setPeriods] = useState<Period[]>([]);
  const [period, setPeriod] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<ProvinceReportRef | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const { plans } = await listPlans(api);
        const id = plans[0]?.planId ?? null;
        setPlanId(id);
        if (id) setPeriods((await listPeriods(api, id)).periods);
      } catch (e) {
        setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
      }
    })();
  }, [api]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ intent: 'success', text: await action() });
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const create = () => run(async () => {
    const ref = await createProvinceReport({ api, write }, planId!, period!);
    setShown(ref);
    return ref.created ? t.written(ref.revision) : t.unchanged(ref.revision);
  });
  const open = () => run(async () => {
    const ref = await openProvinceReport({ api, write }, planId!, period!);
    if (!ref) throw new Error(t.none);
    setShown(ref);
    return t.shown(ref.revision);
  });
  const approve = () => run(async () => {
    setShown(await approveProvinceReport(api, shown!));
    return t.approved;
  });

  return (
    <section className={styles.column} aria-labelledby="province-report-title">
      <Subtitle2 as="h3" id="province-report-title">{t.title}</Subtitle2>
      <Field label={t.period}>
        <Dropdown placeholder={t.choosePeriod} value={periods.find((p) => p.id === period)?.label ?? ''} onOptionSelect={(_e, d) => setPeriod(d.optionValue ?? null)}>
          {periods.map((p) => <Option key={p.id} value={p.id}>{p.label}</Option>)}
        </Dropdown>
      </Field>
      <Button appearance="primary" disabled={busy || !planId || !period} onClick={() => void (mayCreate ? create() : open())}>{mayCreate ? t.create : t.open}</Button>
      {busy && <Spinner size="tiny" label={t.creating} />}
      {shown && <Body1>{t.shown(shown.revision)}</Body1>}
      {shown && mayApprove && shown.status === 'draft' && <Button disabled={busy} onClick={() => void approve()}>{t.approve}</Button>}
      {notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
    </section>
  );
}
