import type { ApiClient } from './http';
import { pollUntil } from './poll';

/** Makes an allocation rule once cost tracking knows the initiatives it names: it learns them from intake's events, and refuses the rule until then. */
export async function makeAllocationRule(finance: ApiClient, rule: unknown): Promise<void> {
  await pollUntil(async () => (await finance.post('/api/v1/allocation-rules', rule)).status === 201 || undefined, { what: 'an allocation rule' });
}

/**
 * The allocation a billing export meets in the import tests and benchmark: two
 * initiatives registered, the rows tagged `app=claims-triage` to the first,
 * the shared ML platform's rows (sub-account `ml-platform`) split between
 * both by the fixed shares given.
 */
export async function claimsAndFraudAllocation(pmo: ApiClient, finance: ApiClient, shares: [string, string]): Promise<{ claims: string; fraud: string }> {
  const register = async (name: string) => (await pmo.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit: 'Insurance' })).body.id;
  const claims = await register('Claims triage');
  const fraud = await register('Fraud scoring');
  await makeAllocationRule(finance, { name: 'Claims by tag', priority: 10, match: { tag: { key: 'app', value: 'claims-triage' } }, target: { kind: 'initiative', initiativeId: claims } });
  await makeAllocationRule(finance, {
    name: 'Shared ML platform',
    priority: 20,
    match: { subAccountId: 'ml-platform' },
    target: { kind: 'split', method: 'fixed', parts: [{ initiativeId: claims, share: shares[0] }, { initiativeId: fraud, share: shares[1] }] },
  });
  return { claims, fraud };
}
