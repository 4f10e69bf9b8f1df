/** A percentage as finance types it: up to 999.99, two decimals at most. */
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * A percentage typed on screen ("80", "12.5", "150") as the share the API takes ("0.8", "0.125", "1.5"), moved two
 * places by its digits, never through floating point; null for anything else.
 */
export function percentToShare(percent: string): string | null {
  const match = PERCENT.exec(percent.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const tenThousandths = BigInt(match[1] + (match[2] ?? '').padEnd(2, '0'));
  return decimalOf(tenThousandths, 4);
}

/** A share ("0.8", "1.5") as the percentage shown for it ("80", "150"); the share as it is when it is not one. */
export function shareToPercent(share: string): string {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(share);
  if (!match) return share;
  return decimalOf(BigInt(match[1] + (match[2] ?? '').padEnd(4, '0')), 2);
}

/** `units` ÷ 10^`places` as a plain decimal string without trailing zeros. */
function decimalOf(units: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const fraction = (units % scale).toString().padStart(places, '0').replace(/0+$/, '');
  return `${units / scale}${fraction ? `.${fraction}` : ''}`;
}
