// Shown when the taskpane is not running inside Excel or Word: explains how to sideload
// manifest.xml instead of failing.
import { Body1, Body1Strong, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { OutsideReason } from '../../office/host';
import { strings } from '../../text/strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
  code: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    marginTop: tokens.spacingVerticalXS,
  },
});

export function OutsideView({ reason }: { reason: OutsideReason }) {
  const styles = useStyles();
  const s = strings.outside;
  return (
    <section className={styles.root}>
      <Subtitle2 as="h2">{s.title}</Subtitle2>
      <Body1>{s.intro}</Body1>

      <Body1Strong as="h3">{s.desktopTitle}</Body1Strong>
      <ol className={styles.steps}>
        <li>
          <Body1>{s.desktopStart}</Body1>
        </li>
        <li>
          <Body1>{s.desktopRun}</Body1>
          {s.desktopCommands.map((command) => (
            <code key={command} className={styles.code}>
              {command}
            </code>
          ))}
        </li>
        <li>
          <Body1>{s.desktopAfter}</Body1>
        </li>
      </ol>

      <Body1Strong as="h3">{s.webTitle}</Body1Strong>
      <ol className={styles.steps}>
        {s.webSteps.map((step) => (
          <li key={step}>
            <Body1>{step}</Body1>
          </li>
        ))}
      </ol>

      <Body1>{s.certNote}</Body1>
      <Caption1 data-reason={reason}>
        {s.reasonLabel} {s.reasons[reason]}
      </Caption1>
    </section>
  );
}
