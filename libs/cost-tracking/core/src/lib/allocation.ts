import Decimal from 'decimal.js';
import type { FocusCharge } from './focus-row';

/** Decimal.js rounds results to 20 significant digits by default; ledger amounts need 38, and their sums and products more. */
export const ExactDecimal = Decimal.clone({ precision: 100 });

/** Which charges a rule takes: every condition given must hold. */
export interface AllocationMatch {
  tag?: { key: string; value?: string };
  billingAccountId?: string;
  subAccountId?: string;
  /** `*` matches any run of characters. */
  resourceIdPattern?: string;
}

export type AllocationTarget =
  | { kind: 'initiative'; initiativeId: string }
  /** Shared cost: `even` parts, `fixed` percentages (summing to 100), or `proportional` to weights. */
  | { kind: 'split'; method: 'even' | 'fixed' | 'proportional'; parts: { initiativeId: string; share?: string }[] };

export interface AllocationRule {
  id: string;
  name: string;
  /** Lower runs first; the first matching rule allocates the charge. */
  priority: number;
  match: AllocationMatch;
  target: AllocationTarget;
}

/** The rule that allocates a charge, if any. Rules must come sorted by priority, then name. */
export function ruleFor(rules: readonly AllocationRule[], charge: FocusCharge): AllocationRule | undefined {
  return rules.find((rule) => matches(rule.match, charge));
}

export function matches(match: AllocationMatch, charge: FocusCharge): boolean {
  if (match.tag) {
    // Own keys only: a rule on "constructor" would otherwise match every charge through Object.prototype.
    const value = Object.hasOwn(charge.tags, match.tag.key) ? charge.tags[match.tag.key] : undefined;
    if (value === undefined || (match.tag.value !== undefined && value !== match.tag.value)) return false;
  }
  if (match.billingAccountId !== undefined && charge.billingAccountId !== match.billingAccountId) return false;
  if (match.subAccountId !== undefined && charge.subAccountId !== match.subAccountId) return false;
  if (match.resourceIdPattern !== undefined && !globMatches(match.resourceIdPattern, charge.resourceId ?? '')) return false;
  return true;
}

/**
 * Whether `value` matches a glob where `*` stands for any run of characters.
 * Not a regular expression: `^a.*a.*…b$` backtracks exponentially (a rule of
 * a dozen stars held one 40-character id for two minutes), where this walk
 * retries only from the last star, so it takes at most pattern × value steps.
 */
export function globMatches(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = v;
    } else if (p < pattern.length && pattern[p] === value[v]) {
      p++;
      v++;
    } else if (star !== -1) {
      // The last star takes one more character; match the rest again from there.
      p = star + 1;
      v = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** How a target divides a whole: weights per initiative (fixed shares, proportional weights, or 1 each). */
export function weightsOf(target: AllocationTarget): { initiativeId: string; weight: Decimal }[] {
  if (target.kind === 'initiative') return [{ initiativeId: target.initiativeId, weight: new Decimal(1) }];
  return target.parts.map((part) => ({ initiativeId: part.initiativeId, weight: target.method === 'even' ? new Decimal(1) : new Decimal(part.share ?? 0) }));
}

/**
 * Splits an amount by weights into parts of at most `scale` decimals that add
 * back exactly to the whole: each part is rounded toward zero, and the units
 * left over go one each to the parts with the largest remainders (ties to the
 * earlier part). Negative amounts (credits) split the same way.
 */
export function splitExactly(amount: string, weights: readonly Decimal[], scale: number): string[] {
  return exactSplitter(weights, scale)(amount);
}

/**
 * `splitExactly` with the weights fixed, for splitting many amounts the same
 * way (every row a rule maps, four amounts each). The arithmetic is on whole
 * units of 10^-scale as BigInt: exact, and a fraction of the cost of decimal
 * objects on an import's hot path.
 */
export function exactSplitter(weights: readonly Decimal[], scale: number): (amount: string) => string[] {
  const plain = weights.map((w) => plainDecimal(w.toFixed()));
  if (!plain.length || plain.some((w) => w.negative)) throw new RangeError('A split needs non-negative weights with a positive total');
  const weightScale = Math.max(...plain.map((w) => w.fraction.length));
  const units = plain.map((w) => BigInt(w.whole + w.fraction.padEnd(weightScale, '0')));
  const total = units.reduce((sum, w) => sum + w, 0n);
  if (total <= 0n) throw new RangeError('A split needs non-negative weights with a positive total');
  return (amount) => {
    const whole = plainDecimal(amount);
    if (whole.fraction.length > scale) throw new RangeError(`${amount} has more than ${scale} decimals`);
    const magnitude = BigInt(whole.whole + whole.fraction.padEnd(scale, '0'));
    const parts = units.map((w) => (magnitude * w) / total);
    const remainders = units.map((w) => (magnitude * w) % total);
    // Whole units still to hand out: fewer than the number of parts.
    let left = Number(magnitude - parts.reduce((sum, p) => sum + p, 0n));
    const order = remainders.map((remainder, i) => ({ i, remainder })).sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] += 1n;
    return parts.map((p) => formatUnits(p, scale, whole.negative));
  };
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/** A decimal's sign, digits before the point, and digits after it without trailing zeros. */
function plainDecimal(value: string): { negative: boolean; whole: string; fraction: string } {
  // Anything else decimal.js reads (an exponent, a leading point) is written out plainly first.
  const match = PLAIN_DECIMAL.exec(value) ?? PLAIN_DECIMAL.exec(new ExactDecimal(value).toFixed());
  if (!match) throw new RangeError(`${value} is not a decimal number`);
  return { negative: match[1] === '-', whole: match[2], fraction: (match[3] ?? '').replace(/0+$/, '') };
}

/** Whole units of 10^-scale as a decimal string, as decimal.js's toFixed() writes it (no trailing zeros, never "-0"). */
function formatUnits(units: bigint, scale: number, negative: boolean): string {
  const digits = units.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative && units > 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
