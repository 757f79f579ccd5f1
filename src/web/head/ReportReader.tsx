// One report for the head: the official report as HTML (the model the .docx is made from), its
// evaluation counts, the .docx, and the decision. Approve sends the content hash of the revision
// on screen: if the clerk has sent another since, the server refuses and the head reads the new one.
import { useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Caption1, Field, Spinner, Subtitle1, Textarea, makeStyles, tokens, useAnnounce,
} from '@fluentui/react-components';
import type { Catalogue, Unit } from '../../core/catalogue-types';
import { parsePeriod, periodLabel, vietnamDate } from '../../core/periods';
import { buildReportModel, indicatorSummary, reportSubmissionFrom, taskSummary, type SubmissionDetail as CoreDetail } from '../../core/report';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, failureNotice, type NoticeValue } from '../common/Notice';
import { useBusyAction } from '../../ui';
import { saveFile } from '../common/save-file';
import { approveSubmission, downloadReportDocx, getSubmission, returnSubmission, type SubmissionDetail, type SubmissionSummary } from '../data/submissions';
import { ReportHtml } from './ReportHtml';

const t = web.head;
const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 340px', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, position: 'sticky', top: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow4 },
  hash: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  scroll: { overflowX: 'auto' },
});

export function ReportReader({ summary, catalogue, unit, onBack, onDecided }: {
  summary: SubmissionSummary; catalogue: Catalogue; unit: Unit | undefined; onBack: () => void; onDecided: (text: string) => void;
}) {
  const styles = useStyles();
  const { api, files } = useSignedInUser();
  const { announce } = useAnnounce();
  const [detail, setDetail] = useState<SubmissionDetail | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [busy, run] = useBusyAction(false, setNotice, failureNotice);
  useEffect(() => {
    getSubmission(api, summary.id).then(setDetail, (e) => setNotice({ intent: 'error', text: errorText(e) }));
  }, [api, summary.id]);

  const source = useMemo(() => (detail ? reportSubmissionFrom(detail as unknown as CoreDetail) : null), [detail]);
  const model = useMemo(() => (source && unit ? buildReportModel(catalogue, source, unit, { date: vietnamDate(new Date()) }) : null), [source, unit, catalogue]);

  const act = (action: () => Promise<void>) => run(true, action);
  const giveBack = () => {
    if (comment.trim() === '') {
      setCommentError(t.commentMissing);
      announce(t.commentMissing, { alert: true, polite: false });
      return;
    }
    setCommentError(null);
    void act(async () => {
      await returnSubmission(api, summary.id, source!.contentHash, comment.trim());
      onDecided(t.returned);
    });
  };

  if (!detail || !source) return notice ? <Notice notice={notice} /> : <Spinner label={web.loading} />;
  const period = parsePeriod(detail.period);
  const title = t.reading(unit?.name ?? summary.unitId, period.ok ? periodLabel(period.value) : detail.period, source.revision);
  const pending = detail.status === 'submitted';
  return (
    <div className={styles.column}>
      <div><Button onClick={onBack}>{t.back}</Button></div>
      <Subtitle1 as="h2">{`${web.kinds[detail.kind]} – ${title}`}</Subtitle1>
      <div className={styles.layout}>
        <div className={styles.scroll}>{model && <ReportHtml model={model} label={t.reportRegion} />}</div>
        <aside className={styles.side} aria-label={t.title}>
          {model?.summary.indicators && <Body1>{indicatorSummary(model.summary.indicators)}</Body1>}
          {model?.summary.tasks && <Body1>{taskSummary(model.summary.tasks, model.extract ? 'extract' : 'report')}</Body1>}
          <Caption1>{t.hash}</Caption1>
          <Caption1 className={styles.hash} data-testid="content-hash">{source.contentHash}</Caption1>
          <Notice notice={notice} />
          {busy && <Spinner size="tiny" label={web.loading} />}
          <Button disabled={busy} onClick={() => void act(async () => { const f = await downloadReportDocx(files, summary.id, source.revision); saveFile(f); setNotice({ intent: 'success', text: web.downloaded(f.filename) }); })}>{t.docx}</Button>
          {pending && (
            <>
              <Button appearance="primary" disabled={busy} onClick={() => void act(async () => { await approveSubmission(api, summary.id, source.contentHash); onDecided(t.approved); })}>{t.approve}</Button>
              <Field label={t.comment} hint={t.commentHint} {...(commentError ? { validationState: 'error' as const, validationMessage: commentError } : {})}>
                <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} resize="vertical" />
              </Field>
              <Button disabled={busy} onClick={giveBack}>{t.giveBack}</Button>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
