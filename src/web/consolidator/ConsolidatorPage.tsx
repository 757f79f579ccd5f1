// The consolidator's dashboard per plan, period and kind: who has reported and who is late, the
// province figure of each indicator (or the progress of each task) by group, with drill-down to
// the units' values and a chart per group; .xlsx and .csv downloads. A monitoring agency's
// consolidator gets only the tasks it monitors (the server filters; the page offers tasks only).
import { useEffect, useMemo, useState } from 'react';
import { Body1, Button, Field, Select, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { ConsolidationData } from '../../core/consolidation-sheet';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, failureNotice, type NoticeValue } from '../common/Notice';
import { useBusyAction } from '../../ui';
import { PeriodSelect, PickerRow, PlanSelect } from '../common/Pickers';
import { usePlan } from '../common/usePlan';
import { saveFile } from '../common/save-file';
import { downloadConsolidation, getConsolidation, type ConsolidationChoice } from '../data/consolidation';
import { Completeness } from './Completeness';
import { IndicatorGroups, TaskGroups } from './Groups';

const t = web.consolidator;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});
type Kind = ConsolidationData['kind'];

export function ConsolidatorPage() {
  const styles = useStyles();
  const { user, api, files } = useSignedInUser();
  const plan = usePlan(api);
  const provinceWide = user.roles.some((r) => r.role === 'admin' || (r.role === 'consolidator' && r.unitId === null));
  const monitors = user.roles.some((r) => r.role === 'consolidator' && r.unitId !== null);
  const kinds: Kind[] = provinceWide ? ['indicators', 'tasks'] : monitors ? ['tasks'] : [];
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'tasks');
  const [data, setData] = useState<ConsolidationData | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [busy, run] = useBusyAction(false, setNotice, failureNotice);
  const choice: ConsolidationChoice | null = plan.planId && plan.period ? { planId: plan.planId, period: plan.period, kind } : null;
  const allowed = kinds.length > 0;

  useEffect(() => {
    if (!plan.planId || !plan.period || !allowed) return undefined;
    const choice = { planId: plan.planId, period: plan.period, kind };
    let live = true;
    setData(null);
    setNotice(null);
    getConsolidation(api, choice).then((d) => live && setData(d), (e) => live && setNotice({ intent: 'error', text: errorText(e) }));
    return () => {
      live = false;
    };
  }, [api, plan.planId, plan.period, kind, allowed]);

  const download = (format: 'xlsx' | 'csv') => choice && run(true, async () => {
    const f = await downloadConsolidation(files, choice, format);
    saveFile(f);
    setNotice({ intent: 'success', text: web.downloaded(f.filename) });
  });
  const groups = useMemo(() => (plan.plan ? (kind === 'indicators' ? plan.plan.catalogue.indicatorGroups : plan.plan.catalogue.taskGroups) : []), [plan.plan, kind]);

  if (kinds.length === 0) return <Body1>{t.notConsolidator}</Body1>;
  if (plan.error) return <Notice notice={{ intent: 'error', text: plan.error }} />;
  if (!plan.plans || !plan.plan) return <Spinner label={web.loading} />;
  return (
    <div className={styles.column}>
      <Subtitle1 as="h2">{t.title}</Subtitle1>
      <Body1>{provinceWide ? t.intro : `${t.intro} ${t.monitorOnly}`}</Body1>
      <PickerRow>
        {plan.plans.length > 1 && <PlanSelect plans={plan.plans} value={plan.planId} onChange={plan.setPlanId} />}
        <PeriodSelect periods={plan.plan.periods} value={plan.period} onChange={plan.setPeriod} />
        {kinds.length > 1 && (
          <Field label={web.kind}>
            <Select value={kind} onChange={(_e, d) => setKind(d.value as Kind)}>
              {kinds.map((k) => <option key={k} value={k}>{web.kinds[k]}</option>)}
            </Select>
          </Field>
        )}
        <div className={styles.row}>
          <Button disabled={busy || !data} onClick={() => void download('xlsx')}>{t.downloadXlsx}</Button>
          <Button disabled={busy || !data} onClick={() => void download('csv')}>{t.downloadCsv}</Button>
        </div>
      </PickerRow>
      <Notice notice={notice} />
      {!data ? (!notice && <Spinner label={web.loading} />) : (
        <>
          <Completeness data={data} />
          {data.kind === 'indicators' ? <IndicatorGroups lines={data.indicators} groups={groups} /> : <TaskGroups lines={data.tasks} groups={groups} />}
        </>
      )}
    </div>
  );
}
