// A message for the user that a screen reader hears once, when it appears or its text changes.
// Fluent's MessageBar announces through the nearest AriaLiveAnnouncer only when it mounts, so the bar
// is keyed by its text; errors interrupt (assertive), progress and results wait their turn (polite).
// Fluent labels the bar by a title id that exists only with a MessageBarTitle: the body is the label here.
import type { ReactNode } from 'react';
import { MessageBar, MessageBarActions, MessageBarBody, useId } from '@fluentui/react-components';

export type NoticeIntent = 'success' | 'warning' | 'error' | 'info';

export interface NoticeBarProps {
  readonly intent: NoticeIntent;
  /** What is read out and shown; a change of text is announced again. */
  readonly text: string;
  /** Shown in bold before the text (part of what is read). */
  readonly title?: string;
  /** Buttons shown with the message (Thử lại, Huỷ…). */
  readonly actions?: ReactNode;
  /** More content below the text (links, buttons inside the body). */
  readonly children?: ReactNode;
  readonly className?: string;
}

/** Errors interrupt the screen reader; everything else is read when it is free. */
export const politenessOf = (intent: NoticeIntent): 'assertive' | 'polite' => (intent === 'error' ? 'assertive' : 'polite');

export function NoticeBar({ intent, text, title, actions, children, className }: NoticeBarProps) {
  const bodyId = useId('notice-body');
  return (
    // Fluent reads `politeness ?? intent === 'info'` as "polite" for ANY given politeness (9.7x), so an
    // assertive bar leaves it unset (a non-info intent then interrupts) and only polite is passed.
    <MessageBar
      key={`${intent}:${title ?? ''}:${text}`} intent={intent} layout="multiline" aria-labelledby={bodyId}
      politeness={politenessOf(intent) === 'polite' ? 'polite' : undefined}
    >
      <MessageBarBody id={bodyId} className={className}>
        {title && <strong>{title} </strong>}
        {text}
        {children}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
