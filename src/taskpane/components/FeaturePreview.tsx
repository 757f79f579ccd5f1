// The common frame of a view whose features are still being built: title, who it is for,
// an honest "under construction" badge and the list of what is coming.
import { Badge, Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../text/strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
});

export interface FeaturePreviewProps {
  title: string;
  description: string;
  coming: readonly string[];
}

export function FeaturePreview({ title, description, coming }: FeaturePreviewProps) {
  const styles = useStyles();
  return (
    <section className={styles.root}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <div>
        <Badge appearance="tint" color="warning">
          {strings.underConstruction}
        </Badge>
      </div>
      <Body1>{description}</Body1>
      <Body1 as="p">{strings.comingLabel}</Body1>
      <ul className={styles.list}>
        {coming.map((item) => (
          <li key={item}>
            <Body1>{item}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}
