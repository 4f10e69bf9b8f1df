import Decimal from 'decimal.js';
import type { ScopeEnvelopeInput, ScoringInputs } from './inputs';
import { monthIndex, monthOf, monthStart } from './months';

/** Months, this one included, whose spend past the envelope's monthly cap is named. */
export const CAP_BREACH_MONTHS = 3;

/** Products of a cap and a rate need more than Decimal's default 20 significant digits. */
const Exact = Decimal.clone({ precision: 60 });

/**
 * Where the initiative goes past the scope envelope the committee set with a
 * controlled-investment decision: users asked for beyond the envelope's, and
 * recent months (from the decision's on) whose spend passed the monthly cap.
 * A month's spend in the cap's currency alone is held against the cap as it
 * is. Spend in several currencies is taken in the reporting currency, each
 * entry at its day's rate (what is known of it while rates are missing: at
 * least that much was spent), against the cap in the reporting currency — a
 * cap in another currency at that currency's latest rate in the month. With
 * no such rate yet, only the spend in the cap's currency is held against it.
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
    breaches.push(`it spent ${month.spent} in ${month.period}, beyond the monthly cap of ${month.cap} the committee set on ${on}`);
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
function capBreaches(inputs: ScoringInputs, envelope: DecidedEnvelope, asOf: Date): CapMonth[] {
  const { monthlySpendCap: cap, currency } = envelope;
  if (cap === null || currency === null) return [];
  const from = Math.max(monthIndex(envelope.decidedAt), monthOf(asOf) - CAP_BREACH_MONTHS + 1);
  return spendAgainstCap(inputs, cap, currency)
    .filter((month) => monthIndex(month.period) >= from && month.amount.greaterThan(month.limit))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** A month's spend and the cap it is held against, in one currency, each said how. */
interface CapMonth {
  period: string;
  amount: Decimal;
  limit: Decimal;
  spent: string;
  cap: string;
}

/** Each month's spend against the cap: in the reporting currency when the month has spend in several and the cap can be brought into it. */
function spendAgainstCap(inputs: ScoringInputs, cap: string, currency: string): CapMonth[] {
  const spend = inputs.recentSpend ?? [];
  const reporting = inputs.recentReportingSpend ?? [];
  const periods = [...new Set([...spend.filter((month) => month.currency === currency), ...reporting].map((month) => month.period))];
  return periods.map((period) => {
    const raw = spend.find((month) => month.period === period && month.currency === currency);
    const total = reporting.find((month) => month.period === period);
    const others = spend.filter((month) => month.period === period && month.currency !== currency && !new Decimal(month.amount).isZero());
    const rate = total && total.currency !== currency ? inputs.capRates?.find((r) => r.period === period) : undefined;
    if (!total || !others.length || (total.currency !== currency && !rate)) {
      const own = raw?.amount ?? (total?.currency === currency ? total.amount : '0');
      return { period, amount: new Exact(own), limit: new Exact(cap), spent: `${own} ${currency}`, cap: `${cap} ${currency}` };
    }
    const parts = [...(raw ? [raw] : []), ...others].map((month) => `${month.amount} ${month.currency}`).join(' + ');
    const how = total.complete ? `at each day's rate` : `so far: some entries wait for their rate`;
    const spent = `${total.complete ? '' : 'at least '}${total.amount} ${total.currency} (${parts}, ${how})`;
    if (!rate) return { period, amount: new Exact(total.amount), limit: new Exact(cap), spent, cap: `${cap} ${currency}` };
    const limit = new Exact(cap).times(rate.rate);
    const shown = limit.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
    return { period, amount: new Exact(total.amount), limit, spent, cap: `${cap} ${currency} (${shown} ${total.currency} at the ${currency} rate of ${rate.date})` };
  });
}
