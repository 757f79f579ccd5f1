// The consolidator's view (Excel: Sở KH&CN for everything, a monitoring agency for its tasks), kept
// behind the Shell's lazy "consolidator" chunk. Sign-in is the clerk view's component (same accounts).
import { useCallback, useState } from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { loadSession, saveSession, type Session } from '../../client/session';
import { a11y } from '../../text/a11y';
import { strings } from '../../text/strings';
import { useFocusRequest } from '../../ui';
import { SignIn } from './clerk/SignIn';
import { ConsolidatorPanel } from './consolidator/ConsolidatorPanel';

const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function ConsolidatorView() {
  const styles = useStyles();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [panelRef, focusPanel] = useFocusRequest();
  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  return (
    <div className={styles.column}>
      <Subtitle2 as="h2">{strings.consolidator.title}</Subtitle2>
      {session
        ? <section ref={panelRef} tabIndex={-1} aria-label={a11y.workspace(strings.consolidator.title, session.user.displayName)}><ConsolidatorPanel session={session} onSignOut={signOut} /></section>
        : <SignIn onSignedIn={(next) => { setSession(next); focusPanel(); }} />}
    </div>
  );
}
