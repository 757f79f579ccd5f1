// The head's view in Word (docs/domain.md §5): sign in (the shared gate, Microsoft sign-in included), see the unit's submissions waiting for sign-off
// by period, write one as the official report, then approve exactly the revision the document
// shows or return it with a comment. Word is reached only through the WordReportHost seam.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Body1, Button, Caption1, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { parsePeriod, periodLabel } from '../../core/periods';
import type { ReportBinding } from '../../core/report';
import type { ApiClient } from '../../client/api';
import { wordReportHost, writeProvinceReport, type WordReportHost } from '../../office/word';
import { a11y } from '../../text/a11y';
import { ProvinceReportPanel } from './province/ProvinceReportPanel';
import { signInText } from '../../text/sign-in';
import { strings } from '../../text/strings';
import { NoticeBar, Progress, useBusyAction, useFocusRequest } from '../../ui';
import { SignInGate, useSignedInUser } from '../../ui/auth';
import { officeEntraRoute } from './entra-route';
import { approveShownReport, generateReport, pendingByPeriod, returnShownReport, type DecisionOutcome, type PendingSubmission } from './word-flow';

const s = strings.word;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string; offerRevision?: { submissionId: string; revision: number } };

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const failureNotice = (e: unknown): Notice => ({ intent: 'error', text: errorText(e) });
const periodName = (id: string): string => {
  const p = parsePeriod(id);
  return p.ok ? periodLabel(p.value) : id;
};

