import Decimal from 'decimal.js';

/** Forecasts are estimates, but their arithmetic stays decimal; results round to cents. */
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
      /** Mean of the last (up to) three months with data. */
      runRate: string;
      /** Least-squares change per month over the last (up to) six months; "0" with one month. */
      trendPerMonth: string;
      months: { period: string; expected: string; low: string; high: string }[];
    };

/** Months after `from` (`YYYY-MM`), as `YYYY-MM`. */
export function monthsAfter(from: string, count: number): string[] {
  const [year, month] = from.split('-').map(Number);
  return Array.from({ length: count }, (_, k) => {
    const index = year * 12 + (month - 1) + k + 1;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * A category's spend ahead: the least-squares trend through the last six
 * closed months, with a range of the months' standard deviation around that
 * line, at least ±10 % of the run rate (never below zero). A category with no recorded month has no forecast:
 * its economics are unknown, not zero.
 */
export function forecastCategory(history: readonly MonthlyCost[], lastClosed: string, horizon: number): CategoryForecast {
  const closed = [...history].filter((h) => h.period <= lastClosed).sort((a, b) => (a.period < b.period ? -1 : 1));
  if (!closed.length) return { status: 'unknown', reason: 'no cost recorded: economics unknown' };
  const recent = closed.slice(-6);
  const amounts = recent.map((h) => new Exact(h.amount));
  const runRate = mean(amounts.slice(-3));
  const slope = slopeOf(amounts);
  // The least-squares line: through the mean of the months, at their middle.
  const middle = new Exact(amounts.length - 1).div(2);
  const average = mean(amounts);
  const line = (x: Decimal.Value) => average.plus(slope.times(new Exact(x).minus(middle)));
  // The range: the months' spread around the line, and never narrower than ±10 % of the run rate.
  const deviation = mean(amounts.map((a, i) => a.minus(line(i)).pow(2))).sqrt();
  const spread = Exact.max(deviation, runRate.abs().times('0.1'));
  const months = monthsAfter(lastClosed, horizon).map((period, k) => {
    const expected = Exact.max(0, line(amounts.length + k));
    return { period, expected: cents(expected), low: cents(Exact.max(0, expected.minus(spread))), high: cents(expected.plus(spread)) };
  });
  return { status: 'forecast', runRate: cents(runRate), trendPerMonth: cents(slope), months };
}

/**
 * Production cost projected from the pilot's unit cost and a production
 * volume: the expected figure at the pilot's overall unit cost, the range from
 * its cheapest to its dearest month. No pilot volume: no projection.
 */
export function projectProduction(
  pilotMonths: readonly { cost: string; volume: string }[],
  productionVolume: string,
): { expected: string; low: string; high: string; unitCost: string } | null {
  const months = pilotMonths.filter((m) => new Exact(m.volume).gt(0));
  if (!months.length) return null;
  const cost = months.reduce((sum, m) => sum.plus(m.cost), new Exact(0));
  const volume = months.reduce((sum, m) => sum.plus(m.volume), new Exact(0));
  const unit = cost.div(volume);
  const units = months.map((m) => new Exact(m.cost).div(m.volume));
  const scale = new Exact(productionVolume);
  return {
    unitCost: unit.toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN).toFixed(),
    expected: cents(unit.times(scale)),
    low: cents(Exact.min(...units).times(scale)),
    high: cents(Exact.max(...units).times(scale)),
  };
}

function mean(values: readonly Decimal[]): Decimal {
  return values.reduce((sum, v) => sum.plus(v), new Exact(0)).div(values.length);
}

function slopeOf(values: readonly Decimal[]): Decimal {
  const n = values.length;
  if (n < 2) return new Exact(0);
  const xMean = new Exact(n - 1).div(2);
  const yMean = mean(values);
  let numerator = new Exact(0);
  let denominator = new Exact(0);
  values.forEach((y, x) => {
    numerator = numerator.plus(new Exact(x).minus(xMean).times(y.minus(yMean)));
    denominator = denominator.plus(new Exact(x).minus(xMean).pow(2));
  });
  return numerator.div(denominator);
}

function cents(value: Decimal): string {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
}
