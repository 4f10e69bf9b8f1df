import { localDate } from './display';

/** The user's calendar day (where they are, not UTC) as YYYY-MM-DD, or the day `days` before it. */
export function dayBefore(days = 0, today = new Date()): string {
  return localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - days));
}

/** The user's calendar month as YYYY-MM: on the evening of the 31st in New York it is still that month. */
export function thisMonth(today = new Date()): string {
  return dayBefore(0, today).slice(0, 7);
}
