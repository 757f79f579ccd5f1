// The clerk's view in Excel (docs/domain.md §5): sign in, pick a unit and a period, insert the report
// sheets, check and submit them. This component owns the session and the outbox; the work is in
// Workspace, the logic in clerk-*.ts. The outbox is kept per Office partition (src/office/storage).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../../../client/api';
import { submit } from '../../../client/endpoints';
import { Outbox, outboxKey, startRetryLoop, type Sender } from '../../../client/outbox';
import { loadSession, saveSession, sessionClient, type Session } from '../../../client/session';
import { excelReports } from '../../../office/excel';
import { partitionKey } from '../../../office/storage';
import { a11y } from '../../../text/a11y';
import { strings } from '../../../text/strings';
import { useFocusRequest } from '../../../ui';
import type { ClerkExcel } from './clerk-actions';
import { OutboxPanel } from './OutboxPanel';
import { SignIn } from './SignIn';
import { Workspace } from './Workspace';

const s = strings.clerkFlow;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** localStorage, or a memory stand-in where the browser refuses it (the outbox then lives as long as the taskpane). */
function localStore(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    if (globalThis.localStorage) return globalThis.localStorage;
  } catch {
    /* storage blocked by the browser's settings */
  }
  const memory = new Map<string, string>();
  return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
}

export function ClerkApp({ excel = excelReports }: { excel?: ClerkExcel }) {
  const styles = useStyles();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  // After sign-in the focus moves to the workspace, so a screen reader continues where the work is.
  const [workspaceRef, focusWorkspace] = useFocusRequest();
  const signedIn = useCallback((next: Session) => {
    setSession(next);
    focusWorkspace();
  }, [focusWorkspace]);
  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  const api = useMemo<ApiClient | null>(() => (session ? sessionClient(session, signOut) : null), [session, signOut]);
  // Each user's reports wait in their own outbox; signed out, none is shown or sent.
  const username = session?.user.username ?? null;
  const outbox = useMemo(() => (username ? new Outbox({ storage: localStore(), key: outboxKey(partitionKey(), username) }) : null), [username]);
  const sender = useMemo<Sender | null>(() => (api ? (request) => submit(api, request) : null), [api]);
  const senderRef = useRef(sender);
  senderRef.current = sender;
  // One loop per signed-in user's outbox, for as long as they stay signed in.
  useEffect(() => (outbox ? startRetryLoop(outbox, () => senderRef.current, { events: window }) : undefined), [outbox]);

  return (
    <div className={styles.column}>
      <Subtitle2 as="h2">{strings.clerk.title}</Subtitle2>
      {!session || !api || !sender || !outbox ? (
        <SignIn onSignedIn={signedIn} />
      ) : (
        <section ref={workspaceRef} tabIndex={-1} className={styles.column} aria-label={a11y.workspace(strings.clerk.title, session.user.displayName)}>
          <div className={styles.row}>
            <Caption1>{`${s.signedInAs} ${session.user.displayName}`}</Caption1>
            <Button size="small" appearance="subtle" onClick={signOut}>{s.signOut}</Button>
          </div>
          <Workspace user={session.user} api={api} excel={excel} outbox={outbox} sender={sender} />
        </section>
      )}
      {outbox && <OutboxPanel outbox={outbox} sender={sender} />}
    </div>
  );
}
