const DAY = 86_400_000;

function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** The week (0-based from the plan's start) containing a date; negative before the start. */
export function weekOf(startDate: string, date: string): number {
  return Math.floor((epochDay(date) - epochDay(startDate)) / 7);
}

/** The first week starting on or after a date: a wave that may not start before a Wednesday starts the Monday after. */
export function weekOnOrAfter(startDate: string, date: string): number {
  return Math.ceil((epochDay(date) - epochDay(startDate)) / 7);
}

/** Monday of a week. */
export function mondayOf(startDate: string, week: number): string {
  return new Date((epochDay(startDate) + 7 * week) * DAY).toISOString().slice(0, 10);
}

/** Sunday ending a week. */
export function sundayOf(startDate: string, week: number): string {
  return new Date((epochDay(startDate) + 7 * week + 6) * DAY).toISOString().slice(0, 10);
}

/** Number of whole weeks a wave may run from the start and still finish on or before `date`. */
export function deadlineWeek(startDate: string, date: string): number {
  return Math.floor((epochDay(date) - epochDay(startDate) + 1) / 7);
}

export function isMonday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
}

/** Calendar quarter of a date, e.g. `2027-Q1`. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** Consecutive week numbers folded into `{ from, to }` date ranges (Monday to Sunday). */
export function weekRanges(startDate: string, weeks: readonly number[]): { from: string; to: string }[] {
  const sorted = [...new Set(weeks)].sort((a, b) => a - b);
  const ranges: { from: string; to: string }[] = [];
  let first = sorted[0];
  for (let k = 1; k <= sorted.length; k++) {
    if (k < sorted.length && sorted[k] === sorted[k - 1] + 1) continue;
    if (first !== undefined) ranges.push({ from: mondayOf(startDate, first), to: sundayOf(startDate, sorted[k - 1]) });
    first = sorted[k];
  }
  return ranges;
}
