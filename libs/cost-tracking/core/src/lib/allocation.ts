import Decimal from 'decimal.js';
import type { FocusCharge } from './focus-row';

/** Decimal.js rounds results to 20 significant digits by default; ledger amounts need 38 and their products more. */
const Exact = Decimal.clone({ precision: 100 });

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
    const value = charge.tags[match.tag.key];
    if (value === undefined || (match.tag.value !== undefined && value !== match.tag.value)) return false;
  }
  if (match.billingAccountId !== undefined && charge.billingAccountId !== match.billingAccountId) return false;
  if (match.subAccountId !== undefined && charge.subAccountId !== match.subAccountId) return false;
  if (match.resourceIdPattern !== undefined && !globMatches(match.resourceIdPattern, charge.resourceId ?? '')) return false;
  return true;
}

/** Compiled patterns: a rule is matched against every row of an import. */
const globs = new Map<string, RegExp>();

function globMatches(pattern: string, value: string): boolean {
  let regex = globs.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (globs.size < 1_000) globs.set(pattern, regex);
  }
  return regex.test(value);
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
  const whole = new Exact(amount);
  const ws = weights.map((w) => new Exact(w.toString()));
  const total = ws.reduce((sum, w) => sum.plus(w), new Exact(0));
  if (ws.length === 0 || total.lte(0) || ws.some((w) => w.isNegative())) throw new RangeError('A split needs non-negative weights with a positive total');
  if (whole.decimalPlaces() > scale) throw new RangeError(`${amount} has more than ${scale} decimals`);
  const unit = new Exact(10).pow(-scale);
  const sign = whole.isNegative() ? -1 : 1;
  const magnitude = whole.abs();
  const exact = ws.map((w) => magnitude.times(w).div(total));
  const parts = exact.map((e) => e.toDecimalPlaces(scale, Decimal.ROUND_DOWN));
  // Whole units of 10^-scale still to hand out: fewer than the number of parts.
  let left = magnitude.minus(parts.reduce((sum, p) => sum.plus(p), new Exact(0))).div(unit).round().toNumber();
  const order = exact.map((e, i) => ({ i, remainder: e.minus(parts[i]) })).sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] = parts[order[k].i].plus(unit);
  return parts.map((p) => p.times(sign).toFixed());
}
