// The outbox as the clerk sees it: what waits to be sent (and why), what the server refused.
import { useSyncExternalStore } from 'react';
import { Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Outbox, Sender } from '../../../client/outbox';
import { strings } from '../../../text/strings';
import { NoticeBar } from '../../../ui';

const s = strings.clerkFlow;
const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function OutboxPanel({ outbox, sender }: { outbox: Outbox; sender: Sender | null }) {
  const styles = useStyles();
  // Snapshot as text: entries() parses storage afresh, so an object would never compare equal.
  const snapshot = useSyncExternalStore((l) => outbox.subscribe(l), () => JSON.stringify(outbox.entries()));
  const entries = outbox.entries();
  if (snapshot === '[]' || entries.length === 0) return null;
  return (
    <section className={styles.column} aria-label={s.outboxTitle}>
      <Subtitle2 as="h3">{s.outboxTitle}</Subtitle2>
      {entries.map((e) => (
        // Announced when an entry starts waiting or is refused, not at every retry (the count is not in the text).
        <NoticeBar key={e.request.clientSubmissionId} intent={e.state === 'waiting' ? 'warning' : 'error'} title={e.label} text={e.state === 'waiting' ? s.outboxWaitingShort : s.outboxRefused}>
          {e.state === 'waiting' && <Caption1 block>{s.outboxAttempts(e.attempts)}</Caption1>}
          {e.error && <Caption1 block style={{ whiteSpace: 'pre-line' }}>{e.error}</Caption1>}
          {e.state === 'waiting' && sender && (
            <Button size="small" onClick={() => void outbox.send(e.request.clientSubmissionId, sender)}>{s.sendNow}</Button>
          )}
          {e.state === 'refused' && <Button size="small" onClick={() => outbox.remove(e.request.clientSubmissionId)}>{s.dismiss}</Button>}
        </NoticeBar>
      ))}
    </section>
  );
}
