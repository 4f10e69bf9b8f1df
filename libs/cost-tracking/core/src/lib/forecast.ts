import Decimal from 'decimal.js';

/** Forecasts are estimates, but their arithmetic stays decimal; results round to the currency's minor unit. */
const Exact = Decimal.clone({ precision: 60 });

export interface MonthlyCost {
  /** `YYYY-MM`. */
  period: string;
  amount: string;
}

export type CategoryForecast =
  | { status: 'unknown'; reason: string }
  | {
      status: 'forecast';
      /** Mean of the last (up to) three closed months with cost. */
      runRate: string;
      /** Least-squares change per calendar month over the last six closed months' costs; "0" with one month. */
      trendPerMonth: string;
      months: { period: string; expected: string; low: string; high: string }[];
    };

/** Months after `from` (`YYYY-MM`), as `YYYY-MM`. */
export function monthsAfter(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, k) => periodAt(monthIndex(from) + k + 1));
}

/** A `YYYY-MM` as a count of months, so months can be added and compared. */
function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

function periodAt(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months a forecast reads: the last six closed ones. */
const WINDOW_MONTHS = 6;

/**
 * A category's spend ahead: the least-squares trend through its months with
 * cost among the last six closed ones, placed on the calendar (a month without
 * cost, or whose entries net to zero, is a gap, not a zero: its bill may not be
 * imported yet), with a range of
 * those months' standard deviation around the line, at least ±10 % of the run
 * rate (never below zero). A category with no cost in the last six closed
 * months has no forecast: its economics are unknown, not zero, and not what
 * they were long ago.
 */
export function forecastCategory(history: readonly MonthlyCost[], lastClosed: string, horizon: number, digits = 2): CategoryForecast {
  const cents = minorUnits(digits);
  const byMonth = new Map<string, Decimal>();
  for (const h of history) byMonth.set(h.period, (byMonth.get(h.period) ?? new Exact(0)).plus(h.amount));
  // A month whose entries cancel out (an entry and its reversal) holds no cost: a gap, like a month without entries.
  const recorded = [...byMonth].filter(([, amount]) => !amount.isZero()).map(([period]) => period).sort();
  const closed = recorded.filter((period) => period <= lastClosed);
  if (!closed.length) {
    return recorded.length
      ? { status: 'unknown', reason: `cost recorded only in months not yet closed: economics unknown until ${monthsAfter(lastClosed, 1)[0]} closes` }
      : { status: 'unknown', reason: 'no cost recorded: economics unknown' };
  }
  const windowStart = periodAt(monthIndex(lastClosed) - (WINDOW_MONTHS - 1));
  const latest = closed[closed.length - 1];
  if (latest < windowStart) return { status: 'unknown', reason: `no cost recorded since ${latest}: economics unknown` };
  // Each month with cost at its place on the calendar: months from the window's start.
  const points = closed.filter((period) => period >= windowStart).map((period) => ({ x: monthIndex(period) - monthIndex(windowStart), y: byMonth.get(period) ?? new Exact(0) }));
  const runRate = mean(points.slice(-3).map((p) => p.y));
  const { slope, line } = leastSquares(points);
  // The range: the months' spread around the line, and never narrower than ±10 % of the run rate.
  const deviation = mean(points.map((p) => p.y.minus(line(p.x)).pow(2))).sqrt();
  const spread = Exact.max(deviation, runRate.abs().times('0.1'));
  const months = monthsAfter(lastClosed, horizon).map((period, k) => {
    const expected = Exact.max(0, line(WINDOW_MONTHS + k));
    return { period, expected: cents(expected), low: cents(Exact.max(0, expected.minus(spread))), high: cents(expected.plus(spread)) };
  });
  return { status: 'forecast', runRate: cents(runRate), trendPerMonth: cents(slope), months };
}

/**
 * Production cost projected from the pilot's unit cost and a production
 * volume: the expected figure at the pilot's overall unit cost, the range from
 * its cheapest to its dearest month. A month counts with both volume and cost
 * (one whose entries net to zero has none). No such month: no projection.
 */
export function projectProduction(
  pilotMonths: readonly { cost: string; volume: string }[],
  productionVolume: string,
  digits = 2,
): { expected: string; low: string; high: string; unitCost: string } | null {
  const cents = minorUnits(digits);
  const months = pilotMonths.filter((m) => new Exact(m.volume).gt(0) && !new Exact(m.cost).isZero());
  if (!months.length) return null;
  const cost = months.reduce((sum, m) => sum.plus(m.cost), new Exact(0));
  const volume = months.reduce((sum, m) => sum.plus(m.volume), new Exact(0));
  const unit = cost.div(volume);
  const units = months.map((m) => new Exact(m.cost).div(m.volume));
  const scale = new Exact(productionVolume);
  // A month a credit outweighed has a unit cost below zero; production never costs less than nothing.
  const atLeastZero = (amount: Decimal) => cents(Exact.max(0, amount));
  return {
    unitCost: unit.toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN).toFixed(),
    expected: atLeastZero(unit.times(scale)),
    low: atLeastZero(Exact.min(...units).times(scale)),
    high: atLeastZero(Exact.max(...units).times(scale)),
  };
}

function mean(values: readonly Decimal[]): Decimal {
  return values.reduce((sum, v) => sum.plus(v), new Exact(0)).div(values.length);
}

/** The least-squares line through the points (flat through a single one). */
function leastSquares(points: readonly { x: number; y: Decimal }[]): { slope: Decimal; line: (x: number) => Decimal } {
  const xMean = mean(points.map((p) => new Exact(p.x)));
  const yMean = mean(points.map((p) => p.y));
  let numerator = new Exact(0);
  let denominator = new Exact(0);
  for (const { x, y } of points) {
    numerator = numerator.plus(new Exact(x).minus(xMean).times(y.minus(yMean)));
    denominator = denominator.plus(new Exact(x).minus(xMean).pow(2));
  }
  const slope = denominator.isZero() ? new Exact(0) : numerator.div(denominator);
  return { slope, line: (x) => yMean.plus(slope.times(new Exact(x).minus(xMean))) };
}

/** Rounds to `digits` decimals (a currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD), half to even. */
function minorUnits(digits: number): (value: Decimal) => string {
  return (value) => value.toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).toFixed(digits);
}
