import type { BudgetStatus } from '@capstan/contracts';
import type { Problem } from './initiatives-api';

/** A share ("0.902") as a whole percentage, for display only: the figure itself stays exact in the data. */
export function percent(share: string | number): string {
  const value = Number(share);
  // Spend against a budget of zero has no finite share.
  return Number.isFinite(value) ? `${Math.round(value * 100)} %` : '∞ %';
}

/**
 * A budget's burn ("0.9999", "1.02", "Infinity") as a whole percentage, rounded
 * down from the exact string: 99.99 % shows "99 %", never the "100 %" whose
 * alert has not fired.
 */
export function burnPercent(burn: string): string {
  if (burn === 'Infinity') return '∞ %';
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(burn);
  if (!match) return burn;
  const [, sign, whole, fraction = ''] = match;
  // The share's first two decimals are its whole percent; the rest is cut off (toward zero for a credit, never "-0 %").
  const wholePercent = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  return `${sign && wholePercent > 0n ? '-' : ''}${wholePercent} %`;
}

/** Whether a burn ("1.02", "0.999", "Infinity") has reached its budget: read exactly, never rounded up from 0.999. */
export function reachedBudget(burn: string): boolean {
  if (burn === 'Infinity') return true;
  const whole = /^(\d+)(\.\d+)?$/.exec(burn)?.[1];
  return whole !== undefined && BigInt(whole) >= 1n;
}

/** An audit value in a line of text: ∅ for nothing, objects as JSON, long ones cut with an ellipsis. */
export function shortValue(value: unknown, max: number): string {
  if (value === null || value === undefined || value === '') return '∅';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

/**
 * An exact decimal string with its whole part grouped by thousands
 * ("-1234567.891" → "-1,234,567.891"). Only separators are added: every digit
 * stays as the API sent it, never through a float. Anything else is shown as
 * it is, and no amount as nothing.
 */
export function money(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/**
 * What a budget's row says of spend in other currencies, a line each: the spend as recorded, then what all of it
 * came to in the budget's currency (cut to the cent: the figure itself has the ledger's 18 places), or why it is
 * not in the burn.
 */
export function otherCurrencyNotes(budget: Pick<BudgetStatus, 'currency' | 'period' | 'otherCurrencies' | 'inBudgetCurrency'>): string[] {
  const others = budget.otherCurrencies ?? [];
  if (!others.length) return [];
  const lines = others.map((other) => `+ ${money(other.actual)} ${other.currency}`);
  const all = budget.inBudgetCurrency;
  if (all === null) return [...lines, `not in the burn: no ${budget.currency} rate for ${budget.period} or the month before`];
  if (all === undefined) return [...lines, 'not in the burn'];
  const cut = /^(-?\d+)(\.\d{1,2})?/.exec(all.actual)?.[0] ?? all.actual;
  const at = all.rate ? `, at the ${budget.currency} rate of ${all.rate.date}` : '';
  const waiting = all.entriesAwaitingRate ? `; ${all.entriesAwaitingRate} ${all.entriesAwaitingRate === 1 ? 'entry waits' : 'entries wait'} for a rate, not in it yet` : '';
  return [...lines, `${cut === all.actual ? '=' : '≈'} ${money(cut)} ${budget.currency} in all${at}${waiting}`];
}

/**
 * The exact sum of decimal amounts (cents, or the thousandths of a dinar a forecast rounds to), as a decimal
 * string with as many places as the most precise of them and at least two: added as whole units of the
 * smallest place, so no float ever drifts ("0.30000000000000004").
 */
export function sumAmounts(amounts: readonly string[]): string {
  const parsed = amounts.map((amount) => {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
    if (!match) throw new Error(`Not a decimal amount: ${amount}`);
    return { negative: match[1] === '-', whole: match[2], fraction: match[3] ?? '' };
  });
  const places = Math.max(2, ...parsed.map((p) => p.fraction.length));
  const unit = 10n ** BigInt(places);
  const total = parsed.reduce((sum, p) => {
    const value = BigInt(p.whole) * unit + BigInt(p.fraction.padEnd(places, '0') || '0');
    return sum + (p.negative ? -value : value);
  }, 0n);
  const sign = total < 0n ? '-' : '';
  const magnitude = total < 0n ? -total : total;
  return `${sign}${magnitude / unit}.${String(magnitude % unit).padStart(places, '0')}`;
}

/** What a refused write tells the user: the reason, then each field the server named, by its label on screen. */
export function refusal(what: string, problem: Pick<Problem, 'title' | 'detail' | 'errors'>, labels: Readonly<Record<string, string>> = {}): string {
  const fields = (problem.errors ?? []).map((error) => `${labels[error.field] ?? error.field}: ${error.message}`);
  return [`${what}: ${problem.detail ?? problem.title}`, ...fields].join(' · ');
}

/** A moment's calendar day where the user is (YYYY-MM-DD). */
export function localDate(moment: Date): string {
  return `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;
}

/**
 * A stored instant (ISO 8601, in UTC) as the user reads it: their day, and
 * with `to: 'minute' | 'second'` their time of day too. The API speaks UTC;
 * a decision taken at 00:30 in Berlin is on the user's day, not the day before.
 */
export function localMoment(instant: string, to: 'day' | 'minute' | 'second' = 'day'): string {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) return instant;
  if (to === 'day') return localDate(moment);
  const time = [moment.getHours(), moment.getMinutes(), ...(to === 'second' ? [moment.getSeconds()] : [])];
  return `${localDate(moment)} ${time.map((part) => String(part).padStart(2, '0')).join(':')}`;
}
