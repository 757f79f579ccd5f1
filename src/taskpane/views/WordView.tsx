// The head's view in Word: sign in (the shared gate, Microsoft sign-in included), see the unit's submissions waiting for sign-off
// by period, write one as the official report, then approve exactly the revision the document
// shows or return it with a comment. Word is reached only through the WordReportHost seam.
import { useCallback, useEffect, useState } from 'react';
import {
  Badge, Body1, Button, Caption1, Field, MessageBar, MessageBarBody, Spinner, Subtitle2, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { parsePeriod, periodLabel } from '../../core/periods';
import type { ReportBinding } from '../../core/report';
import type { ApiClient } from '../../client/api';
import { wordReportHost, type WordReportHost } from '../../office/word';
import { signInText } from '../../text/sign-in';
import { strings } from '../../text/strings';
import { SignInGate, useSignedInUser } from '../../ui/auth';
import { approveShownReport, generateReport, pendingByPeriod, returnShownReport, type DecisionOutcome, type PendingSubmission } from './word-flow';

const s = strings.word;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string; offerRevision?: { submissionId: string; revision: number } };

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
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
  if (error) return <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!groups) return <Spinner size="tiny" />;
  return (
    <section className={styles.column}>
      <div className={styles.row}>
        <Subtitle2 as="h3">{s.pendingTitle}</Subtitle2>
        <Button size="small" onClick={load}>{s.refresh}</Button>
      </div>
      {groups.length === 0 && <Body1>{s.nothingPending}</Body1>}
      {groups.map(([period, items]) => (
        <div key={period} className={styles.column}>
          <Body1><strong>{periodName(period)}</strong></Body1>
          {items.map((item) => (
            <div key={item.id} className={styles.item}>
              <div className={styles.row}>
                <Body1>{s.kinds[item.kind]}</Body1>
                {item.late && <Badge color="warning">{s.late}</Badge>}
              </div>
              <Caption1>{`${item.unitId} · ${s.revision} ${item.revision} · ${new Date(item.submittedAt).toLocaleString('vi-VN')}`}</Caption1>
              <div><Button appearance="primary" size="small" disabled={busy} onClick={() => onGenerate(item)}>{s.generate}</Button></div>
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
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [comment, setComment] = useState('');
  const deps = { api, word };

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const generate = (submissionId: string, revision?: number) => act(async () => setShown(await generateReport(deps, submissionId, revision)));
  const decide = (run: () => Promise<DecisionOutcome>) => act(async () => {
    const outcome = await run();
    setNotice(noticeOf(outcome));
    if (outcome.kind === 'approved' || outcome.kind === 'returned') {
      setShown(null);
      setComment('');
    }
  });

  return (
    <div className={styles.column}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.text}
            {notice.offerRevision && (
              <div><Button size="small" onClick={() => void generate(notice.offerRevision!.submissionId, notice.offerRevision!.revision)}>{s.regenerate(notice.offerRevision.revision)}</Button></div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={s.generating} />}
      {shown && (
        <section className={styles.column}>
          <Body1>{`${s.shown} ${shown.revision} (${s.kinds[shown.kind]}, ${periodName(shown.period)}).`}</Body1>
          <Button appearance="primary" disabled={busy} onClick={() => void decide(() => approveShownReport(deps, who))}>{s.approve}</Button>
          <Field label={s.comment}><Textarea value={comment} onChange={(_e, d) => setComment(d.value)} /></Field>
          <Button disabled={busy || comment.trim() === ''} onClick={() => void decide(() => returnShownReport(deps, comment))}>{s.giveBack}</Button>
        </section>
      )}
      <Pending api={api} busy={busy} onGenerate={(item) => void generate(item.id)} />
    </div>
  );
}

function HeadWork({ word }: { word: WordReportHost }) {
  const { user, api } = useSignedInUser();
  const approves = user.roles.some((r) => r.role === 'approver' || r.role === 'admin');
  return approves ? <Approver who={`${user.displayName} (${user.username})`} api={api} word={word} /> : <Body1>{s.notApprover}</Body1>;
}

/** `word` is the Word seam; tests and previews pass another. */
export function WordView({ word = wordReportHost }: { word?: WordReportHost }) {
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <Subtitle2 as="h2">{strings.head.title}</Subtitle2>
      <SignInGate intro={signInText.intro.head}>
        <HeadWork word={word} />
      </SignInGate>
    </div>
  );
}
