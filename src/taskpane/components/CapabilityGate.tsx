// The capability check at start (src/office/capabilities.ts): an Office that cannot run the host's
// work gets the explanation and the web app's address instead of the view; notes (no print setup,
// sign-in in a dialog) are shown above it.
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { capabilitiesOf } from '../../office/capabilities';

export function CapabilityGate({ host, children }: { host: 'excel' | 'word'; children: ReactNode }) {
  const c = capabilitiesOf(host, { microsoftSignIn: false });
  if (!c.canRun) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{c.blocking}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      {c.notes.map((note) => (
        <MessageBar key={note} intent="info" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      {children}
    </>
  );
}
