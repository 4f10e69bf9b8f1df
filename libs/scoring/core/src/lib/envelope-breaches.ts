import Decimal from 'decimal.js';
import type { MonthlySpendInput, ScopeEnvelopeInput, ScoringInputs } from './inputs';
import { monthIndex, monthOf, monthStart } from './months';

/** Months, this one included, whose spend past the envelope's monthly cap is named. */
export const CAP_BREACH_MONTHS = 3;

/**
 * Where the initiative goes past the scope envelope the committee set with a
 * controlled-investment decision: users asked for beyond the envelope's, and
 * recent months (from the decision's on) whose spend in the cap's currency
 * passed the monthly cap. Spend in other currencies is not compared: without
 * a rate the committee agreed to, passing the cap could not be shown.
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
    breaches.push(`it spent ${month.amount} ${month.currency} in ${month.period}, beyond the monthly cap of ${envelope.monthlySpendCap} ${envelope.currency} the committee set on ${on}`);
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
function capBreaches(inputs: ScoringInputs, envelope: DecidedEnvelope, asOf: Date): MonthlySpendInput[] {
  const { monthlySpendCap: cap, currency } = envelope;
  if (cap === null || currency === null) return [];
  const from = Math.max(monthIndex(envelope.decidedAt), monthOf(asOf) - CAP_BREACH_MONTHS + 1);
  return (inputs.recentSpend ?? [])
    .filter((month) => month.currency === currency && monthIndex(month.period) >= from && new Decimal(month.amount).greaterThan(cap))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}
