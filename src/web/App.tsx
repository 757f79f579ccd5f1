// The web app: the sign-in page (the one sign-in every view shares) on the first load; everything
// after sign-in (the header with the user, the role pages) is fetched once signed in.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { signInText } from '../text/sign-in';
import { web } from '../text/web';
import { SignInGate } from '../ui/auth';
import { Header, useFrameStyles } from './Frame';

const Home = lazy(() => import(/* webpackChunkName: "web-home" */ './Home').then((m) => ({ default: m.Home })));

/** The sign-in and password-change pages: the form on a card under the header. */
function SignInFrame({ children }: { children: ReactNode }) {
  const styles = useFrameStyles();
  return (
    <div className={styles.page}>
      <Header />
      <main className={styles.card}>{children}</main>
    </div>
  );
}

const signInFrame = (form: ReactNode) => <SignInFrame>{form}</SignInFrame>;

export function App() {
  return (
    <SignInGate intro={signInText.intro.web} headingLevel="h2" userLine={false} frame={signInFrame}>
      <Suspense fallback={<Spinner label={web.loading} />}>
        <Home />
      </Suspense>
    </SignInGate>
  );
}
