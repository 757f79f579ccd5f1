// The revision history of one report: every revision sent (when, late or not) and every decision
// (approved, returned with the comment), oldest first.
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { web } from '../../text/web';
import type { SubmissionDetail } from '../data/submissions';

const t = web.clerk;
const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

type Entry = { at: string; text: string };

export function History({ detail }: { detail: SubmissionDetail | null }) {
  const styles = useStyles();
  const entries: Entry[] = detail
    ? [
        ...detail.revisions.map((r) => ({ at: r.submittedAt, text: `${web.revision(r.revision)}: ${t.sentAt(web.dateTime(r.submittedAt), r.late)}` })),
        ...detail.decisions.map((d) => ({
          at: d.decidedAt,
          text: `${web.revision(d.revision)}: ${t.decisions[d.action] ?? d.action} – ${web.dateTime(d.decidedAt)}${d.comment ? ` – “${d.comment}”` : ''}`,
        })),
      ].sort((a, b) => a.at.localeCompare(b.at))
    : [];
  return (
    <details>
      <summary><Subtitle2 as="span">{t.history}</Subtitle2></summary>
      {entries.length === 0 ? <Caption1>{t.historyEmpty}</Caption1> : (
        <ol className={styles.list}>{entries.map((e, n) => <li key={n}><Caption1>{e.text}</Caption1></li>)}</ol>
      )}
    </details>
  );
}
