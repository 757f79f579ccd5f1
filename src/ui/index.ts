// Shared React pieces of the taskpane and the web app: below both, above src/core, src/text and src/client.
export { NoticeBar, politenessOf, type NoticeIntent, type NoticeBarProps } from './NoticeBar';
export { Progress } from './Progress';
export { useFocusRequest } from './focus';
export { useBusyAction } from './busy-action';
