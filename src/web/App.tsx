// The web app's frame: the sign-in page (the one sign-in every view shares), then a header with the
// user and Đăng xuất, the pages the user's roles open, and the chosen page loaded on demand.
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { Button, Caption1, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { signInText } from '../text/sign-in';
import { web } from '../text/web';
import { SignInGate, useSignedInUser } from '../ui/auth';
import { pagesFor, type PageId } from './common/roles';

const ClerkPage = lazy(() => import(/* webpackChunkName: "web-clerk" */ './clerk/ClerkPage').then((m) => ({ default: m.ClerkPage })));
const HeadPage = lazy(() => import(/* webpackChunkName: "web-head" */ './head/HeadPage').then((m) => ({ default: m.HeadPage })));
const ConsolidatorPage = lazy(() => import(/* webpackChunkName: "web-consolidator" */ './consolidator/ConsolidatorPage').then((m) => ({ default: m.ConsolidatorPage })));
const AdminPage = lazy(() => import(/* webpackChunkName: "web-admin" */ './admin/AdminPage').then((m) => ({ default: m.AdminPage })));

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  user: { color: tokens.colorNeutralForegroundOnBrand },
  signOut: { color: tokens.colorNeutralForegroundOnBrand },
  nav: { padding: `0 ${tokens.spacingHorizontalXXL}`, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { flexGrow: 1, padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1600px', width: '100%', boxSizing: 'border-box' },
  card: {
    width: '420px', maxWidth: 'calc(100vw - 32px)', margin: `${tokens.spacingVerticalXXXL} auto`, padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusXLarge, boxShadow: tokens.shadow8,
  },
  skip: {
    position: 'absolute', left: '-10000px', top: 'auto',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  },
});

function Header({ children }: { children?: ReactNode }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{web.appTitle}</h1>
      {children}
    </header>
  );
}

/** The sign-in and password-change pages: the form on a card under the header. */
function SignInFrame({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Header />
      <main className={styles.card}>{children}</main>
    </div>
  );
}

const signInFrame = (form: ReactNode) => <SignInFrame>{form}</SignInFrame>;

const pageFromHash = (): string => decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));

function Home() {
  const styles = useStyles();
  const { user, signOut } = useSignedInUser();
  const pages = pagesFor(user);
  const [hash, setHash] = useState(pageFromHash);
  useEffect(() => {
    const on = () => setHash(pageFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const page: PageId | undefined = pages.find((p) => p === hash) ?? pages[0];
  useEffect(() => {
    document.title = page ? `${web.pages[page]} – ${web.appTitle}` : web.appTitle;
  }, [page]);
  return (
    <div className={styles.page}>
      <a className={styles.skip} href="#noi-dung" onClick={(e) => { e.preventDefault(); document.getElementById('noi-dung')?.focus(); }}>{web.skipToContent}</a>
      <Header>
        <Caption1 className={styles.user}>{`${signInText.signedInAs} ${user.displayName} (${user.username})`}</Caption1>
        <Button appearance="transparent" className={styles.signOut} onClick={signOut}>{signInText.signOut}</Button>
      </Header>
      {pages.length > 1 && (
        <nav className={styles.nav} aria-label={web.nav}>
          <TabList selectedValue={page} onTabSelect={(_e, d) => { window.location.hash = `#${String(d.value)}`; }}>
            {pages.map((p) => <Tab key={p} value={p}>{web.pages[p]}</Tab>)}
          </TabList>
        </nav>
      )}
      <main id="noi-dung" tabIndex={-1} className={styles.main}>
        {!page ? <Text>{web.noRole}</Text> : (
          <Suspense fallback={<Spinner label={web.loading} />}>
            {page === 'clerk' && <ClerkPage />}
            {page === 'head' && <HeadPage />}
            {page === 'consolidator' && <ConsolidatorPage />}
            {page === 'admin' && <AdminPage />}
          </Suspense>
        )}
      </main>
    </div>
  );
}

export function App() {
  return (
    <SignInGate intro={signInText.intro.web} headingLevel="h2" userLine={false} frame={signInFrame}>
      <Home />
    </SignInGate>
  );
}
