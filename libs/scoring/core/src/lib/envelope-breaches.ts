import Decimal from 'decimal.js';
import type { ScopeEnvelopeInput, ScoringInputs } from './inputs';
import { monthIndex, monthOf, monthStart } from './months';

/** Months, this one included, whose spend past the envelope's monthly cap is named. */
export const CAP_BREACH_MONTHS = 3;

/**
 * Where the initiative goes past the scope envelope the committee set with a
 * controlled-investment decision: users asked for beyond the envelope's, and
 * recent months (from the decision's on) whose spend passed the monthly cap.
 * A cap in the reporting currency is compared with all of a month's spend,
 * converted at each entry's day rate (what is known of it while rates are
 * missing: at least that much was spent); a cap in another currency with the
 * spend in that currency only, there being no rate to bring the rest into it.
 */
export function envelopeBreaches(inputs: ScoringInputs, asOf: Date): string[] {
  const envelope = committeeEnvelope(inputs);
  if (!envelope) return [];
  const on = envelope.decidedAt.slice(0, 10);
  const breaches: string[] = [];
  const requested = inputs.scope?.requestedUsers ?? null;
  if (envelope.users !== null && requested !== null && requested > envelope.users) {
    breaches.push(`it asks for ${requested} users, beyond the ${envelope.users} the committee authorized on ${on}`);
  }
  for (const month of capBreaches(inputs, envelope, asOf).filter((m) => monthIndex(m.period) <= monthOf(asOf))) {
    breaches.push(`it spent ${month.spent} in ${month.period}, beyond the monthly cap of ${envelope.monthlySpendCap} ${envelope.currency} the committee set on ${on}`);
  }
  return breaches;
}

/** When the months named change with time alone: a breach ages out, or a month ahead with spend past the cap begins. */
export function nextEnvelopeChange(inputs: ScoringInputs, asOf: Date): Date | null {
  const envelope = committeeEnvelope(inputs);
  if (!envelope) return null;
  const moments = capBreaches(inputs, envelope, asOf)
    .flatMap((month) => [monthStart(monthIndex(month.period)), monthStart(monthIndex(month.period) + CAP_BREACH_MONTHS)])
    .map((moment) => moment.getTime())
    .filter((moment) => moment > asOf.getTime());
  return moments.length ? new Date(Math.min(...moments)) : null;
}

type DecidedEnvelope = ScopeEnvelopeInput & { decidedAt: string };

function committeeEnvelope(inputs: ScoringInputs): DecidedEnvelope | null {
  const decided = inputs.decision;
  if (decided?.decision !== 'controlled_investment' || !decided.scopeEnvelope) return null;
  return { ...decided.scopeEnvelope, decidedAt: decided.decidedAt };
}

/** Months with spend past the cap, from the decision's month and within the window (or ahead of it), oldest first. */
function capBreaches(inputs: ScoringInputs, envelope: DecidedEnvelope, asOf: Date): { period: string; spent: string }[] {
  const { monthlySpendCap: cap, currency } = envelope;
  if (cap === null || currency === null) return [];
  const from = Math.max(monthIndex(envelope.decidedAt), monthOf(asOf) - CAP_BREACH_MONTHS + 1);
  return spendAgainstCap(inputs, currency)
    .filter((month) => monthIndex(month.period) >= from && new Decimal(month.amount).greaterThan(cap))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** Each month's spend in the cap's currency: every currency converted when that is the reporting currency, said how. */
function spendAgainstCap(inputs: ScoringInputs, currency: string): { period: string; amount: string; spent: string }[] {
  const own = (inputs.recentSpend ?? []).filter((month) => month.currency === currency);
  const converted = (inputs.recentReportingSpend ?? []).filter((month) => month.currency === currency);
  const periods = [...new Set([...own, ...converted].map((month) => month.period))];
  return periods.map((period) => {
    const raw = own.find((month) => month.period === period);
    const total = converted.find((month) => month.period === period);
    const others = (inputs.recentSpend ?? []).filter((month) => month.period === period && month.currency !== currency && !new Decimal(month.amount).isZero());
    if (!total || !others.length) return { period, amount: raw?.amount ?? total?.amount ?? '0', spent: `${raw?.amount ?? total?.amount ?? '0'} ${currency}` };
    const parts = [...(raw ? [raw] : []), ...others].map((month) => `${month.amount} ${month.currency}`).join(' + ');
    const how = total.complete ? `at each day's rate` : `so far: some entries wait for their rate`;
    return { period, amount: total.amount, spent: `${total.complete ? '' : 'at least '}${total.amount} ${currency} (${parts}, ${how})` };
  });
}
