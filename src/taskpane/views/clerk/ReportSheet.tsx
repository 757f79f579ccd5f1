// One report sheet of the workbook: Kiểm tra (issues listed errors first; a click selects the cell),
// Gửi báo cáo (blocked while errors remain), and the report's status on the server – submitted,
// approved, or returned with the head's comment – refreshed after sending, when the outbox delivers,
// and every minute while the taskpane is open.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Body1, Button, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { parsePeriod, periodLabel } from '../../../core/periods';
import type { SheetIssue } from '../../../core/template';
import type { ApiClient } from '../../../client/api';
import type { Outbox, Sender } from '../../../client/outbox';
import type { ReportSheetInfo } from '../../../office/excel';
import { a11y } from '../../../text/a11y';
import { strings } from '../../../text/strings';
import { useFocusRequest } from '../../../ui';
import { checkReport, fetchStatus, showCell, submitReport, type ClerkDeps, type ReportStatus } from './clerk-actions';
import { checkNotice, issueLine, submitNotice, type Notice } from './clerk-notices';

const s = strings.clerkFlow;
const periodName = (id: string): string => {
  const p = parsePeriod(id);
  return p.ok ? periodLabel(p.value) : id;
};
const STATUS_REFRESH_MS = 60_000;
const BADGE = { none: 'informative', submitted: 'brand', approved: 'success', returned: 'danger' } as const;
const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  pre: { whiteSpace: 'pre-line' },
});

export interface ReportSheetProps {
  readonly info: ReportSheetInfo;
  readonly deps: ClerkDeps;
  readonly api: ApiClient;
  readonly outbox: Outbox;
  readonly sender: Sender;
  /** False when the signed-in user may not report for the sheet's unit. */
  readonly mayReport: boolean;
  readonly busy: string | null;
  readonly run: (label: string, action: () => Promise<void>) => Promise<void>;
  readonly setNotice: (notice: Notice | null) => void;
  /** The plan's consolidating body, who may send an approved report back; null when not known. */
  readonly coordinator: string | null;
}

export function ReportSheet({ info, deps, api, outbox, sender, mayReport, busy, run, setNotice, coordinator }: ReportSheetProps) {
  const styles = useStyles();
  const [issues, setIssues] = useState<readonly SheetIssue[] | null>(null);
  const [status, setStatus] = useState<ReportStatus | null>(null);
  // After Kiểm tra (or a blocked Gửi) the focus goes to the first issue, errors being listed first.
  const [firstIssue, focusFirstIssue] = useFocusRequest();
  const found = (list: readonly SheetIssue[]) => {
    setIssues(list);
    if (list.length > 0) focusFirstIssue();
  };
  const key = { planId: info.planId, unitId: info.unitId, period: info.period, kind: info.kind };
  const keyText = JSON.stringify(key);

  const refresh = useCallback(() => {
    if (!mayReport) return;
    fetchStatus(api, JSON.parse(keyText)).then(setStatus, () => undefined); // offline: keep the last known status
  }, [api, keyText, mayReport]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, STATUS_REFRESH_MS);
    const unsubscribe = outbox.subscribe(refresh); // the outbox delivered (or refused) something
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [refresh, outbox]);

  const check = () => run(s.checking, async () => {
    const outcome = await checkReport(deps, info.sheetName);
    setNotice(checkNotice(outcome));
    if (outcome.kind === 'checked') found(outcome.result.issues);
  });
  const submit = () => run(s.submitting, async () => {
    const outcome = await submitReport({ ...deps, outbox, sender, newId: () => crypto.randomUUID() }, info.sheetName);
    setNotice(submitNotice(outcome, info.sheetName));
    if (outcome.kind !== 'failed') {
      if (outcome.kind === 'blocked') found(outcome.result.issues);
      else setIssues(outcome.result.issues);
    }
    refresh();
  });
  // Not through run(): showing a cell must not clear the check's summary.
  const select = async (issue: SheetIssue) => {
    if (!issue.address) return;
    const error = await showCell(deps, info.sheetName, issue.address);
    if (error) setNotice({ intent: 'error', text: error });
  };

  const state = status?.state ?? 'none';
  return (
    <article className={styles.card} aria-label={info.sheetName}>
      <div className={styles.row}>
        <Body1><strong>{info.sheetName}</strong></Body1>
        <Badge appearance="tint" color={BADGE[state]}>{s.status[state]}</Badge>
        {status && status.state !== 'none' && <Caption1>{s.revision(status.revision)}</Caption1>}
        {status && status.state !== 'none' && status.late && <Badge color="warning">{s.late}</Badge>}
      </div>
      <Caption1>{`${s.kinds[info.kind]} · ${info.unitName} · ${periodName(info.period)}`}</Caption1>
      {status?.state === 'returned' && (
        <Body1 className={styles.pre}>{`${status.returnedBy === 'province' ? s.provinceComment(coordinator) : s.returnedComment} ${status.comment ?? ''}\n${s.returnedHint}`}</Body1>
      )}
      {!mayReport && <Caption1>{s.otherUnit}</Caption1>}
      <div className={styles.row}>
        <Button size="small" aria-label={a11y.sheetAction(s.check, info.sheetName)} disabledFocusable={busy !== null} onClick={() => void check()}>{s.check}</Button>
        <Button
          size="small" appearance="primary" aria-label={a11y.sheetAction(s.submit, info.sheetName)}
          disabled={!mayReport || status?.state === 'approved'} disabledFocusable={busy !== null} onClick={() => void submit()}
        >
          {s.submit}
        </Button>
        {mayReport && <Button size="small" appearance="subtle" aria-label={a11y.sheetAction(s.refreshStatus, info.sheetName)} onClick={refresh}>{s.refreshStatus}</Button>}
      </div>
      {issues && issues.length > 0 && (
        <ol className={styles.issues} aria-label={s.checkSummary(issues.filter((i) => i.severity === 'error').length, issues.filter((i) => i.severity === 'warning').length)}>
          {issues.map((issue, i) => (
            <li key={i} className={issue.severity === 'error' ? styles.error : undefined} ref={i === 0 && !issue.address ? firstIssue : undefined} tabIndex={i === 0 && !issue.address ? -1 : undefined}>
              {issue.address
                ? <Link as="button" ref={i === 0 ? firstIssue : undefined} onClick={() => void select(issue)}>{issueLine(issue)}</Link>
                : issueLine(issue)}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
