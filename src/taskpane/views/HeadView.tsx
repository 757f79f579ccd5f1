// The head's view (Word, the head of a unit who signs reports off): a preview until its features arrive (later issues of the project).
import { FeaturePreview } from '../components/FeaturePreview';
import { strings } from '../strings';

export function HeadView() {
  const s = strings.head;
  return <FeaturePreview title={s.title} description={s.description} coming={s.coming} />;
}
