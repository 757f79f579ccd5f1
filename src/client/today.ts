// Today's date where the plan is reported: Việt Nam (UTC+7), whatever the computer's time zone.
import { vietnamDate } from '../core/periods';

/** Today's date in Việt Nam, as an ISO date. */
export const vietnamToday = (now: Date = new Date()): string => vietnamDate(now);
