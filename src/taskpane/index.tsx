// The taskpane's entry: render at once (a spinner while Office starts), then the host's view.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { detectHost, type Detected } from '../office/host';
import { Shell } from './Shell';

const root = createRoot(document.getElementById('root') as HTMLElement);

function render(detected: Detected | undefined) {
  root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        {/* Every Notice and Progress below announces through this one live region (or ariaNotify). */}
        <AriaLiveAnnouncer>
          <Shell detected={detected} />
        </AriaLiveAnnouncer>
      </FluentProvider>
    </StrictMode>,
  );
}

render(undefined);
void detectHost().then(render);
