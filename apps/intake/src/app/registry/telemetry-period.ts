import type { FieldError, Telemetry } from '@capstan/contracts';

/**
 * Figures for a period that has not begun yet cannot have been observed:
 * scoring would otherwise measure from them. Today is the UTC date of `now`.
 */
export function futurePeriodError(period: Telemetry['period'], now: Date): FieldError | null {
  const today = now.toISOString().slice(0, 10);
  return period.start > today ? { field: 'period.start', message: `A period cannot start in the future: ${period.start} is after today (${today}, UTC)` } : null;
}
