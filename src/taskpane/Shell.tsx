// One dispatch on the host: Excel → the clerk's and the consolidator's views, Word → the head's
// view, anywhere else → how to sideload. Each view is its own chunk, fetched when first shown.
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { Caption1, Spinner, Subtitle1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { Detected } from '../office/host';
import { CapabilityGate } from './components/CapabilityGate';
import { strings } from '../text/strings';

const ClerkView = lazy(() => import(/* webpackChunkName: "clerk" */ './views/ClerkView').then((m) => ({ default: m.ClerkView })));
const ConsolidatorView = lazy(() =>
  import(/* webpackChunkName: "consolidator" */ './views/ConsolidatorView').then((m) => ({ default: m.ConsolidatorView })),
);
const HeadView = lazy(() => import(/* webpackChunkName: "head" */ './views/HeadView').then((m) => ({ default: m.HeadView })));
const OutsideView = lazy(() => import(/* webpackChunkName: "outside" */ './views/OutsideView').then((m) => ({ default: m.OutsideView })));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

type ExcelRole = 'clerk' | 'consolidator';

function ExcelViews() {
  const [role, setRole] = useState<ExcelRole>('clerk');
  return (
    <>
      <TabList
        aria-label={strings.roles.label}
        selectedValue={role}
        onTabSelect={(_event, data) => setRole(data.value as ExcelRole)}
      >
        <Tab value="clerk">{strings.roles.clerk}</Tab>
        <Tab value="consolidator">{strings.roles.consolidator}</Tab>
      </TabList>
      {role === 'clerk' ? <ClerkView /> : <ConsolidatorView />}
    </>
  );
}

function viewFor(detected: Detected): ReactNode {
  switch (detected.host) {
    case 'excel':
      return <CapabilityGate host="excel"><ExcelViews /></CapabilityGate>;
    case 'word':
      return <CapabilityGate host="word"><HeadView /></CapabilityGate>;
    case 'outside':
      return <OutsideView reason={detected.reason} />;
    default: {
      const unreachable: never = detected;
      return unreachable;
    }
  }
}

/** `detected` is undefined while Office is still starting. */
export function Shell({ detected }: { detected: Detected | undefined }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{strings.appTitle}</Subtitle1>
        <Caption1>{strings.planName}</Caption1>
      </header>
      {detected === undefined ? (
        <Spinner label={strings.connecting} />
      ) : (
        <Suspense fallback={<Spinner label={strings.loadingView} />}>{viewFor(detected)}</Suspense>
      )}
    </main>
  );
}
