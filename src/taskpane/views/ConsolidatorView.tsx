// The consolidator's view (Excel: Sở KH&CN for everything, a monitoring agency for its tasks), kept
// behind the Shell's lazy "consolidator" chunk, behind the one sign-in every view shares.
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { signInText } from '../../text/sign-in';
import { officeEntraRoute } from './entra-route';
import { strings } from '../../text/strings';
import { SignInGate } from '../../ui/auth';
import { ConsolidatorPanel } from './consolidator/ConsolidatorPanel';

const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function ConsolidatorView() {
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <Subtitle2 as="h2">{strings.consolidator.title}</Subtitle2>
      <SignInGate intro={signInText.intro.consolidator} entraRoute={officeEntraRoute()}>
        <ConsolidatorPanel />
      </SignInGate>
    </div>
  );
}
