// The head of unit's pages: the reports waiting for them; one report as the official report (HTML
// from the .docx's own model) with its evaluations; the .docx; approve – bound to the content hash
// shown on screen – or return with a comment.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Spinner, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { periodLabel, parsePeriod } from '../../core/periods';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, type NoticeValue } from '../common/Notice';
import { PickerRow, PlanSelect } from '../common/Pickers';
import { StateBadges } from '../common/StateBadges';
import { unitsOfRole } from '../common/roles';
import { usePlan } from '../common/usePlan';
import { listSubmissions, type SubmissionSummary } from '../data/submissions';
import { ReportReader } from './ReportReader';

const t = web.head;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

export const periodName = (id: string): string => {
  const p = parsePeriod(id);
  return p.ok ? periodLabel(p.value) : id;
};

export function HeadPage() {
  const styles = useStyles();
  const { user, api } = useSignedInUser();
  const plan = usePlan(api);
  const own = useMemo(() => unitsOfRole(user, 'approver'), [user]);
  const [list, setList] = useState<SubmissionSummary[] | null>(null);
  const [open, setOpen] = useState<SubmissionSummary | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);

  const reload = useCallback(() => {
    if (!plan.planId) return;
    listSubmissions(api, { planId: plan.planId }).then(
      (all) => setList(all.filter((s) => own === null || own.has(s.unitId))),
      (e) => setNotice({ intent: 'error', text: errorText(e) }),
    );
  }, [api, plan.planId, own]);
  useEffect(reload, [reload]);
  const names = useMemo(() => new Map((plan.plan?.units ?? []).map((u) => [u.id, u.name])), [plan.plan]);

  if (plan.error) return <Notice notice={{ intent: 'error', text: plan.error }} />;
  if (own !== null && own.size === 0) return <Body1>{t.notApprover}</Body1>;
  if (!plan.plans || !plan.plan || !list) return <Spinner label={web.loading} />;

  if (open) {
    const unit = plan.plan.units.find((u) => u.id === open.unitId);
    return (
      <ReportReader summary={open} catalogue={plan.plan.catalogue} unit={unit} onBack={() => setOpen(null)}
        onDecided={(text) => { setOpen(null); setNotice({ intent: 'success', text }); reload(); }} />
    );
  }
  const waiting = list.filter((s) => s.status === 'submitted');
  const others = list.filter((s) => s.status !== 'submitted');
  const table = (rows: SubmissionSummary[], label: string, id: string) => (
    <Table className={styles.table} aria-labelledby={id} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{web.unit}</TableHeaderCell>
          <TableHeaderCell>{web.period}</TableHeaderCell>
          <TableHeaderCell>{web.kind}</TableHeaderCell>
          <TableHeaderCell>{web.reportState}</TableHeaderCell>
          <TableHeaderCell>{web.clerk.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((s) => (
          <TableRow key={s.id}>
            <TableCell>{names.get(s.unitId) ?? s.unitId}</TableCell>
            <TableCell>{periodName(s.period)}</TableCell>
            <TableCell>{web.kinds[s.kind]}</TableCell>
            <TableCell><StateBadges state={{ state: s.status, late: s.late, overdue: false }} />{` ${web.revision(s.revision)} · ${web.dateTime(s.submittedAt)}`}</TableCell>
            <TableCell><Button size="small" appearance={label === t.waiting ? 'primary' : 'secondary'} onClick={() => setOpen(s)}>{t.open}</Button></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return (
    <div className={styles.column}>
      <Subtitle1 as="h2">{t.title}</Subtitle1>
      <Body1>{t.intro}</Body1>
      <Notice notice={notice} />
      {plan.plans.length > 1 && <PickerRow><PlanSelect plans={plan.plans} value={plan.planId} onChange={plan.setPlanId} /></PickerRow>}
      <section className={styles.column} aria-labelledby="head-waiting">
        <Subtitle1 as="h3" id="head-waiting">{t.waiting}</Subtitle1>
        {waiting.length === 0 ? <Body1>{t.nothing}</Body1> : table(waiting, t.waiting, 'head-waiting')}
      </section>
      {others.length > 0 && (
        <section className={styles.column} aria-labelledby="head-others">
          <Subtitle1 as="h3" id="head-others">{t.others}</Subtitle1>
          {table(others, t.others, 'head-others')}
        </section>
      )}
    </div>
  );
}
