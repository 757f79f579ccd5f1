// The web app's frame, shared by the sign-in page and the signed-in pages: styles and the header.
import { type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { web } from '../text/web';

export const useFrameStyles = makeStyles({
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

export function Header({ children }: { children?: ReactNode }) {
  const styles = useFrameStyles();
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{web.appTitle}</h1>
      {children}
    </header>
  );
}

