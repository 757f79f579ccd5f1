// Reopening an approved report: the approved reports of a period, a reason (audited; the unit reads
// it), and the reopen bound to the revision's content hash.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Field, Input, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, failureNotice, type NoticeValue } from '../common/Notice';
import { useBusyAction } from '../../ui';
import { PeriodSelect } from '../common/Pickers';
import type { PlanDetail } from '../data/plans';
import { listSubmissions, type SubmissionSummary } from '../data/submissions';
import { reopenSubmission } from '../data/admin';

const t = web.admin.reopen;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

export function ReopenPanel({ planId, plan, period, setPeriod }: { planId: string; plan: PlanDetail; period: string; setPeriod: (p: string) => void }) {
  const styles = useStyles();
  const { api } = useSignedInUser();
  const [list, setList] = useState<SubmissionSummary[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<NoticeValue>(null);
  const names = useMemo(() => new Map(plan.units.map((u) => [u.id, u.name])), [plan.units]);
  const reload = useCallback(() => {
    setList(null);
    listSubmissions(api, { planId, period }).then((all) => setList(all.filter((s) => s.status === 'approved')), (e) => setNotice({ intent: 'error', text: errorText(e) }));
  }, [api, planId, period]);
  useEffect(reload, [reload]);
  const [busy, run] = useBusyAction(false, setNotice, failureNotice);
  const reopen = (s: SubmissionSummary) => run(true, async () => {
    await reopenSubmission(api, s.id, (reasons[s.id] ?? '').trim(), s.contentHash);
    setNotice({ intent: 'success', text: t.done });
    reload();
  });
  return (
    <section className={styles.column} aria-labelledby="reopen-title">
      <Subtitle2 as="h3" id="reopen-title">{t.title}</Subtitle2>
      <Body1>{t.intro}</Body1>
      <PeriodSelect periods={plan.periods} value={period} onChange={setPeriod} />
      <Notice notice={notice} />
      {!list ? <Spinner size="tiny" label={web.loading} /> : list.length === 0 ? <Body1>{t.none}</Body1> : (
        <Table className={styles.table} size="small" aria-labelledby="reopen-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{web.unit}</TableHeaderCell>
              <TableHeaderCell>{web.kind}</TableHeaderCell>
              <TableHeaderCell>{t.reason}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{`${names.get(s.unitId) ?? s.unitId} · ${web.revision(s.revision)}`}</TableCell>
                <TableCell>{web.kinds[s.kind]}</TableCell>
                <TableCell>
                  <div className={styles.row}>
                    <Field label={t.reason}><Input value={reasons[s.id] ?? ''} onChange={(_e, d) => setReasons((r) => ({ ...r, [s.id]: d.value }))} /></Field>
                    <Button disabled={busy || (reasons[s.id] ?? '').trim() === ''} onClick={() => void reopen(s)}>{t.submit}</Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
