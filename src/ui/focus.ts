// Moving focus to the result of an action (WCAG 2.4.3). The element often appears only after one or
// more re-renders (a view that loads its data first), so the request waits until it is in the page.
import { useCallback, useRef } from 'react';

/**
 * `request()` moves the focus to the element given to `ref` (a callback ref, so any element type
 * fits): at once if it is in the page, else as soon as it appears.
 * @example const [ref, focusResult] = useFocusRequest(); … focusResult(); … <h3 ref={ref} tabIndex={-1}>
 */
export function useFocusRequest(): [(element: HTMLElement | null) => void, () => void] {
  const element = useRef<HTMLElement | null>(null);
  const pending = useRef(false);
  const ref = useCallback((el: HTMLElement | null) => {
    element.current = el;
    if (el && pending.current) {
      pending.current = false;
      el.focus();
    }
  }, []);
  const request = useCallback(() => {
    // Deferred to after the render that the caller's state change is about to cause.
    pending.current = true;
    setTimeout(() => {
      if (pending.current && element.current?.isConnected) {
        pending.current = false;
        element.current.focus();
      }
    }, 0);
  }, []);
  return [ref, request];
}
