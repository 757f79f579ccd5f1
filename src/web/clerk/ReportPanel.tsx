// One appendix of one unit and period for the clerk: state and deadline, the head's comment when
// returned, the template download, the upload (preview first, then send) and the revision history.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Body1, Button, Card, CardHeader, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue-types';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, failureNotice, type NoticeValue } from '../common/Notice';
import { useBusyAction } from '../../ui';
import { StateBadges } from '../common/StateBadges';
import { saveFile } from '../common/save-file';
import { vietnamToday } from '../../client/today';
import type { PeriodInfo, PlanUnit } from '../data/plans';
import {
  downloadTemplate, getSubmission, importTemplate, type ImportSummary, type Kind, type SubmissionDetail, type SubmissionSummary, type TemplateChoice,
} from '../data/submissions';
import { History } from './History';
import { UploadPreview } from './UploadPreview';
import { stateOf } from './report-state';

const t = web.clerk;
const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  file: { fontSize: tokens.fontSizeBase300 },
});

export interface ReportPanelProps {
  readonly planId: string;
  readonly unit: PlanUnit;
  readonly period: PeriodInfo;
  readonly kind: Kind;
  readonly catalogue: Catalogue;
  readonly summary: SubmissionSummary | undefined;
  readonly onChanged: () => void;
}

export function ReportPanel({ planId, unit, period, kind, catalogue, summary, onChanged }: ReportPanelProps) {
  const styles = useStyles();
  const { api, files } = useSignedInUser();
  const [detail, setDetail] = useState<SubmissionDetail | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [busy, run] = useBusyAction<string | null, NonNullable<NoticeValue>>(null, setNotice, failureNotice);
  const input = useRef<HTMLInputElement>(null);
  const choice: TemplateChoice = { planId, unitId: unit.id, period: period.id, kind };
  const id = `${kind}-${period.id}`;

  const loadDetail = useCallback(() => {
    if (!summary) return setDetail(null);
    getSubmission(api, summary.id).then(setDetail, (e) => setNotice({ intent: 'error', text: errorText(e) }));
  }, [api, summary]);
  useEffect(loadDetail, [loadDetail]);

  const act = run;
  const download = () => act(web.loading, async () => {
    const f = await downloadTemplate(files, choice);
    saveFile(f);
    setNotice({ intent: 'success', text: web.downloaded(f.filename) });
  });
  const check = () => file && act(t.checking, async () => setPreview(await importTemplate(files, choice, file, file.name, true)));
  const send = () => file && act(t.sending, async () => {
    const r = await importTemplate(files, choice, file, file.name, false);
    const revision = r.status === 'created' || r.status === 'replayed' ? r.submission.revision : 0;
    setNotice({ intent: 'success', text: r.status === 'replayed' ? t.replayed(revision) : t.sent(revision) });
    setPreview(null);
    setFile(null);
    if (input.current) input.current.value = '';
    onChanged();
  });

  const state = stateOf(summary, period.deadline, vietnamToday());
  const lastDecision = detail?.decisions.at(-1);
  const returned = summary?.status === 'returned' && lastDecision?.action === 'return' ? lastDecision : null;
  const approved = summary?.status === 'approved' && lastDecision?.action === 'approve' ? lastDecision : null;
  const locked = summary?.status === 'approved';

  return (
    <Card className={styles.card} role="region" aria-labelledby={`${id}-title`}>
      <CardHeader
        header={<Subtitle2 as="h3" id={`${id}-title`}>{web.kinds[kind]}</Subtitle2>}
        description={<Caption1>{`${t.assigned(unit[kind].length)} · ${web.deadline(period.deadline)} · ${web.window(period.start, period.end)}`}</Caption1>}
      />
      <div className={styles.row}>
        <StateBadges state={state} />
        {summary && <Caption1>{`${web.revision(summary.revision)} · ${web.dateTime(summary.submittedAt)}`}</Caption1>}
      </div>
      {returned && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.returnedAt(web.dateTime(returned.decidedAt))}</MessageBarTitle>
            {returned.comment}
          </MessageBarBody>
        </MessageBar>
      )}
      {approved && <Body1>{t.approvedAt(web.dateTime(approved.decidedAt))}</Body1>}
      <Notice notice={notice} />
      {busy && <Spinner size="tiny" label={busy} />}
      <div className={styles.row}>
        <Button onClick={() => void download()} disabled={busy !== null}>{t.download}</Button>
      </div>
      {locked ? <Body1>{t.locked}</Body1> : (
        <div className={styles.row}>
          <Field label={t.chooseFile} hint={t.fileHint}>
            {(props) => (
              <input {...props} ref={input} className={styles.file} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} />
            )}
          </Field>
          <Button appearance="primary" disabled={!file || busy !== null} onClick={() => void check()}>{t.check}</Button>
        </div>
      )}
      {preview && (
        <UploadPreview preview={preview} catalogue={catalogue} busy={busy !== null}
          onSend={() => void send()} onCancel={() => setPreview(null)} />
      )}
      <History detail={detail} />
    </Card>
  );
}
