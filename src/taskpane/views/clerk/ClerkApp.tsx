// The clerk's view in Excel (docs/domain.md §5): sign in (the shared gate), pick a unit and a period, insert the report
// sheets, check and submit them. This component owns the session and the outbox; the work is in
// Workspace, the logic in clerk-*.ts. The outbox is kept per Office partition (src/office/storage).
import { useEffect, useMemo, useRef } from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { submit } from '../../../client/endpoints';
import { Outbox, outboxKey, startRetryLoop, type Sender } from '../../../client/outbox';
import { excelReports } from '../../../office/excel';
import { partitionKey } from '../../../office/storage';
import { signInText } from '../../../text/sign-in';
import { officeEntraRoute } from '../entra-route';
import { strings } from '../../../text/strings';
import { SignInGate, useSignedInUser } from '../../../ui/auth';
import type { ClerkExcel } from './clerk-actions';
import { OutboxPanel } from './OutboxPanel';
import { Workspace } from './Workspace';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
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

/** The signed-in clerk's work: each user's reports wait in their own outbox, sent by one retry loop. */
function ClerkWork({ excel }: { excel: ClerkExcel }) {
  const { user, api } = useSignedInUser();
  const outbox = useMemo(() => new Outbox({ storage: localStore(), key: outboxKey(partitionKey(), user.username) }), [user.username]);
  const sender = useMemo<Sender>(() => (request) => submit(api, request), [api]);
  const senderRef = useRef<Sender | null>(sender);
  senderRef.current = sender;
  // One loop per signed-in user's outbox, for as long as they stay signed in.
  useEffect(() => startRetryLoop(outbox, () => senderRef.current, { events: window }), [outbox]);
  return (
    <>
      <Workspace user={user} api={api} excel={excel} outbox={outbox} sender={sender} />
      <OutboxPanel outbox={outbox} sender={sender} />
    </>
  );
}

export function ClerkApp({ excel = excelReports }: { excel?: ClerkExcel }) {
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <Subtitle2 as="h2">{strings.clerk.title}</Subtitle2>
      <SignInGate intro={signInText.intro.clerk} entraRoute={officeEntraRoute()}>
        <ClerkWork excel={excel} />
      </SignInGate>
    </div>
  );
}
