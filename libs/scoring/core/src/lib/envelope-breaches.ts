import Decimal from 'decimal.js';
import type { ScopeEnvelopeInput, ScoringInputs } from './inputs';
import { monthIndex, monthOf, monthStart } from './months';

/** Months, this one included, whose spend past the envelope's monthly cap is named. */
export const CAP_BREACH_MONTHS = 3;

/** Products of a cap and a rate need more than Decimal's default 20 significant digits. */
const Exact = Decimal.clone({ precision: 60 });

/**
 * Where the initiative goes past the scope envelope the committee set with a
 * controlled-investment decision: business units and users asked for beyond
 * the envelope's, and recent months (from the decision's on) whose spend passed the monthly cap.
 * A month's spend in the cap's currency alone is held against the cap as it
 * is. Spend in several currencies is brought into the cap's currency (see
 * `spendAgainstCap`); what is known of it while rates are missing: at least
 * that much was spent.
 */
export function envelopeBreaches(inputs: ScoringInputs, asOf: Date): string[] {
  const envelope = committeeEnvelope(inputs);
  if (!envelope) return [];
  const on = envelope.decidedAt.slice(0, 10);
  const breaches: string[] = [];
  // Business units are named by people: told apart regardless of case and surrounding spaces.
  const authorized = new Set(envelope.businessUnits.map(unitName));
  const beyond = [...new Set((inputs.scope?.requestedBusinessUnits ?? []).filter((unit) => !authorized.has(unitName(unit))))];
  if (beyond.length) {
    const units = (names: string[]) => names.map((name) => `"${name.trim()}"`).join(', ');
    breaches.push(`it asks for ${units(beyond)}, beyond the business units the committee authorized on ${on} (${units(envelope.businessUnits)})`);
  }
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

const unitName = (name: string) => name.trim().toLowerCase();

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

/** A month's spend and the cap it is held against, in one currency, the spend said how. */
interface CapMonth {
  period: string;
  amount: Decimal;
  limit: Decimal;
  spent: string;
}

/**
 * Each month's spend against the cap. A month spent in the cap's currency alone is held as it is. With other
 * currencies: for a cap in the reporting currency, the month's spend converted at each day's rate; for a cap in
 * another, its own currency's spend as it is and the rest brought into it — converted at each day's rate into the
 * reporting currency, then at the cap currency's rate for the month. Without that rate, its own spend alone.
 */
function spendAgainstCap(inputs: ScoringInputs, cap: string, currency: string): CapMonth[] {
  const spend = inputs.recentSpend ?? [];
  const reporting = inputs.recentReportingSpend ?? [];
  const periods = [...new Set([...spend.filter((month) => month.currency === currency), ...reporting].map((month) => month.period))];
  return periods.map((period) => {
    const raw = spend.find((month) => month.period === period && month.currency === currency);
    const total = reporting.find((month) => month.period === period);
    const others = spend.filter((month) => month.period === period && month.currency !== currency && !new Decimal(month.amount).isZero());
    const own = raw?.amount ?? (total?.currency === currency ? total.amount : '0');
    const alone: CapMonth = { period, amount: new Exact(own), limit: new Exact(cap), spent: `${own} ${currency}` };
    if (!total || !others.length) return alone;
    const parts = [...(raw ? [raw] : []), ...others].map((month) => `${month.amount} ${month.currency}`).join(' + ');
    if (total.currency === currency) {
      const how = total.complete ? `at each day's rate` : `so far: some entries wait for their rate`;
      return { ...alone, amount: new Exact(total.amount), spent: `${total.complete ? '' : 'at least '}${total.amount} ${currency} (${parts}, ${how})` };
    }
    const rate = inputs.capRates?.find((r) => r.period === period);
    const rest = (inputs.recentReportingSpendByCurrency ?? []).filter((month) => month.period === period && month.currency !== currency);
    if (!rate || !rest.length) return alone;
    const restAmount = rest.reduce((sum, month) => sum.plus(month.reportingAmount), new Exact(0));
    const complete = rest.every((month) => month.complete);
    const perUnit = new Exact(rate.rate);
    // Held as own × rate + rest against cap × rate: exact, where own + rest / rate would be rounded.
    const shown = new Exact(own).plus(restAmount.div(perUnit)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
    const how = complete ? `the rest at each day's rate and the ${currency} rate of ${rate.date}` : `so far: some entries wait for their rate; the rest at the ${currency} rate of ${rate.date}`;
    return {
      ...alone,
      amount: new Exact(own).times(perUnit).plus(restAmount),
      limit: new Exact(cap).times(perUnit),
      spent: `${complete ? '' : 'at least '}${shown} ${currency} (${parts}, ${how})`,
    };
  });
}
