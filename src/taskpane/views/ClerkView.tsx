// The clerk's view (Excel, one unit's reporting officer): a preview until its features arrive (later issues of the project).
import { FeaturePreview } from '../components/FeaturePreview';
import { strings } from '../strings';

export function ClerkView() {
  const s = strings.clerk;
  return <FeaturePreview title={s.title} description={s.description} coming={s.coming} />;
}