function Pending({ api, busy, onGenerate }: { api: ApiClient; busy: boolean; onGenerate: (item: PendingSubmission) => void }) {
  const styles = useStyles();
  const [groups, setGroups] = useState<[string, PendingSubmission[]][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    pendingByPeriod(api).then(setGroups, (e) => setError(errorText(e)));
  }, [api]);
  useEffect(load, [load, busy]);
  if (error) return <NoticeBar intent="error" text={error} actions={<Button size="small" onClick={load}>{s.refresh}</Button>} />;
  if (!groups) return <Progress label={s.loadingPending} />;
  return (
    <section className={styles.column}>
      <div className={styles.row}>
        <Subtitle2 as="h3">{s.pendingTitle}</Subtitle2>
        <Button size="small" onClick={load}>{s.refresh}</Button>
      </div>
      {groups.length === 0 && <Body1>{s.nothingPending}</Body1>}
      {groups.map(([period, items]) => (
        <div key={period} className={styles.column}>
          <Subtitle2 as="h4">{periodName(period)}</Subtitle2>
          {items.map((item) => (
            <div key={item.id} className={styles.item}>
              <div className={styles.row}>
                <Body1>{s.kinds[item.kind]}</Body1>
                {item.late && <Badge color="warning">{s.late}</Badge>}
              </div>
              <Caption1>{`${item.unitId} · ${s.revision} ${item.revision} · ${new Date(item.submittedAt).toLocaleString('vi-VN')}`}</Caption1>
              <div>
                <Button
                  appearance="primary" size="small" disabledFocusable={busy} onClick={() => onGenerate(item)}
                  aria-label={a11y.generateFor(s.generate, s.kinds[item.kind], item.unitId, periodName(period), item.revision)}
                >
                  {s.generate}
                </Button>
              </div>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function noticeOf(outcome: DecisionOutcome): Notice {
  switch (outcome.kind) {
    case 'approved':
      return { intent: 'success', text: s.approved };
    case 'returned':
      return { intent: 'success', text: s.returned };
    case 'changed':
      return { intent: 'warning', text: outcome.message, offerRevision: { submissionId: outcome.submissionId, revision: outcome.latestRevision } };
    case 'refused':
      return { intent: 'error', text: outcome.message };
    case 'noReport':
      return { intent: 'info', text: s.noReport };
    case 'commentRequired':
      return { intent: 'warning', text: s.commentRequired };
  }
}

function Approver({ who, api, word }: { who: string; api: ApiClient; word: WordReportHost }) {
  const styles = useStyles();
  const [shown, setShown] = useState<ReportBinding | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, run] = useBusyAction(false, setNotice, failureNotice);
  const [comment, setComment] = useState('');
  // Once the report is written, the focus goes to its approval section.
  const [shownRef, focusShown] = useFocusRequest();
  const [commentRef, focusComment] = useFocusRequest();
  const [commentMissing, setCommentMissing] = useState(false);
  // Approving or returning closes the report's section: the focus goes to the outcome instead.
  const [noticeRef, focusNotice] = useFocusRequest();
  const deps = { api, word };

  const act = (action: () => Promise<void>) => run(true, action);
  const generate = (submissionId: string, revision?: number) => act(async () => {
    setShown(await generateReport(deps, submissionId, revision));
    focusShown();
  });
  const decide = (run: () => Promise<DecisionOutcome>) => act(async () => {
    const outcome = await run();
    // A missing comment is the field's error (read out by its alert), and the focus goes there.
    setCommentMissing(outcome.kind === 'commentRequired');
    if (outcome.kind === 'commentRequired') return focusComment();
    setNotice(noticeOf(outcome));
    if (outcome.kind === 'approved' || outcome.kind === 'returned') {
      setShown(null);
      setComment('');
      focusNotice();
    }
  });

  return (
    <div className={styles.column}>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && (
          <NoticeBar intent={notice.intent} text={notice.text}>
            {notice.offerRevision && (
              <div><Button size="small" onClick={() => void generate(notice.offerRevision!.submissionId, notice.offerRevision!.revision)}>{s.regenerate(notice.offerRevision.revision)}</Button></div>
            )}
          </NoticeBar>
        )}
      </div>
      {busy && <Progress label={s.generating} />}
      {shown && (
        <section ref={shownRef} tabIndex={-1} className={styles.column} aria-label={a11y.openReport}>
          <Body1>{`${s.shown} ${shown.revision} (${s.kinds[shown.kind]}, ${periodName(shown.period)}).`}</Body1>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void decide(() => approveShownReport(deps, who))}>{s.approve}</Button>
          {/* Required to return only: marked required, and the return button says so when it is empty. */}
          <Field label={s.comment} required validationState={commentMissing ? 'error' : 'none'} validationMessage={commentMissing ? s.commentRequired : undefined}>
            <Textarea ref={commentRef} value={comment} onChange={(_e, d) => { setComment(d.value); setCommentMissing(false); }} />
          </Field>
          <Button disabledFocusable={busy} onClick={() => void decide(() => returnShownReport(deps, comment))}>{s.giveBack}</Button>
        </section>
      )}
      <Pending api={api} busy={busy} onGenerate={(item) => void generate(item.id)} />
    </div>
  );
}

/** The signed-in part: Sở KH&CN's consolidated report for those who write or approve it, the unit's reports for heads. */
function HeadWork({ word, writeProvince }: { word: WordReportHost; writeProvince: typeof writeProvinceReport }) {
  const { user, api } = useSignedInUser();
  const approves = user.roles.some((r) => r.role === 'approver' || r.role === 'admin');
  // Sở KH&CN's consolidated report: written by province-wide consolidators, approved by its head.
  const consolidates = user.roles.some((r) => (r.role === 'consolidator' || r.role === 'admin') && r.unitId === null);
  // The server decides whether an approver is Sở KH&CN's head; another unit's head is told so when trying.
  const seesProvince = consolidates || approves;
  return (
    <>
      {seesProvince && <ProvinceReportPanel api={api} write={writeProvince} mayCreate={consolidates} mayApprove={approves} />}
      {approves ? <Approver who={`${user.displayName} (${user.username})`} api={api} word={word} /> : !consolidates && <Body1>{s.notApprover}</Body1>}
    </>
  );
}

/** `word` is the Word seam; tests and previews pass another. */
export function WordView({ word = wordReportHost, writeProvince = writeProvinceReport }: { word?: WordReportHost; writeProvince?: typeof writeProvinceReport }) {
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <Subtitle2 as="h2">{strings.head.title}</Subtitle2>
      <SignInGate intro={signInText.intro.head} entraRoute={officeEntraRoute()}>
        <HeadWork word={word} writeProvince={writeProvince} />
      </SignInGate>
    </div>
  );
}
