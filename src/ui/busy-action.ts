// The pattern behind every action button of the taskpane and the web app: one action at a time, the
// button busy while it runs (true, or the label of what is running), the previous message cleared
// first, and a failure shown as a message – never an unhandled rejection.
import { useCallback, useState } from 'react';

/**
 * `[busy, run]`: `run(label, action)` sets `busy` to `label` while `action` runs and back to `idle`
 * after; before it, `setNotice(null)`; if it throws, `setNotice(failure(error))`.
 * @example const [busy, run] = useBusyAction(false, setNotice, (e) => ({ intent: 'error', text: errorText(e) }));
 *          <Button disabled={busy} onClick={() => void run(true, save)}>
 */
export function useBusyAction<B, N>(idle: B, setNotice: (notice: N | null) => void, failure: (error: unknown) => N) {
  const [busy, setBusy] = useState<B>(idle);
  const run = useCallback(async (label: B, action: () => Promise<void>): Promise<void> => {
    setBusy(label);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setNotice(failure(e));
    } finally {
      setBusy(idle);
    }
  }, [idle, setNotice, failure]);
  return [busy, run] as const;
}
