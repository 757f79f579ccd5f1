// The clerk's pages: pick plan, unit and period; every period's reports with their state and
// deadline; for the chosen period, each appendix the unit reports: template download, upload with
// a preview first, the head's comment when returned, and the revision history.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Spinner, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText } from '../common/Notice';
import { PeriodSelect, PickerRow, PlanSelect, UnitSelect } from '../common/Pickers';
import { StateBadges } from '../common/StateBadges';
import { unitsOfRole } from '../common/roles';
import { usePlan } from '../common/usePlan';
import { vietnamToday } from '../../client/today';
import { listSubmissions, type Kind, type SubmissionSummary } from '../data/submissions';
import { ReportPanel } from './ReportPanel';
import { stateOf } from './report-state';

const t = web.clerk;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  panels: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(560px, 1fr))', gap: tokens.spacingHorizontalL },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  chosen: { backgroundColor: tokens.colorBrandBackground2 },
});

export function ClerkPage() {
  const styles = useStyles();
  const { user, api } = useSignedInUser();
  const plan = usePlan(api);
  const own = useMemo(() => unitsOfRole(user, 'reporter'), [user]);
  const units = useMemo(() => (plan.plan?.units ?? []).filter((u) => own === null || own.has(u.id)), [plan.plan, own]);
  const [unitId, setUnitId] = useState('');
  const unit = units.find((u) => u.id === unitId) ?? units[0];
  const [submissions, setSubmissions] = useState<SubmissionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    if (!unit || !plan.planId) return;
    listSubmissions(api, { planId: plan.planId, unitId: unit.id }).then(setSubmissions, (e) => setError(errorText(e)));
  }, [api, plan.planId, unit]);
  useEffect(reload, [reload]);

  if (plan.error || error) return <Notice notice={{ intent: 'error', text: plan.error ?? error ?? '' }} />;
  if (!plan.plans || !plan.plan) return <Spinner label={web.loading} />;
  if (units.length === 0) return <Body1>{t.notReporter}</Body1>;
  if (!unit) return null;

  const kinds: Kind[] = (['indicators', 'tasks'] as const).filter((k) => unit[k].length > 0);
  const today = vietnamToday();
  const find = (period: string, kind: Kind) => submissions?.find((s) => s.period === period && s.kind === kind);
  const period = plan.plan.periods.find((p) => p.id === plan.period);

  return (
    <div className={styles.column}>
      <Subtitle1 as="h2">{t.title}</Subtitle1>
      <Body1>{t.intro}</Body1>
      <PickerRow>
        {plan.plans.length > 1 && <PlanSelect plans={plan.plans} value={plan.planId} onChange={plan.setPlanId} />}
        <UnitSelect units={units} value={unit.id} onChange={setUnitId} />
        <PeriodSelect periods={plan.plan.periods} value={plan.period} onChange={plan.setPeriod} />
      </PickerRow>
      {kinds.length === 0 && <Body1>{t.nothingAssigned}</Body1>}
      {period && kinds.length > 0 && (
        <section className={styles.panels} aria-label={`${period.label} – ${unit.name}`}>
          {kinds.map((kind) => (
            <ReportPanel key={`${unit.id}/${period.id}/${kind}`} planId={plan.planId} unit={unit} period={period} kind={kind}
              catalogue={plan.plan!.catalogue} summary={find(period.id, kind)} onChanged={reload} />
          ))}
        </section>
      )}
      <section className={styles.column} aria-labelledby="clerk-periods">
        <Subtitle1 as="h3" id="clerk-periods">{t.periods}</Subtitle1>
        {!submissions ? <Spinner size="tiny" label={web.loading} /> : (
          <Table className={styles.table} aria-labelledby="clerk-periods" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{web.period}</TableHeaderCell>
                <TableHeaderCell>{t.deadlineHeader}</TableHeaderCell>
                {kinds.map((k) => <TableHeaderCell key={k}>{web.kinds[k]}</TableHeaderCell>)}
                <TableHeaderCell>{t.actions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.plan.periods.map((p) => (
                <TableRow key={p.id} className={p.id === plan.period ? styles.chosen : undefined} aria-current={p.id === plan.period ? 'true' : undefined}>
                  <TableCell>{p.label}</TableCell>
                  <TableCell>{web.date(p.deadline)}</TableCell>
                  {kinds.map((k) => {
                    const s = find(p.id, k);
                    return <TableCell key={k}><StateBadges state={stateOf(s, p.deadline, today)} />{s && <Text size={200}>{` ${web.revision(s.revision)}`}</Text>}</TableCell>;
                  })}
                  <TableCell>
                    <Button size="small" disabled={p.id === plan.period} onClick={() => plan.setPeriod(p.id)}>
                      {p.id === plan.period ? t.chosen : t.choose}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
