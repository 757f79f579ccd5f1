// The signed-in web app: a header with the user and Đăng xuất, the pages the user's roles open
// (as tabs), and the chosen page, each role's page its own chunk fetched when first opened.
import { Suspense, lazy, useEffect, useState } from 'react';
import { Button, Caption1, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { signInText } from '../text/sign-in';
import { web } from '../text/web';
import { useSignedInUser } from '../ui/auth';
import { pagesFor, type PageId } from './common/roles';
import { Header, useFrameStyles } from './Frame';

const ClerkPage = lazy(() => import(/* webpackChunkName: "web-clerk" */ './clerk/ClerkPage').then((m) => ({ default: m.ClerkPage })));
const HeadPage = lazy(() => import(/* webpackChunkName: "web-head" */ './head/HeadPage').then((m) => ({ default: m.HeadPage })));
const ConsolidatorPage = lazy(() => import(/* webpackChunkName: "web-consolidator" */ './consolidator/ConsolidatorPage').then((m) => ({ default: m.ConsolidatorPage })));
const AdminPage = lazy(() => import(/* webpackChunkName: "web-admin" */ './admin/AdminPage').then((m) => ({ default: m.AdminPage })));

const pageFromHash = (): string => decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));

export function Home() {
  const styles = useFrameStyles();
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

