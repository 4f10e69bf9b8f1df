import Decimal from 'decimal.js';

/** Decimals a percentage may take before it is cut rather than rounded. */
const MAX_DECIMALS = 4;

/**
 * A ratio as a percentage for words that hold it against thresholds: whole
 * when rounding keeps it on the same side of each (and off it unless it is
 * on it), with as many decimals as it takes otherwise — a share of 0.4975
 * that fails a 50 % minimum reads "49.8", never "50", and a burn of 1.004
 * past its budget reads "100.4", never "100".
 */
export function percentAgainst(ratio: Decimal.Value, ...thresholds: Decimal.Value[]): string {
  const exact = new Decimal(ratio).times(100);
  const limits = thresholds.map((threshold) => new Decimal(threshold).times(100));
  for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
    const shown = exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    if (limits.every((limit) => shown.comparedTo(limit) === exact.comparedTo(limit))) return shown.toFixed();
  }
  // Closer to a threshold than that: cut towards the side it is on.
  const side = limits.find((limit) => !exact.equals(limit));
  return exact.toDecimalPlaces(MAX_DECIMALS, side && exact.lessThan(side) ? Decimal.ROUND_DOWN : Decimal.ROUND_UP).toFixed();
}
