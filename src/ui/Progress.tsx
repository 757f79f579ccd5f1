// A named spinner whose label is also announced (politely) when the work starts, so a screen-reader
// user who pressed a button hears that it is running – the button keeps the focus meanwhile.
import { useEffect } from 'react';
import { Spinner, useAnnounce } from '@fluentui/react-components';

export function Progress({ label }: { readonly label: string }) {
  const { announce } = useAnnounce();
  useEffect(() => announce(label, { polite: true }), [announce, label]);
  return <Spinner size="tiny" label={label} />;
}
