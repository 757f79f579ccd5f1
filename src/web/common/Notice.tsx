// One message line for a page: success, warning or error, announced to screen readers by the
// MessageBar's own live region.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export type NoticeValue = { readonly intent: 'success' | 'warning' | 'error' | 'info'; readonly text: string } | null;

export function Notice({ notice }: { notice: NoticeValue }) {
  if (!notice) return null;
  return <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A failure as the page's message (for useBusyAction). */
export const failureNotice = (e: unknown): NonNullable<NoticeValue> => ({ intent: 'error', text: errorText(e) });
