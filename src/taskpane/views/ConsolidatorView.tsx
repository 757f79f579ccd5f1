// The consolidator's view (Excel, Sở KH&CN): a preview until its features arrive (later issues of the project).
import { FeaturePreview } from '../components/FeaturePreview';
import { strings } from '../strings';

export function ConsolidatorView() {
  const s = strings.consolidator;
  return <FeaturePreview title={s.title} description={s.description} coming={s.coming} />;
}
