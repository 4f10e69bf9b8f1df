import { resolve } from 'node:path';
import Decimal from 'decimal.js';
import { Client } from 'pg';
import { ApiClient, pollUntil, queryDatabase, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

/** decimal.js rounds to 20 significant digits unless told otherwise: expected figures take 100. */
const Exact = Decimal.clone({ precision: 100 });

interface Summary {
  groups: { key: string; billedCost: string; effectiveCost: string; currency: string }[];
}

describe('the cost ledger', () => {
  let context: TestSystem;
  let finance: ApiClient;
  let engineering: ApiClient;
  let viewer: ApiClient;
  let initiativeId: string;

  beforeAll(async () => {
    // The request recording rates converts the entries waiting for them before it answers, however slow the machine.
    context = await startTestSystem(resolve(__dirname, '../../..'), { COST_CONVERSION_INLINE_MS: '30000' });
    const base = new ApiClient(context.system.gatewayUrl);
    finance = base.withToken(await tokenFor(context.jwtSecret, ['finance']));
    engineering = base.withToken(await tokenFor(context.jwtSecret, ['engineering']));
    viewer = base.withToken(await tokenFor(context.jwtSecret, ['viewer']));
    const pmo = base.withToken(await tokenFor(context.jwtSecret, ['pmo']));
    initiativeId = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Costed', businessUnit: 'Payments', stage: 'production' })).body.id;
  });

  afterAll(async () => {
    await context?.teardown();
  });

  /** A new production initiative with an EUR budget crossing at 100 %, once cost tracking knows it, and spending in its month and category. */
  async function budgetedInitiative(name: string, budget: { period: string; category: string; amount: string }) {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit: 'Payments', stage: 'production' })).body.id;
    const body = { initiativeId: id, currency: 'EUR', thresholds: ['1'], ...budget };
    await pollUntil(async () => (await finance.request('PUT', '/api/v1/budgets', { body })).status === 200, { what: 'cost tracking to know the initiative' });
    const spend = (amount: string) => finance.post('/api/v1/cost-entries', entry(amount, { initiativeId: id, category: budget.category, chargeDate: `${budget.period}-10` }));
    return { id, spend };
  }

  /** Rows of a query on the test's database, read directly. */
  const rowsOf = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(context.databaseUrl, sql, params);
  /** As if the gateway died after cost tracking committed, before it stored its answer to the request with `key`. */
  const forgetAnswer = (key: string) =>
    rowsOf(
      `UPDATE gateway.idempotency_keys SET state = 'in_flight', response_status = NULL, response_body = NULL, locked_until = now() - interval '1 second' WHERE scope LIKE $1`,
      [`% ${key}`],
    );
  const entry = (amount: string, extra: Record<string, unknown> = {}) => ({
    initiativeId,
    chargeDate: '2026-10-15',
    category: 'inference',
    phase: 'production',
    amount,
    currency: 'EUR',
    ...extra,
  });

  it('should keep amounts exact to the last digit and sum them exactly', async () => {
    // Cost tracking learns of the initiative from intake's event: until then the entry is refused.
    const first = await pollUntil(async () => {
      const response = await finance.post<{ id: string; amount: string; source: string }>('/api/v1/cost-entries', entry('1000.10'));
      return response.status === 201 ? response.body : undefined;
    }, { what: 'cost tracking to know the initiative' });
    expect(first).toMatchObject({ amount: '1000.1', source: 'manual' });
    expect((await engineering.post('/api/v1/cost-entries', entry('3000.0000000001', { source: 'metered' }))).status).toBe(201);
    // Engineering meters; estimates by hand are finance's.
    const estimate = await engineering.post<{ detail: string }>('/api/v1/cost-entries', entry('5'));
    expect([estimate.status, estimate.body.detail]).toEqual([403, 'Engineering records metered spend only: send source "metered" (manual entries are for finance)']);
    expect((await finance.post('/api/v1/cost-entries', entry('-0.0000000001', { reference: 'credit note 17' }))).status).toBe(201);
    expect((await finance.post('/api/v1/cost-entries', entry('250.25', { category: 'monitoring', phase: 'pilot', chargeDate: '2026-09-30' }))).status).toBe(201);
    expect((await finance.post('/api/v1/cost-entries', { ...entry('99.99'), initiativeId: null, currency: 'USD' })).status).toBe(201);

    const byCategory = await viewer.get<Summary>(`/api/v1/costs/summary?groupBy=category&initiativeId=${initiativeId}`);
    expect(byCategory.body.groups).toEqual([
      { key: 'inference', billedCost: '4000.1', effectiveCost: '4000.1', currency: 'EUR' },
      { key: 'monitoring', billedCost: '250.25', effectiveCost: '250.25', currency: 'EUR' },
    ]);
    const byInitiative = await viewer.get<Summary>('/api/v1/costs/summary?groupBy=initiative');
    expect(byInitiative.body.groups).toEqual([
      { key: initiativeId, billedCost: '4250.35', effectiveCost: '4250.35', currency: 'EUR' },
      { key: 'unallocated', billedCost: '99.99', effectiveCost: '99.99', currency: 'USD' },
    ]);
    const byMonth = await viewer.get<Summary>(`/api/v1/costs/summary?groupBy=month&initiativeId=${initiativeId}`);
    expect(byMonth.body.groups.map((g) => [g.key, g.billedCost])).toEqual([
      ['2026-09', '250.25'],
      ['2026-10', '4000.1'],
    ]);
    const byPhase = await viewer.get<Summary>(`/api/v1/costs/summary?groupBy=phase&initiativeId=${initiativeId}`);
    expect(byPhase.body.groups.map((g) => [g.key, g.billedCost])).toEqual([
      ['pilot', '250.25'],
      ['production', '4000.1'],
    ]);
  });

  it('should refuse floats, bad currencies, unknown initiatives and the wrong roles, and change nothing', async () => {
    const before = await viewer.get<Summary>('/api/v1/costs/summary?groupBy=currency');
    const float = await finance.post<{ errors: { field: string }[] }>('/api/v1/cost-entries', { ...entry('1'), amount: 12.5 });
    expect(float.status).toBe(400);
    expect(float.body.errors.map((e) => e.field)).toEqual(['amount']);
    expect((await finance.post('/api/v1/cost-entries', entry('1', { currency: 'euro' }))).status).toBe(400);
    expect((await finance.post('/api/v1/cost-entries', entry('1', { initiativeId: '00000000-0000-4000-8000-000000000000' }))).status).toBe(422);
    expect((await viewer.post('/api/v1/cost-entries', entry('1'))).status).toBe(403);
    expect((await viewer.get<Summary>('/api/v1/costs/summary?groupBy=currency')).body).toEqual(before.body);
    expect((await viewer.get('/api/v1/costs/summary?groupBy=colour')).status).toBe(400);
  });

  it('should correct by reversing entries only, and publish cost visibility that scoring measures', async () => {
    type Posture = { domains: { criteria: { id: string; state: string; source: string }[] }[] };
    const costVisibility = async () => {
      const response = await viewer.get<Posture>(`/api/v1/initiatives/${initiativeId}/posture`);
      return response.body.domains?.flatMap((d) => d.criteria).find((c) => c.id === 'economics.cost_visibility');
    };
    // 3,000 of 4,250.35 from a meter: 70 % attributed — partial.
    await pollUntil(async () => (await costVisibility())?.state === 'partial', { what: 'a partial cost visibility' });
    expect(await costVisibility()).toEqual({ id: 'economics.cost_visibility', state: 'partial', source: 'measured', basis: '71 % of recorded spend attributed from reliable sources' });

    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ id: string }>(`SELECT id FROM cost_tracking.cost_entries WHERE source = 'manual' AND initiative_id = $1`, [initiativeId]);
      await expect(database.query(`UPDATE cost_tracking.cost_entries SET amount = 0 WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
      await expect(database.query(`DELETE FROM cost_tracking.cost_entries WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
      // Entries name their initiative without a foreign key: the initiatives they name are never deleted.
      await expect(database.query(`DELETE FROM cost_tracking.initiatives WHERE id = $1`, [initiativeId])).rejects.toThrow(/never deleted/);
      await expect(database.query(`TRUNCATE cost_tracking.initiatives CASCADE`)).rejects.toThrow(/never deleted/);
      const reversals: string[] = [];
      for (const { id } of rows) {
        const reversal = await finance.post<{ id: string; amount: string; reversesId: string }>(`/api/v1/cost-entries/${id}/reversal`, { reason: 'estimate replaced' });
        expect(reversal.status).toBe(201);
        expect(reversal.body.reversesId).toBe(id);
        reversals.push(reversal.body.id);
      }
      expect((await finance.post(`/api/v1/cost-entries/${rows[0].id}/reversal`, {})).status).toBe(409);
      // A correction is not undone by reversing it: the entry is recorded again instead.
      expect((await finance.post(`/api/v1/cost-entries/${reversals[0]}/reversal`, {})).status).toBe(422);
    } finally {
      await database.end();
    }
    // Only metered spend is left: fully attributed.
    await pollUntil(async () => (await costVisibility())?.state === 'established', { what: 'cost visibility established' });
    const byCategory = await viewer.get<Summary>(`/api/v1/costs/summary?groupBy=category&initiativeId=${initiativeId}`);
    expect(byCategory.body.groups).toEqual([
      { key: 'inference', billedCost: '3000.0000000001', effectiveCost: '3000.0000000001', currency: 'EUR' },
      { key: 'monitoring', billedCost: '0', effectiveCost: '0', currency: 'EUR' },
    ]);
  });

  it('should track budget against actual and raise each threshold once', async () => {
    interface Status { budget: string; actual: string; burn: string; crossed: string[] }
    const budget = { initiativeId, period: '2026-10', category: 'inference', amount: '5000', currency: 'EUR' };
    expect((await viewer.request('PUT', '/api/v1/budgets', { body: budget })).status).toBe(403);
    expect((await finance.request('PUT', '/api/v1/budgets', { body: { ...budget, period: '2026-13' } })).status).toBe(400);
    expect((await finance.request('PUT', '/api/v1/budgets', { body: { ...budget, initiativeId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(422);

    const set = await finance.request<Status>('PUT', '/api/v1/budgets', { body: budget });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ budget: '5000', actual: '3000.0000000001', burn: '0.6', crossed: ['0.5'] });

    await finance.post('/api/v1/cost-entries', entry('1500', { source: 'metered' }));
    await finance.post('/api/v1/cost-entries', entry('10', { source: 'metered' }));
    const listed = await viewer.get<{ items: Status[] }>(`/api/v1/budgets?initiativeId=${initiativeId}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ budget: '5000', actual: '4510.0000000001', burn: '0.902', crossed: ['0.5', '0.8'], otherCurrencies: [] }),
    ]);
    // Spend in another currency is shown beside the budget; without its rate it is not in the burn yet, and counted.
    expect((await finance.post('/api/v1/cost-entries', entry('25.50', { source: 'metered', currency: 'USD' }))).status).toBe(201);
    const withDollars = await viewer.get<{ items: Status[] }>(`/api/v1/budgets?initiativeId=${initiativeId}`);
    expect(withDollars.body.items).toEqual([
      expect.objectContaining({
        actual: '4510.0000000001',
        burn: '0.902',
        otherCurrencies: [{ currency: 'USD', actual: '25.5' }],
        inBudgetCurrency: { actual: '4510.0000000001', entriesAwaitingRate: 1, rate: null },
      }),
    ]);

    // Spend that reaches a threshold exactly crosses it.
    const monitoring = { ...budget, category: 'monitoring', amount: '20', thresholds: ['0.25', '1'] };
    expect((await finance.request<Status>('PUT', '/api/v1/budgets', { body: monitoring })).body).toMatchObject({ actual: '0', crossed: [] });
    await finance.post('/api/v1/cost-entries', entry('5', { source: 'metered', category: 'monitoring' }));
    const exact = await viewer.get<{ items: (Status & { category: string })[] }>(`/api/v1/budgets?initiativeId=${initiativeId}`);
    expect(exact.body.items.find((item) => item.category === 'monitoring')).toMatchObject({ actual: '5', burn: '0.25', crossed: ['0.25'] });

    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ threshold: string }>(
        `SELECT envelope->'payload'->>'threshold' AS threshold FROM cost_tracking.outbox WHERE type = 'budget.threshold_crossed' ORDER BY seq`,
      );
      expect(rows.map((row) => row.threshold)).toEqual(['0.5', '0.8', '0.25']);
    } finally {
      await database.end();
    }
  });

  it('should burn a budget over spend in every currency once it has its rate, crossing thresholds as rates arrive', async () => {
    interface Status { currency: string; category: string; actual: string; burn: string; crossed: string[]; inBudgetCurrency?: unknown }
    const { id, spend } = await budgetedInitiative('Spent abroad', { period: '2026-07', category: 'data', amount: '100' });
    const budgets = async () => (await viewer.get<{ items: Status[] }>(`/api/v1/budgets?initiativeId=${id}`)).body.items;
    const crossings = () =>
      rowsOf(
        `SELECT envelope->'payload'->>'threshold' AS threshold, envelope->'payload'->'status'->>'currency' AS currency,
                envelope->'payload'->'status'->'inBudgetCurrency'->>'actual' AS actual
           FROM cost_tracking.outbox WHERE type = 'budget.threshold_crossed' AND envelope->'payload'->'status'->>'initiativeId' = $1 ORDER BY seq`,
        [id],
      );
    expect((await spend('60')).status).toBe(201);
    const dollars = { ...entry('100', { initiativeId: id, category: 'data', chargeDate: '2026-07-10', currency: 'AUD' }) };
    expect((await finance.post('/api/v1/cost-entries', dollars)).status).toBe(201);
    expect(await budgets()).toEqual([
      expect.objectContaining({ actual: '60', burn: '0.6', crossed: [], inBudgetCurrency: { actual: '60', entriesAwaitingRate: 1, rate: null } }),
    ]);
    // The rate converts the dollars into the reporting currency, which is the budget's: 60 + 100 × 0.5 passes 100.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'AUD', date: '2026-07-10', rate: '0.5' }] })).status).toBe(201);
    expect(await budgets()).toEqual([
      expect.objectContaining({ actual: '60', burn: '1.1', crossed: ['1'], inBudgetCurrency: { actual: '110', entriesAwaitingRate: 0, rate: null } }),
    ]);
    expect(await crossings()).toEqual([{ threshold: '1', currency: 'EUR', actual: '110' }]);

    // A budget in a currency other than the reporting one takes the rest at its currency's rate for the month.
    const inSingaporeDollars = { initiativeId: id, period: '2026-07', category: 'monitoring', amount: '100', currency: 'SGD', thresholds: ['0.5', '1'] };
    expect((await finance.request('PUT', '/api/v1/budgets', { body: inSingaporeDollars })).status).toBe(200);
    expect((await finance.post('/api/v1/cost-entries', entry('30', { initiativeId: id, category: 'monitoring', chargeDate: '2026-07-03' }))).status).toBe(201);
    const monitoring = async () => (await budgets()).find((status) => status.category === 'monitoring');
    // No SGD rate for July or June: its own spend alone, and said.
    expect(await monitoring()).toMatchObject({ currency: 'SGD', actual: '0', burn: '0', crossed: [], inBudgetCurrency: null });
    // June's last rate stands for July while July has none: 30 EUR ÷ 0.6 = 50 SGD.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'SGD', date: '2026-06-30', rate: '0.6' }] })).status).toBe(201);
    expect(await monitoring()).toMatchObject({
      burn: '0.5',
      crossed: ['0.5'],
      inBudgetCurrency: { actual: '50', entriesAwaitingRate: 0, rate: { date: '2026-06-30', rate: '0.6' } },
    });
    // July's own rate replaces it: 30 ÷ 0.5 = 60 SGD; then euros spent pass the budget, crossing at the entry.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'SGD', date: '2026-07-20', rate: '0.5' }] })).status).toBe(201);
    expect(await monitoring()).toMatchObject({ burn: '0.6', inBudgetCurrency: { actual: '60', entriesAwaitingRate: 0, rate: { date: '2026-07-20', rate: '0.5' } } });
    expect((await finance.post('/api/v1/cost-entries', entry('20', { initiativeId: id, category: 'monitoring', chargeDate: '2026-07-21' }))).status).toBe(201);
    expect(await monitoring()).toMatchObject({ burn: '1', crossed: ['0.5', '1'], inBudgetCurrency: { actual: '100' } });
    const raised = [
      { threshold: '1', currency: 'EUR', actual: '110' },
      { threshold: '0.5', currency: 'SGD', actual: '50' },
      { threshold: '1', currency: 'SGD', actual: '100' },
    ];
    expect(await crossings()).toEqual(raised);
    // The month's rate moving day by day takes the burn under 100 % and back: the alert is not raised again for it.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'SGD', date: '2026-07-28', rate: '1' }] })).status).toBe(201);
    expect(await monitoring()).toMatchObject({ burn: '0.5', crossed: ['0.5'] });
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'SGD', date: '2026-07-29', rate: '0.5' }] })).status).toBe(201);
    expect(await monitoring()).toMatchObject({ burn: '1', crossed: ['0.5', '1'] });
    expect(await crossings()).toEqual(raised);
  });

  it('should not round spend a hair under its budget up to a whole burn', async () => {
    const { id, spend } = await budgetedInitiative('Hair under', { period: '2026-08', category: 'other', amount: '1000000' });
    const status = async () => (await viewer.get<{ items: { burn: string; crossed: string[] }[] }>(`/api/v1/budgets?initiativeId=${id}`)).body.items[0];
    // 24 significant digits: at decimal.js's default 20 the quotient rounded to 1.
    expect((await spend('999999.999999999999999999')).status).toBe(201);
    expect(await status()).toMatchObject({ burn: '0.9999', crossed: [] });
    expect((await spend('0.000000000000000001')).status).toBe(201);
    expect(await status()).toMatchObject({ burn: '1', crossed: ['1'] });
  });

  it('should raise a threshold that entries recorded side by side cross together', async () => {
    const { id, spend } = await budgetedInitiative('Side by side', { period: '2026-09', category: 'data', amount: '100' });
    expect((await spend('70')).status).toBe(201);
    // Thirty entries of 1 at once: only all of them together reach 100.
    const responses = await Promise.all(Array.from({ length: 30 }, () => spend('1')));
    expect(responses.map((response) => response.status)).toEqual(Array(30).fill(201));
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ threshold: string }>(
        `SELECT envelope->'payload'->>'threshold' AS threshold FROM cost_tracking.outbox
          WHERE type = 'budget.threshold_crossed' AND envelope->'payload'->'status'->>'initiativeId' = $1`,
        [id],
      );
      expect(rows).toEqual([{ threshold: '1' }]);
    } finally {
      await database.end();
    }
  });

  it('should tell scoring when spend passes its budget: cost visibility drops, measured, with the overrun named', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Overspent', businessUnit: 'Payments', stage: 'production' })).body.id;
    interface Criterion { id: string; state: string; source: string; basis?: string }
    const visibility = async () =>
      (await viewer.get<{ domains: { criteria: Criterion[] }[] }>(`/api/v1/initiatives/${id}/posture`)).body.domains
        ?.flatMap((domain) => domain.criteria)
        .find((criterion) => criterion.id === 'economics.cost_visibility');
    const month = new Date().toISOString().slice(0, 7);
    await pollUntil(async () => ((await finance.post('/api/v1/cost-entries', { ...entry('900', { source: 'metered', chargeDate: `${month}-01` }), initiativeId: id })).status === 201 ? true : undefined), {
      what: 'cost tracking to know the initiative',
    });
    // All of it metered: visible, measured.
    await pollUntil(async () => ((await visibility())?.state === 'established' ? true : undefined), { what: 'cost visibility measured from the ledger' });
    expect((await finance.request('PUT', '/api/v1/budgets', { body: { initiativeId: id, period: month, category: 'inference', amount: '1000', currency: 'EUR' } })).status).toBe(200);
    const over = await finance.post<{ id: string }>('/api/v1/cost-entries', { ...entry('300', { source: 'metered', chargeDate: `${month}-01` }), initiativeId: id });
    expect(over.status).toBe(201);
    const dropped = await pollUntil(async () => {
      const criterion = await visibility();
      return criterion?.state === 'partial' ? criterion : undefined;
    }, { what: 'the overrun to reach scoring' });
    expect(dropped).toMatchObject({ source: 'measured', basis: expect.stringContaining(`inference spend in ${month} at 120 % of its budget`) });

    // The entry was a mistake: reversed, spend is back under budget and the overrun no longer weighs.
    expect((await finance.post(`/api/v1/cost-entries/${over.body.id}/reversal`, { reason: 'typed twice' })).status).toBe(201);
    const restored = await pollUntil(async () => {
      const criterion = await visibility();
      return criterion?.state === 'established' ? criterion : undefined;
    }, { what: 'the correction to reach scoring' });
    expect(restored.basis).not.toContain('of its budget');
    // Crossed again, the threshold is raised again: it had been armed again when spend fell under it.
    expect((await finance.post('/api/v1/cost-entries', { ...entry('300', { source: 'metered', chargeDate: `${month}-02` }), initiativeId: id })).status).toBe(201);
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ threshold: string }>(
        `SELECT envelope->'payload'->>'threshold' AS threshold FROM cost_tracking.outbox
          WHERE type = 'budget.threshold_crossed' AND envelope->'payload'->'status'->>'initiativeId' = $1 ORDER BY seq`,
        [id],
      );
      expect(rows.map((row) => row.threshold)).toEqual(['0.5', '0.8', '1', '1']);
    } finally {
      await database.end();
    }
  });

  it('should replace a budget set again in another currency, alerts and overrun with it, rather than keep both', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Budgeted twice', businessUnit: 'Payments', stage: 'production' })).body.id;
    const month = new Date().toISOString().slice(0, 7);
    await pollUntil(async () => ((await finance.post('/api/v1/cost-entries', { ...entry('900', { source: 'metered', chargeDate: `${month}-01` }), initiativeId: id })).status === 201 ? true : undefined), {
      what: 'cost tracking to know the initiative',
    });
    const budget = (amount: string, currency: string) => finance.request('PUT', '/api/v1/budgets', { body: { initiativeId: id, period: month, category: 'inference', amount, currency } });
    const basis = async () =>
      (await viewer.get<{ domains: { criteria: { id: string; basis?: string }[] }[] }>(`/api/v1/initiatives/${id}/posture`)).body.domains
        ?.flatMap((domain) => domain.criteria)
        .find((criterion) => criterion.id === 'economics.cost_visibility')?.basis ?? '';
    const overrun = `inference spend in ${month} at 180 % of its budget`;
    expect((await budget('500', 'EUR')).status).toBe(200);
    await pollUntil(async () => ((await basis()).includes(overrun) ? true : undefined), { what: 'the overrun to reach scoring' });

    // Set again in dollars: one budget, in dollars, the euros beside it; the euro budget's overrun weighs no more.
    expect((await budget('5000', 'USD')).status).toBe(200);
    const { items } = (await viewer.get<{ items: { currency: string; budget: string; otherCurrencies: unknown[] }[] }>(`/api/v1/budgets?initiativeId=${id}`)).body;
    expect(items).toEqual([expect.objectContaining({ currency: 'USD', budget: '5000', otherCurrencies: [{ currency: 'EUR', actual: '900' }] })]);
    await pollUntil(async () => ((await basis()).includes('of its budget') ? undefined : true), { what: 'the replaced overrun to leave scoring' });
    const committed = await queryDatabase<{ committed: unknown }>(
      context.databaseUrl,
      `SELECT envelope->'payload'->'committed' AS committed FROM cost_tracking.outbox
        WHERE type = 'budget.commitment_changed' AND envelope->'payload'->>'initiativeId' = $1 ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(committed).toEqual([{ committed: [{ currency: 'USD', amount: '5000' }] }]);

    // Back in euros: its burn is told past the replaced one's, so scoring weighs the overrun again.
    expect((await budget('500', 'EUR')).status).toBe(200);
    await pollUntil(async () => ((await basis()).includes(overrun) ? true : undefined), { what: 'the overrun of the euro budget set again' });
  });

  it('should give pilot against production cost per unit over the months with both, null without a denominator, and tell scoring', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Unit costed', businessUnit: 'Insurance', stage: 'production' })).body.id;
    // The three months before this one, so the forecast always reads the last closed months.
    const monthsAgo = (count: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - count, 1)).toISOString().slice(0, 7);
    const [pilotMonth, gapMonth, productionMonth] = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];
    const cost = (chargeDate: string, phase: string, amount: string) => ({ initiativeId: id, chargeDate, category: 'inference', phase, amount, currency: 'EUR', source: 'metered' });
    await pollUntil(async () => ((await engineering.post('/api/v1/cost-entries', cost(`${pilotMonth}-10`, 'pilot', '600.00'))).status === 201 ? true : undefined), {
      what: 'cost tracking to know the initiative',
    });
    expect((await engineering.post('/api/v1/cost-entries', cost(`${productionMonth}-10`, 'production', '3500.00'))).status).toBe(201);
    // A month with cost but no volume does not count: no denominator.
    expect((await engineering.post('/api/v1/cost-entries', cost(`${gapMonth}-10`, 'production', '999.00'))).status).toBe(201);

    const none = await viewer.get<{ items: unknown[] }>(`/api/v1/initiatives/${id}/unit-costs`);
    expect(none.body.items).toEqual([]);
    // An initiative without any cost: every category unknown, not an empty forecast.
    const spendless = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Not yet costed', businessUnit: 'Insurance', stage: 'pilot' })).body.id;
    const unknown = await pollUntil(async () => {
      const response = await viewer.get<{ byCurrency: { currency: string; categories: { status: string }[] }[] }>(`/api/v1/initiatives/${spendless}/forecast`);
      return response.status === 200 ? response.body : undefined;
    }, { what: 'cost tracking to know the initiative' });
    expect(unknown.byCurrency.map((c) => [c.currency, new Set(c.categories.map((category) => category.status))])).toEqual([['EUR', new Set(['unknown'])]]);

    const volume = (period: string, phase: string, value: string) => ({ initiativeId: id, period, phase, metric: 'claims', volume: value });
    expect((await finance.request('PUT', '/api/v1/business-volumes', { body: volume(pilotMonth, 'pilot', '3000') })).status).toBe(200);
    expect((await finance.request('PUT', '/api/v1/business-volumes', { body: volume(productionMonth, 'production', '10000') })).status).toBe(200);
    expect((await finance.request('PUT', '/api/v1/business-volumes', { body: volume(productionMonth, 'production', '0') })).status).toBe(400);
    expect((await viewer.request('PUT', '/api/v1/business-volumes', { body: volume(productionMonth, 'production', '5') })).status).toBe(403);

    const { body } = await viewer.get<{ items: Record<string, unknown>[] }>(`/api/v1/initiatives/${id}/unit-costs`);
    expect(body.items).toEqual([
      {
        initiativeId: id,
        metric: 'claims',
        currency: 'EUR',
        pilot: { cost: '600', volume: '3000', unitCost: '0.2', months: [pilotMonth] },
        production: { cost: '3500', volume: '10000', unitCost: '0.35', months: [productionMonth] },
        productionToPilot: '1.75',
        categoriesWithoutData: ['monitoring', 'support_staffing', 'operating_controls'],
      },
    ]);

    // Ahead: inference along its trend (600 → 999 → 3,500) with a range; no data is "unknown", not zero.
    interface ForecastBody {
      byCurrency: { currency: string; categories: { category: string; status: string; runRate?: string; trendPerMonth?: string; months?: { expected: string; low: string; high: string }[] }[] }[];
      production: { unitCost: string; expected: string; low: string; high: string } | null;
    }
    const forecast = await viewer.get<ForecastBody>(`/api/v1/initiatives/${id}/forecast?months=2&metric=claims&productionVolume=100000`);
    expect(forecast.status).toBe(200);
    const [eur] = forecast.body.byCurrency;
    const inference = eur.categories.find((c) => c.category === 'inference');
    expect(inference).toMatchObject({ status: 'forecast', runRate: '1699.67', trendPerMonth: '1450.00' });
    expect(inference?.months?.[0].expected).toBe('4599.67');
    expect(new Decimal(inference?.months?.[0].low ?? 0).lt('4599.67') && new Decimal(inference?.months?.[0].high ?? 0).gt('4599.67')).toBe(true);
    expect(eur.categories.find((c) => c.category === 'monitoring')).toEqual({ category: 'monitoring', status: 'unknown', reason: 'no cost recorded: economics unknown' });
    expect(forecast.body.production).toMatchObject({ unitCost: '0.2', expected: '20000.00', low: '20000.00', high: '20000.00' });
    expect((await viewer.get(`/api/v1/initiatives/${id}/forecast?metric=claims`)).status).toBe(400);

    const posture = await pollUntil(async () => {
      const { body: view } = await viewer.get<{ patterns: { id: string; detail: string }[] }>(`/api/v1/initiatives/${id}/posture`);
      // Costs arrive before volumes: wait for the figures with both.
      return view.patterns.find((p) => p.id === 'pilot_economics_diverge' && p.detail.includes('per claims'));
    }, { what: 'scoring to see the unit economics' });
    expect(posture.detail).toBe(
      'production costs 0.35 EUR per claims against 0.2 in the pilot (×1.75); no production cost recorded for monitoring, support_staffing, operating_controls: production economics unknown there',
    );
  });

  it('should take a month whose entries were reversed for no data in unit costs and forecasts, not a month of zero', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Reversed pilot', businessUnit: 'Insurance', stage: 'pilot' })).body.id;
    const monthsAgo = (count: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - count, 1)).toISOString().slice(0, 7);
    const [kept, cancelled] = [monthsAgo(3), monthsAgo(2)];
    const record = (month: string, category: string, amount: string, currency: string) =>
      pollUntil(async () => {
        const response = await finance.post<{ id: string }>('/api/v1/cost-entries', { initiativeId: id, chargeDate: `${month}-10`, category, phase: 'pilot', amount, currency });
        return response.status === 201 ? response.body.id : undefined;
      }, { what: 'cost tracking to know the initiative' });
    const reverse = async (entryId: string) => expect((await finance.post(`/api/v1/cost-entries/${entryId}/reversal`, { reason: 'booked in error' })).status).toBe(201);
    await record(kept, 'inference', '600.00', 'EUR');
    await reverse(await record(cancelled, 'inference', '500.00', 'EUR'));
    await reverse(await record(cancelled, 'monitoring', '500.00', 'USD'));
    for (const [period, value] of [[kept, '3000'], [cancelled, '1000']]) {
      const body = { initiativeId: id, period, phase: 'pilot', metric: 'claims', volume: value };
      expect((await finance.request('PUT', '/api/v1/business-volumes', { body })).status).toBe(200);
    }

    // The cancelled month's volume has no cost to share: the pilot costs 600 for 3,000 claims, not for 4,000.
    const { body } = await viewer.get<{ items: { currency: string; pilot: Record<string, unknown> }[] }>(`/api/v1/initiatives/${id}/unit-costs`);
    expect(body.items.map((item) => [item.currency, item.pilot])).toEqual([['EUR', { cost: '600', volume: '3000', unitCost: '0.2', months: [kept] }]]);
    type Categories = { category: string; status: string; runRate?: string; reason?: string }[];
    const forecast = await viewer.get<{ byCurrency: { currency: string; categories: Categories }[]; production: Record<string, string> | null }>(
      `/api/v1/initiatives/${id}/forecast?months=1&metric=claims&productionVolume=100000`,
    );
    expect(forecast.body.production).toMatchObject({ unitCost: '0.2', expected: '20000.00', low: '20000.00' });
    const usd = forecast.body.byCurrency.find((c) => c.currency === 'USD');
    expect(usd?.categories.find((c) => c.category === 'monitoring')).toEqual({ category: 'monitoring', status: 'unknown', reason: 'no cost recorded: economics unknown' });
    // Monitoring was spent in dollars only: the euro block points there rather than calling it unknown.
    const eur = forecast.body.byCurrency.find((c) => c.currency === 'EUR');
    expect(eur?.categories.find((c) => c.category === 'monitoring')).toEqual({ category: 'monitoring', status: 'unknown', reason: 'no cost recorded in EUR: forecast in USD' });
    // Nothing to project for no volume, and no threshold crossed before anything is spent: both refused.
    expect((await viewer.get(`/api/v1/initiatives/${id}/forecast?metric=claims&productionVolume=0`)).status).toBe(400);
    const budget = { initiativeId: id, period: kept, category: 'inference', amount: '1000', currency: 'EUR', thresholds: ['0', '1'] };
    expect((await finance.request('PUT', '/api/v1/budgets', { body: budget })).status).toBe(400);
  });

  it('should give spend in several currencies one unit cost in the reporting currency, waiting for rates until they come, and tell scoring', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Paid in two currencies', businessUnit: 'Insurance', stage: 'production' })).body.id;
    const monthsAgo = (count: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - count, 1)).toISOString().slice(0, 7);
    const [pilotMonth, productionMonth] = [monthsAgo(3), monthsAgo(1)];
    const cost = (month: string, phase: string, category: string, amount: string, currency: string) =>
      ({ initiativeId: id, chargeDate: `${month}-12`, category, phase, amount, currency, source: 'metered' });
    // The pilot paid in krónur only; production in krónur and euros (support staff).
    await pollUntil(async () => ((await engineering.post('/api/v1/cost-entries', cost(pilotMonth, 'pilot', 'inference', '10000', 'ISK'))).status === 201 ? true : undefined), {
      what: 'cost tracking to know the initiative',
    });
    expect((await engineering.post('/api/v1/cost-entries', cost(productionMonth, 'production', 'inference', '20000', 'ISK'))).status).toBe(201);
    expect((await engineering.post('/api/v1/cost-entries', cost(productionMonth, 'production', 'support_staffing', '300', 'EUR'))).status).toBe(201);
    for (const [period, phase] of [[pilotMonth, 'pilot'], [productionMonth, 'production']]) {
      expect((await finance.request('PUT', '/api/v1/business-volumes', { body: { initiativeId: id, period, phase, metric: 'claims', volume: '100' } })).status).toBe(200);
    }
    type Unit = { currency: string; inReportingCurrency?: boolean; pilot: { unitCost: string | null; unconvertedEntries?: number }; production: { cost: string; unitCost: string | null; unconvertedEntries?: number }; productionToPilot: string | null };
    const unitCosts = async () => (await viewer.get<{ items: Unit[] }>(`/api/v1/initiatives/${id}/unit-costs`)).body.items;
    // Neither currency's share over the whole volume: one figure in euros, which waits for the krónur's rates.
    expect(await unitCosts()).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        inReportingCurrency: true,
        pilot: expect.objectContaining({ unitCost: null, unconvertedEntries: 1 }),
        production: expect.objectContaining({ unitCost: null, unconvertedEntries: 1 }),
        productionToPilot: null,
      }),
    ]);
    const rates = [pilotMonth, productionMonth].map((month) => ({ currency: 'ISK', date: `${month}-12`, rate: '0.0065' }));
    expect((await finance.post('/api/v1/fx-rates', { rates })).status).toBe(201);
    // 10,000 ISK = 65 EUR for 100 claims; 20,000 ISK = 130 EUR + 300 EUR for 100 claims.
    const [converted] = await pollUntil(async () => {
      const items = await unitCosts();
      return items[0]?.production.unitCost !== null ? items : undefined;
    }, { what: 'the unit costs converted' });
    expect(converted).toMatchObject({ currency: 'EUR', inReportingCurrency: true, pilot: { unitCost: '0.65' }, production: { cost: '430', unitCost: '4.3' }, productionToPilot: '6.6154' });
    const forecast = await viewer.get<{ production: Record<string, string> | null }>(`/api/v1/initiatives/${id}/forecast?metric=claims&productionVolume=1000`);
    expect(forecast.body.production).toMatchObject({ currency: 'EUR', unitCost: '0.65', expected: '650.00' });
    // The rates' arrival, not a new entry, tells scoring.
    const pattern = await pollUntil(async () => {
      const { body } = await viewer.get<{ patterns: { id: string; detail: string }[] }>(`/api/v1/initiatives/${id}/posture`);
      return body.patterns.find((p) => p.id === 'pilot_economics_diverge' && p.detail.includes('per claims'));
    }, { what: 'scoring to see the converted unit economics' });
    expect(pattern.detail).toContain('production costs 4.3 EUR per claims against 0.65 in the pilot (×6.6154)');
  });

  it("should name business units asked for beyond the committee's scope envelope, and take it back when the request narrows", async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const committee = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'chair', ['committee']));
    const registered = await pmo.post<{ id: string }>('/api/v1/initiatives', {
      name: 'Spreading',
      businessUnit: 'Payments',
      stage: 'scaling',
      requestedScope: { businessUnits: ['Payments', 'Wholesale'], users: 100 },
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id;
    const scopeEnvelope = { businessUnits: ['payments'], users: 250, monthlySpendCap: '1000.00', currency: 'EUR' };
    expect((await committee.post(`/api/v1/initiatives/${id}/decisions`, { decision: 'controlled_investment', rationale: 'Payments first.', scopeEnvelope })).status).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const beyond = async () => {
      const { body } = await viewer.get<{ patterns: { id: string; detail: string }[] }>(`/api/v1/initiatives/${id}/posture`);
      return body.patterns.find((p) => p.id === 'governance_lags_deployment' && p.detail.includes('business units'));
    };
    const breach = await pollUntil(beyond, { what: 'scoring to see the business unit beyond the envelope' });
    expect(breach.detail).toBe(`the rollout goes beyond its authorized scope envelope: it asks for "Wholesale", beyond the business units the committee authorized on ${today} ("payments")`);

    const { headers } = await viewer.get(`/api/v1/initiatives/${id}`);
    const narrowed = await pmo.request('PATCH', `/api/v1/initiatives/${id}`, { body: { requestedScope: { businessUnits: ['Payments'] } }, headers: { 'if-match': String(headers.get('etag')) } });
    expect(narrowed.status).toBe(200);
    await pollUntil(async () => ((await beyond()) ? undefined : true), { what: 'the breach to leave with the narrower request' });
  });

  it("should name spend past the monthly cap of the committee's scope envelope, and take it back when a correction brings the month within it", async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const committee = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'chair', ['committee']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Capped', businessUnit: 'Payments', stage: 'scaling' })).body.id;
    const decision = {
      decision: 'controlled_investment',
      rationale: 'Payments only, within a monthly cap, until support staffing is confirmed.',
      scopeEnvelope: { businessUnits: ['Payments'], users: 250, monthlySpendCap: '1000.00', currency: 'EUR' },
    };
    // One day throughout (the decision's day, named in the breach, too), should the test run across midnight.
    const today = new Date().toISOString().slice(0, 10);
    expect((await committee.post(`/api/v1/initiatives/${id}/decisions`, decision)).status).toBe(201);
    const month = today.slice(0, 7);
    const spend = (amount: string, currency = 'EUR') => ({ initiativeId: id, chargeDate: today, category: 'inference', phase: 'production', amount, currency });
    await pollUntil(async () => ((await finance.post('/api/v1/cost-entries', spend('600.00'))).status === 201 ? true : undefined), { what: 'cost tracking to know the initiative' });
    // Spend in another currency counts against a cap in the reporting currency once it has its rate; until then, what is known.
    expect((await finance.post('/api/v1/cost-entries', spend('5000.00', 'NZD'))).status).toBe(201);
    // Entries dated in the months ahead do not hide this one.
    for (let ahead = 1; ahead <= 3; ahead++) {
      const day = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + ahead, 5)).toISOString().slice(0, 10);
      expect((await finance.post('/api/v1/cost-entries', { ...spend('1.00'), chargeDate: day })).status).toBe(201);
    }
    const second = await finance.post<{ id: string }>('/api/v1/cost-entries', spend('400.01'));
    expect(second.status).toBe(201);

    const envelopePattern = async () => {
      const { body } = await viewer.get<{ patterns: { id: string; detail: string }[] }>(`/api/v1/initiatives/${id}/posture`);
      return body.patterns.find((p) => p.id === 'governance_lags_deployment' && p.detail.includes('scope envelope'));
    };
    const breach = await pollUntil(envelopePattern, { what: 'scoring to see the spend past the cap' });
    expect(breach.detail).toBe(
      `the rollout goes beyond its authorized scope envelope: it spent at least 1000.01 EUR (1000.01 EUR + 5000 NZD, so far: some entries wait for their rate) in ${month}, beyond the monthly cap of 1000 EUR the committee set on ${today}`,
    );

    expect((await finance.post(`/api/v1/cost-entries/${second.body.id}/reversal`, { reason: 'charged twice' })).status).toBe(201);
    await pollUntil(async () => ((await envelopePattern()) ? undefined : true), { what: 'scoring to see the month back within the cap' });

    // The New Zealand dollars' rate arrives: 600 EUR and 5000 NZD at 0.1 pass the cap, with no new entry.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'NZD', date: today, rate: '0.1' }] })).status).toBe(201);
    const converted = await pollUntil(envelopePattern, { what: 'scoring to see the converted spend past the cap' });
    expect(converted.detail).toBe(
      `the rollout goes beyond its authorized scope envelope: it spent 1100 EUR (600 EUR + 5000 NZD, at each day's rate) in ${month}, beyond the monthly cap of 1000 EUR the committee set on ${today}`,
    );
  });

  it("should hold a cap in another currency against the month's spend at that currency's latest rate in the month", async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const committee = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'chair', ['committee']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Capped in pounds', businessUnit: 'Payments', stage: 'scaling' })).body.id;
    const today = new Date().toISOString().slice(0, 10);
    const decision = {
      decision: 'controlled_investment',
      rationale: 'Payments only, within a monthly cap in pounds.',
      scopeEnvelope: { businessUnits: ['Payments'], users: 250, monthlySpendCap: '1000', currency: 'GBP' },
    };
    expect((await committee.post(`/api/v1/initiatives/${id}/decisions`, decision)).status).toBe(201);
    // The month's first day (the decision's month), then its second: neither is ahead of the month.
    const month = today.slice(0, 7);
    const [first, second] = [`${month}-01`, `${month}-02`];
    const spend = (amount: string, currency: string) => ({ initiativeId: id, chargeDate: first, category: 'inference', phase: 'production', amount, currency });
    await pollUntil(async () => ((await finance.post('/api/v1/cost-entries', spend('600', 'EUR'))).status === 201 ? true : undefined), { what: 'cost tracking to know the initiative' });
    expect((await finance.post('/api/v1/cost-entries', spend('300', 'GBP'))).status).toBe(201);

    const envelopePattern = async () => {
      const { body } = await viewer.get<{ patterns: { id: string; detail: string }[] }>(`/api/v1/initiatives/${id}/posture`);
      return body.patterns.find((p) => p.id === 'governance_lags_deployment' && p.detail.includes('scope envelope'));
    };
    // 300 GBP and 600 EUR at 0.5 make 1500 GBP, past the cap: the rate says so, with no new entry.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'GBP', date: first, rate: '0.5' }] })).status).toBe(201);
    const expected = `the rollout goes beyond its authorized scope envelope: it spent 1500 GBP (300 GBP + 600 EUR, the rest at each day's rate and the GBP rate of ${first}) in ${month}, beyond the monthly cap of 1000 GBP the committee set on ${today}`;
    // The rates and the converted figures reach scoring apart: what it names on the way may differ.
    await pollUntil(async () => ((await envelopePattern())?.detail === expected ? true : undefined), { what: 'scoring to hold the cap in pounds against the converted spend' });
    // A later rate in the month (2) brings the euros to 300 GBP: 600 GBP in all, within the cap.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'GBP', date: second, rate: '2' }] })).status).toBe(201);
    await pollUntil(async () => ((await envelopePattern()) ? undefined : true), { what: "scoring to hold the cap at the month's latest rate" });
  });

  it('should tell scoring the whole ledger when entries for one initiative are recorded side by side', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const committee = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'chair', ['committee']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Side by side', businessUnit: 'Payments', stage: 'scaling' })).body.id;
    const scopeEnvelope = { businessUnits: ['Payments'], users: 1000, monthlySpendCap: '75', currency: 'EUR' };
    expect((await committee.post(`/api/v1/initiatives/${id}/decisions`, { decision: 'controlled_investment', rationale: 'Capped.', scopeEnvelope })).status).toBe(201);
    const spend = { initiativeId: id, chargeDate: new Date().toISOString().slice(0, 10), category: 'inference', phase: 'production', amount: '10', currency: 'EUR' };
    await pollUntil(async () => ((await finance.post('/api/v1/cost-entries', spend)).status === 201 ? true : undefined), { what: 'cost tracking to know the initiative' });
    let entries = 1;
    // Each burst's entries compute the initiative's figures at once; the figures scoring keeps must count them all.
    for (let burst = 1; burst <= 4; burst++) {
      const statuses = await Promise.all(Array.from({ length: 8 }, () => finance.post('/api/v1/cost-entries', spend).then((r) => r.status)));
      expect(statuses).toEqual(Array(8).fill(201));
      entries += 8;
      const spent = `it spent ${entries * 10} EUR in`;
      await pollUntil(async () => {
        const { body } = await viewer.get<{ patterns: { id: string; detail: string }[] }>(`/api/v1/initiatives/${id}/posture`);
        return body.patterns.some((p) => p.detail.includes(spent)) ? true : undefined;
      }, { what: `scoring to see all ${entries} entries` });
    }
  });

  it('should show capital committed ahead of readiness, and the conditions holding back the most of it', async () => {
    interface Readiness {
      capitalAheadOfReadiness: { currency: string; amount: string; initiatives: number }[];
      conditionsByCapital: { condition: string; currency: string; amount: string; initiatives: number }[];
    }
    const eurAhead = async () => (await viewer.get<Readiness>('/api/v1/portfolio/readiness')).body.capitalAheadOfReadiness.find((c) => c.currency === 'EUR')?.amount ?? '0';
    const before = await eurAhead();
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Budgeted ahead', businessUnit: 'Retail Banking' })).body.id;
    const budget = (period: string, amount: string) => ({ initiativeId: id, period, category: 'inference', amount, currency: 'EUR' });
    await pollUntil(async () => ((await finance.request('PUT', '/api/v1/budgets', { body: budget('2026-11', '12000.50') })).status === 200 ? true : undefined), {
      what: 'cost tracking to know the initiative',
    });
    expect((await finance.request('PUT', '/api/v1/budgets', { body: budget('2026-12', '7999.50') })).status).toBe(200);

    // The paused initiative's 20,000.00 is capital committed ahead of readiness.
    const expected = new Exact(before).plus('20000.00');
    await pollUntil(async () => (new Exact(await eurAhead()).equals(expected) ? true : undefined), { what: 'the commitment in readiness' });
    const { body } = await viewer.get<Readiness>('/api/v1/portfolio/readiness');
    const approval = body.conditionsByCapital.find((c) => c.currency === 'EUR' && c.condition.startsWith('assign an approval_authority owner'));
    expect(new Decimal(approval?.amount ?? '0').greaterThanOrEqualTo('20000')).toBe(true);
  });

  it('should keep the newer commitment when another replica applies an older one at the same time', async () => {
    const { id } = await budgetedInitiative('Committed twice', { period: '2026-11', category: 'inference', amount: '100' });
    const commitments = () => rowsOf<{ currency: string; amount: string; version: string }>(
      `SELECT currency, amount::text AS amount, version::text AS version FROM scoring.commitments WHERE initiative_id = $1 ORDER BY currency`,
      [id],
    );
    await pollUntil(async () => ((await commitments()).length > 0 ? true : undefined), { what: 'scoring to keep the first commitment' });

    // Another replica applies a newer version (in dollars) and has not committed yet.
    const key = `scoring.commitments:${id}`;
    const replica = new Client({ connectionString: context.databaseUrl });
    await replica.connect();
    try {
      await replica.query('BEGIN');
      await replica.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
      await replica.query('DELETE FROM scoring.commitments WHERE initiative_id = $1', [id]);
      await replica.query(`INSERT INTO scoring.commitments (initiative_id, currency, amount, version) VALUES ($1, 'USD', 1, 9000000000000)`, [id]);

      // Meanwhile the scoring service takes an older version (in euros): it must wait for the replica, then leave it be.
      expect((await finance.request('PUT', '/api/v1/budgets', { body: { initiativeId: id, period: '2026-12', category: 'inference', amount: '50', currency: 'EUR' } })).status).toBe(200);
      const event = await pollUntil(async () => {
        const [row] = await rowsOf<{ id: string; committed: { amount: string }[] }>(
          `SELECT id, envelope->'payload'->'committed' AS committed FROM cost_tracking.outbox
            WHERE type = 'budget.commitment_changed' AND envelope->'payload'->>'initiativeId' = $1 ORDER BY seq DESC LIMIT 1`,
          [id],
        );
        return row?.committed[0]?.amount === '150' ? row.id : undefined;
      }, { what: 'the commitment of 150 EUR to be announced' });
      await pollUntil(
        async () => {
          const [waiting] = await rowsOf<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
              WHERE locktype = 'advisory' AND NOT granted AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
            [key],
          );
          return waiting && waiting.n > 0 ? true : undefined;
        },
        { what: 'scoring to wait for the replica' },
      );
      await replica.query('COMMIT');
      await pollUntil(async () => ((await rowsOf(`SELECT 1 FROM scoring.inbox WHERE event_id = $1`, [event])).length > 0 ? true : undefined), {
        what: 'scoring to apply the older commitment',
      });
    } finally {
      await replica.end();
    }
    expect(await commitments()).toEqual([{ currency: 'USD', amount: '1.000000000000000000', version: '9000000000000' }]);
  });

  it('should record an entry once when the gateway lost its record of the first answer', async () => {
    const key = `ledger-crash-${Date.now()}`;
    const body = entry('77.7700000001', { reference: key });
    const first = await pollUntil(async () => {
      const response = await finance.post<{ id: string }>('/api/v1/cost-entries', body, { 'idempotency-key': key });
      return response.status === 201 ? response : undefined;
    });
    await forgetAnswer(key);
    const retried = await finance.post<{ id: string }>('/api/v1/cost-entries', body, { 'idempotency-key': key });
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    expect(await rowsOf(`SELECT count(*)::text AS n FROM cost_tracking.cost_entries WHERE reference = $1`, [key])).toEqual([{ n: '1' }]);
  });

  it('should charge token usage once when the gateway lost its record of the first answer', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Metered once', businessUnit: 'Service', stage: 'production' })).body.id;
    const model = 'capstan-retried-1';
    expect((await finance.post(`/api/v1/token-prices/${model}`, { effectiveFrom: '2026-10-01', currency: 'USD', inputPer1k: '0.003', outputPer1k: '0.015' })).status).toBe(201);
    const key = `usage-crash-${Date.now()}`;
    const body = { initiativeId: id, model, date: '2026-10-12', inputTokens: 40_000, outputTokens: 2_000, reference: key };
    const first = await pollUntil(async () => {
      const response = await engineering.post<{ id: string; entryId: string; amount: string }>('/api/v1/token-usage', body, { 'idempotency-key': key });
      return response.status === 201 ? response : undefined;
    }, { what: 'cost tracking to know the initiative' });
    expect(first.body.amount).toBe('0.15');
    await forgetAnswer(key);
    const retried = await engineering.post<{ id: string; entryId: string; amount: string }>('/api/v1/token-usage', body, { 'idempotency-key': key });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const counts = await rowsOf(
      `SELECT (SELECT count(*) FROM cost_tracking.token_usage WHERE reference = $1)::text AS usage,
              (SELECT count(*) FROM cost_tracking.cost_entries WHERE initiative_id = $2)::text AS entries`,
      [key, id],
    );
    expect(counts).toEqual([{ usage: '1', entries: '1' }]);
    // Its charge reversed by hand meanwhile (the meter sent it twice), a retry is answered as first, and charges nothing.
    expect((await finance.post(`/api/v1/cost-entries/${first.body.entryId}/reversal`, { reason: 'sent twice' })).status).toBe(201);
    await forgetAnswer(key);
    const afterReversal = await engineering.post<{ id: string; entryId: string; amount: string }>('/api/v1/token-usage', body, { 'idempotency-key': key });
    expect([afterReversal.status, afterReversal.body]).toEqual([201, first.body]);
    expect(await rowsOf(`SELECT count(*)::text AS n FROM cost_tracking.cost_entries WHERE initiative_id = $1`, [id])).toEqual([{ n: '2' }]);
  });

  it('should convert each entry at its charge date\'s rate once, keep it when later rates come, and list what has no rate yet', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Converted', businessUnit: 'Treasury', stage: 'production' })).body.id;
    type Reporting = { groups: { key: string; billedCost: string; effectiveCost: string; currency: string }[]; unconverted: { currency: string; entries: number; billedCost: string }[] };
    const reporting = async () => (await viewer.get<Reporting>(`/api/v1/costs/summary?groupBy=initiative&initiativeId=${id}&reporting=true`)).body;
    const record = (amount: string, currency: string, chargeDate: string) =>
      pollUntil(async () => {
        const response = await finance.post<{ id: string }>('/api/v1/cost-entries', { ...entry(amount, { currency, chargeDate }), initiativeId: id });
        return response.status === 201 ? response.body.id : undefined;
      }, { what: 'cost tracking to know the initiative' });

    await record('10.005', 'EUR', '2026-10-15');
    const dollars = await record('100.00', 'USD', '2026-10-18'); // a Sunday: Friday's rate applies once Monday's shows it had none
    await record('20.00', 'GBP', '2026-10-16');
    expect(await reporting()).toEqual({
      groups: [{ key: id, billedCost: '10.005', effectiveCost: '10.005', currency: 'EUR' }],
      unconverted: [
        { currency: 'GBP', entries: 1, billedCost: '20' },
        { currency: 'USD', entries: 1, billedCost: '100' },
      ],
    });

    const recorded = await finance.post<{ recorded: number; unchanged: number; entriesConverted: number; reportingCurrency: string }>('/api/v1/fx-rates', {
      rates: [
        { currency: 'USD', date: '2026-10-16', rate: '0.923100000001', source: 'ECB' },
        { currency: 'GBP', date: '2026-10-16', rate: '1.15' },
      ],
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ reportingCurrency: 'EUR', recorded: 2, unchanged: 0, conversionPending: false });
    expect(recorded.body.entriesConverted).toBeGreaterThanOrEqual(1);
    // The Sunday's dollars wait: nothing shows yet that the day has no rate of its own to come.
    expect(await reporting()).toEqual({
      groups: [{ key: id, billedCost: '33.005', effectiveCost: '33.005', currency: 'EUR' }],
      unconverted: [{ currency: 'USD', entries: 1, billedCost: '100' }],
    });

    // Monday's rate shows the Sunday had none: its dollars take Friday's. 10.005 + 100 × 0.923100000001 + 20 × 1.15, exactly.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-19', rate: '0.5' }] })).status).toBe(201);
    expect(await reporting()).toEqual({ groups: [{ key: id, billedCost: '125.3150000001', effectiveCost: '125.3150000001', currency: 'EUR' }], unconverted: [] });
    // A later rate prices later entries; history keeps the rate it was converted at.
    await record('10.00', 'USD', '2026-10-19');
    expect((await reporting()).groups[0].billedCost).toBe('130.3150000001');
    // A day's rate never changes; sending it again is harmless.
    const changed = await finance.post<{ detail: string }>('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-16', rate: '0.95' }] });
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toContain('application/problem+json');
    expect((await finance.post<{ unchanged: number }>('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-16', rate: '0.923100000001' }] })).body.unchanged).toBe(1);
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'EUR', date: '2026-10-16', rate: '1' }] })).status).toBe(400);
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-16', rate: 0.9 }] })).status).toBe(400);
    expect((await viewer.post('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-20', rate: '0.9' }] })).status).toBe(403);

    // The Sunday's own rate arrives after its entry took Friday's: refused, Friday's is the Sunday's rate now.
    const late = await finance.post<{ detail: string }>('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-18', rate: '0.95' }] });
    expect([late.status, late.body.detail]).toEqual([409, expect.stringContaining('USD entries of 2026-10-18 were converted at the rate of 2026-10-16 already')]);
    // Nor a Saturday's: the Sunday would fall back to it, and its dollars yet to come would take another rate than those converted.
    const between = await finance.post<{ detail: string }>('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-17', rate: '0.95' }] });
    expect([between.status, between.body.detail]).toEqual([
      409,
      expect.stringContaining('USD entries of 2026-10-18, a day that would fall back to this rate, were converted at the rate of 2026-10-16 already'),
    ]);
    expect((await reporting()).groups[0].billedCost).toBe('130.3150000001');
    // A reversal takes the conversion of the entry it reverses, not its day's rate now: the pair nets to zero.
    expect((await finance.post(`/api/v1/cost-entries/${dollars}/reversal`, { reason: 'duplicate invoice' })).status).toBe(201);
    expect((await reporting()).groups[0].billedCost).toBe('38.005');
    const rates = await viewer.get<{ reportingCurrency: string; items: { currency: string; date: string; rate: string }[] }>('/api/v1/fx-rates?currency=USD');
    expect(rates.body.items.map((rate) => [rate.date, rate.rate])).toEqual([
      ['2026-10-16', '0.923100000001'],
      ['2026-10-19', '0.5'],
    ]);
    // The latest day of each currency: what the economics page lists.
    const latest = await viewer.get<{ items: { currency: string; date: string; rate: string }[] }>('/api/v1/fx-rates?latest=true');
    expect(latest.body.items.filter((rate) => rate.currency === 'USD').map((rate) => [rate.date, rate.rate])).toEqual([['2026-10-19', '0.5']]);
    expect(new Set(latest.body.items.map((rate) => rate.currency)).size).toBe(latest.body.items.length);

    // More rates than one list answers: refused with what to narrow, rather than cut short without a word.
    const days = (first: number, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.UTC(2001, 0, first + i)).toISOString().slice(0, 10));
    expect((await finance.post('/api/v1/fx-rates', { rates: days(1, 5_000).map((date) => ({ currency: 'NOK', date, rate: '0.085' })) })).status).toBe(201);
    expect((await viewer.get<{ items: unknown[] }>('/api/v1/fx-rates?currency=NOK')).body.items).toHaveLength(5_000);
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'SEK', date: '2001-01-01', rate: '0.087' }] })).status).toBe(201);
    const tooMany = await viewer.get<{ detail: string }>('/api/v1/fx-rates');
    expect([tooMany.status, tooMany.body.detail]).toEqual([422, 'More than 5000 rates match: ask for one currency or a shorter range']);
    expect((await viewer.get<{ items: unknown[] }>('/api/v1/fx-rates?from=2001-01-01&to=2001-01-01')).body.items).toHaveLength(2);
  });

  it('should weigh spend in several currencies in the reporting currency for cost visibility, not by the weakest currency', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Two currencies', businessUnit: 'Treasury', stage: 'production' })).body.id;
    // 1,000 CAD metered at the day's 0.5 (500 EUR, attributed) beside a 50 EUR estimate: 500 of 550, 91 % attributed, not 0 %.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'CAD', date: '2026-10-19', rate: '0.5' }] })).status).toBe(201);
    const record = (body: Record<string, unknown>) => finance.post('/api/v1/cost-entries', { initiativeId: id, chargeDate: '2026-10-19', category: 'inference', phase: 'production', ...body });
    await pollUntil(async () => ((await record({ amount: '1000', currency: 'CAD', source: 'metered' })).status === 201 ? true : undefined), { what: 'cost tracking to know the initiative' });
    expect((await record({ amount: '50', currency: 'EUR' })).status).toBe(201);
    const criterion = await pollUntil(async () => {
      const { body } = await viewer.get<{ domains?: { criteria: { id: string; state: string; basis?: string }[] }[] }>(`/api/v1/initiatives/${id}/posture`);
      const found = body.domains?.flatMap((d) => d.criteria).find((c) => c.id === 'economics.cost_visibility');
      // The first entry alone is all attributed; then the estimate arrives.
      return found?.basis?.includes('%') && !found.basis.startsWith('100 %') ? found : undefined;
    }, { what: 'cost visibility measured with both entries' });
    expect(criterion).toMatchObject({ state: 'established', basis: '91 % of recorded spend attributed from reliable sources' });
  });

  it('should weigh a rate recorded after the entries in cost visibility at once, and measure nothing once the entries net to nothing', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Rates come late', businessUnit: 'Treasury', stage: 'production' })).body.id;
    const record = (body: Record<string, unknown>) =>
      finance.post<{ id: string }>('/api/v1/cost-entries', { initiativeId: id, chargeDate: '2026-09-15', category: 'inference', phase: 'production', ...body });
    const metered = await pollUntil(async () => {
      const response = await record({ amount: '1000', currency: 'DKK', source: 'metered' });
      return response.status === 201 ? response.body.id : undefined;
    }, { what: 'cost tracking to know the initiative' });
    const estimate = await record({ amount: '50', currency: 'EUR' });
    expect(estimate.status).toBe(201);
    const costVisibility = async () => {
      const { body } = await viewer.get<{ domains?: { criteria: { id: string; state: string; source: string; basis?: string }[] }[] }>(`/api/v1/initiatives/${id}/posture`);
      return body.domains?.flatMap((d) => d.criteria).find((c) => c.id === 'economics.cost_visibility');
    };
    // No DKK rate yet: the weaker currency decides, the EUR estimate none attributed.
    await pollUntil(async () => ((await costVisibility())?.basis?.startsWith('0 %') ? true : undefined), { what: 'cost visibility of the weaker currency' });

    // The rate alone, with no entry after it, moves the figure: 134 EUR metered of 184, 73 %.
    expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'DKK', date: '2026-09-15', rate: '0.134' }] })).status).toBe(201);
    const weighed = await pollUntil(async () => {
      const found = await costVisibility();
      return found?.basis?.startsWith('0 %') ? undefined : found;
    }, { what: 'cost visibility weighed in the reporting currency' });
    expect(weighed).toMatchObject({ state: 'partial', source: 'measured', basis: '73 % of recorded spend attributed from reliable sources' });

    // Both entries reversed: nothing is spent, so nothing is measured; the criterion is back to its evidence (none).
    for (const entryId of [metered, estimate.body.id]) {
      expect((await finance.post(`/api/v1/cost-entries/${entryId}/reversal`, { reason: 'recorded against the wrong initiative' })).status).toBe(201);
    }
    const unmeasured = await pollUntil(async () => {
      const found = await costVisibility();
      return found?.source === 'measured' ? undefined : found;
    }, { what: 'cost visibility no longer measured' });
    expect(unmeasured).toMatchObject({ state: 'absent', source: 'missing' });
  });

  it('should convert the largest entry the ledger takes at the largest rate it takes, exactly, and refuse a token price whose charges it could not hold', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Extremes', businessUnit: 'Treasury', stage: 'production' })).body.id;
    const largest = '99999999999999999999.999999999999999999';
    await pollUntil(async () => (await finance.post('/api/v1/cost-entries', { ...entry(largest, { currency: 'CHF', chargeDate: '2026-03-02' }), initiativeId: id })).status === 201, {
      what: 'cost tracking to know the initiative',
    });
    // Once an entry this large was recorded, its currency's rate of the day could no longer be (a numeric overflow converting it).
    const rated = await finance.post<{ entriesConverted: number }>('/api/v1/fx-rates', { rates: [{ currency: 'CHF', date: '2026-03-02', rate: '999999999999.999999999999' }] });
    expect(rated.status).toBe(201);
    expect(rated.body.entriesConverted).toBe(1);
    const reporting = await viewer.get<{ groups: { billedCost: string }[] }>(`/api/v1/costs/summary?groupBy=initiative&initiativeId=${id}&reporting=true`);
    expect(reporting.body.groups[0].billedCost).toBe(new Exact(largest).times('999999999999.999999999999').toDecimalPlaces(18, Decimal.ROUND_HALF_UP).toFixed());

    // A trillion tokens at the dearest price would cost more than an entry holds: such a price is refused up front.
    const dearest = await finance.post<{ errors: { field: string }[] }>('/api/v1/token-prices/extreme-model', { effectiveFrom: '2026-03-01', currency: 'USD', inputPer1k: '999999999999', outputPer1k: '1' });
    expect(dearest.status).toBe(400);
    expect(dearest.body.errors.map((error) => error.field)).toEqual(['inputPer1k']);
    expect((await finance.post('/api/v1/token-prices/extreme-model', { effectiveFrom: '2026-03-01', currency: 'USD', inputPer1k: '99999999.999999999999', outputPer1k: '99999999', cachedPer1k: '99999999' })).status).toBe(201);
    // Two budgets as large as one may be: scoring keeps their sum whole, more than one budget holds.
    const eurAhead = async () =>
      (await viewer.get<{ capitalAheadOfReadiness: { currency: string; amount: string }[] }>('/api/v1/portfolio/readiness')).body.capitalAheadOfReadiness.find((c) => c.currency === 'EUR')?.amount ?? '0';
    const before = await eurAhead();
    const largestBudget = '99999999999999999999.9999999999';
    for (const period of ['2026-03', '2026-04']) {
      expect((await finance.request('PUT', '/api/v1/budgets', { body: { initiativeId: id, period, category: 'inference', amount: largestBudget, currency: 'EUR' } })).status).toBe(200);
    }
    const expected = new Exact(before).plus(new Exact(largestBudget).times(2));
    await pollUntil(async () => (new Exact(await eurAhead()).equals(expected) ? true : undefined), { what: 'both budgets in the capital committed ahead of readiness' });

    const most = 1_000_000_000_000;
    const usage = await engineering.post<{ amount: string }>('/api/v1/token-usage', { initiativeId: id, model: 'extreme-model', date: '2026-03-02', phase: 'production', inputTokens: most, outputTokens: most, cachedTokens: most });
    expect(usage.status).toBe(201);
    expect(usage.body.amount).toBe(new Exact('99999999.999999999999').plus('99999999').plus('99999999').times(most).dividedBy(1000).toFixed());
  });

  it('should price token usage at the price effective on its date, never re-price history unless asked, and then say what changed', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Metered', businessUnit: 'Service', stage: 'production' })).body.id;
    const model = 'capstan-llm-1';
    const spend = async () => (await viewer.get<{ groups: { billedCost: string; currency: string }[] }>(`/api/v1/costs/summary?groupBy=initiative&initiativeId=${id}`)).body.groups;
    const usage = (date: string, inputTokens: number, outputTokens: number, cachedTokens = 0) =>
      engineering.post<{ id: string; amount: string; currency: string; priceId: string; detail?: string }>('/api/v1/token-usage', { initiativeId: id, model, date, inputTokens, outputTokens, cachedTokens });

    const unpriced = await pollUntil(async () => {
      const response = await usage('2026-10-10', 1000, 500);
      return response.status === 422 && response.body.detail?.includes('No price') ? response : undefined;
    }, { what: 'cost tracking to know the initiative' });
    expect(unpriced.status).toBe(422);
    const price = (effectiveFrom: string, inputPer1k: string, outputPer1k: string, cachedPer1k: string) =>
      finance.post(`/api/v1/token-prices/${model}`, { effectiveFrom, currency: 'USD', inputPer1k, outputPer1k, cachedPer1k });
    expect((await price('2026-10-01', '0.0025', '0.01', '0.00125')).status).toBe(201);

    const first = await usage('2026-10-10', 12_345, 6_789, 1_000);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: '0.1000025', currency: 'USD' });
    expect((await price('2026-10-15', '0.002', '0.008', '0.001')).status).toBe(201);
    expect((await price('2026-10-15', '0.003', '0.008', '0.001')).status).toBe(409);
    expect((await usage('2026-10-20', 1_000, 1_000)).body.amount).toBe('0.01');
    expect(await spend()).toEqual([expect.objectContaining({ billedCost: '0.1100025', currency: 'USD' })]);

    // A price backdated to 2026-10-05 applies to the first usage now — but only when re-pricing is asked for.
    expect((await price('2026-10-05', '0.002', '0.008', '0.001')).status).toBe(201);
    expect(await spend()).toEqual([expect.objectContaining({ billedCost: '0.1100025' })]);
    const repriced = await finance.post<{ changes: { usageId: string; from: string; to: string; difference: string }[]; unchanged: number }>(
      `/api/v1/token-prices/${model}/repricing`,
      { from: '2026-10-01', to: '2026-10-31' },
    );
    expect(repriced.status).toBe(201);
    expect(repriced.body).toEqual({
      model,
      changes: [{ usageId: first.body.id, date: '2026-10-10', from: '0.1000025', fromCurrency: 'USD', to: '0.080002', difference: '-0.0200005', currency: 'USD' }],
      unchanged: 1,
    });
    expect(await spend()).toEqual([expect.objectContaining({ billedCost: '0.090002' })]);
    expect((await finance.post<{ changes: unknown[]; unchanged: number }>(`/api/v1/token-prices/${model}/repricing`, { from: '2026-10-01', to: '2026-10-31' })).body).toMatchObject({ changes: [], unchanged: 2 });
    const prices = await viewer.get<{ items: { effectiveFrom: string }[] }>(`/api/v1/token-prices/${model}`);
    expect(prices.body.items.map((item) => item.effectiveFrom)).toEqual(['2026-10-01', '2026-10-05', '2026-10-15']);
    // A price applies from its first day: usage on that day is priced by it, and re-pricing that day changes nothing.
    expect((await price('2026-10-25', '0.004', '0.016', '0.002')).status).toBe(201);
    expect((await usage('2026-10-25', 1_000, 1_000)).body.amount).toBe('0.02');
    expect((await finance.post<{ changes: unknown[]; unchanged: number }>(`/api/v1/token-prices/${model}/repricing`, { from: '2026-10-25', to: '2026-10-25' })).body).toMatchObject({ changes: [], unchanged: 1 });
    // A charge reversed by hand leaves its usage uncharged: re-pricing passes it by. A price in another currency gives no difference.
    const [duplicate, later] = [await usage('2026-10-26', 1_000, 1_000), await usage('2026-10-27', 1_000, 1_000)];
    const duplicateEntry = (duplicate.body as { entryId?: string }).entryId;
    expect((await finance.post(`/api/v1/cost-entries/${duplicateEntry}/reversal`, { reason: 'meter sent it twice' })).status).toBe(201);
    expect((await finance.post(`/api/v1/token-prices/${model}`, { effectiveFrom: '2026-10-26', currency: 'EUR', inputPer1k: '0.003', outputPer1k: '0.012' })).status).toBe(201);
    const acrossCurrencies = await finance.post<{ changes: unknown[]; unchanged: number }>(`/api/v1/token-prices/${model}/repricing`, { from: '2026-10-25', to: '2026-10-31' });
    expect(acrossCurrencies.status).toBe(201);
    expect(acrossCurrencies.body).toEqual({
      model,
      changes: [{ usageId: later.body.id, date: '2026-10-27', from: '0.02', fromCurrency: 'USD', to: '0.015', difference: null, currency: 'EUR' }],
      unchanged: 1,
    });
    expect((await engineering.post('/api/v1/token-usage', { initiativeId: id, model, date: '2026-10-20', inputTokens: 1.5, outputTokens: 0 })).status).toBe(400);
    expect((await viewer.post(`/api/v1/token-prices/${model}`, { effectiveFrom: '2026-11-01', currency: 'USD', inputPer1k: '1', outputPer1k: '1' })).status).toBe(403);
  });

  it('should announce a threshold a re-pricing leaves crossed no second time, and re-arm one it takes spend back under', async () => {
    const model = 'capstan-llm-budgeted';
    const { id } = await budgetedInitiative('Re-priced under budget', { period: '2026-09', category: 'inference', amount: '1' });
    expect((await finance.request('PUT', '/api/v1/budgets', { body: { initiativeId: id, period: '2026-09', category: 'inference', amount: '1', currency: 'USD', thresholds: ['0.5', '1'] } })).status).toBe(200);
    // Finance names the model in capitals, the meter in lower case: one model.
    const price = (effectiveFrom: string, inputPer1k: string) => finance.post(`/api/v1/token-prices/${model.toUpperCase()}`, { effectiveFrom, currency: 'USD', inputPer1k, outputPer1k: '0' });
    expect((await price('2026-09-01', '1')).status).toBe(201);
    expect((await engineering.post('/api/v1/token-usage', { initiativeId: id, model, date: '2026-09-10', inputTokens: 1_000, outputTokens: 0 })).status).toBe(201);
    const crossings = async () =>
      (
        await rowsOf<{ threshold: string }>(
          `SELECT envelope->'payload'->>'threshold' AS threshold FROM cost_tracking.outbox
            WHERE type = 'budget.threshold_crossed' AND envelope->'payload'->'status'->>'initiativeId' = $1 ORDER BY seq`,
          [id],
        )
      ).map((row) => row.threshold);
    expect(await crossings()).toEqual(['0.5', '1']);
    // 0.99 for the same usage: still past half the budget (no second announcement), no longer past all of it.
    expect((await price('2026-09-05', '0.99')).status).toBe(201);
    const repriced = await finance.post<{ changes: unknown[] }>(`/api/v1/token-prices/Capstan-LLM-Budgeted/repricing`, { from: '2026-09-01', to: '2026-09-30' });
    expect([repriced.status, repriced.body.changes.length]).toEqual([201, 1]);
    expect(await crossings()).toEqual(['0.5', '1']);
    const budget = (await viewer.get<{ items: { currency: string; burn: string; crossed: string[] }[] }>(`/api/v1/budgets?initiativeId=${id}`)).body.items;
    expect(budget).toEqual([expect.objectContaining({ currency: 'USD', burn: '0.99', crossed: ['0.5'] })]);
    // Back at 1: the re-armed threshold is announced again, once.
    expect((await price('2026-09-06', '1')).status).toBe(201);
    expect((await finance.post(`/api/v1/token-prices/${model}/repricing`, { from: '2026-09-01', to: '2026-09-30' })).status).toBe(201);
    expect(await crossings()).toEqual(['0.5', '1', '1']);
  });

  it('should re-price while charges are reversed by hand, answering each request, none lost to a deadlock', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Metered and corrected', businessUnit: 'Service', stage: 'production' })).body.id;
    const model = 'capstan-llm-contended';
    expect((await finance.post(`/api/v1/token-prices/${model}`, { effectiveFrom: '2026-09-01', currency: 'USD', inputPer1k: '0.002', outputPer1k: '0.008' })).status).toBe(201);
    const charged: string[] = [];
    for (let day = 1; day <= 16; day++) {
      const date = `2026-09-${String(day + 1).padStart(2, '0')}`;
      const usage = await pollUntil(async () => {
        const response = await engineering.post<{ entryId: string }>('/api/v1/token-usage', { initiativeId: id, model, date, inputTokens: 1000, outputTokens: 1000 });
        return response.status === 201 ? response.body : undefined;
      }, { what: 'cost tracking to know the initiative' });
      charged.push(usage.entryId);
    }
    // Re-pricing takes the charges and their initiative; a reversal takes the initiative and its entry's charge.
    const repricing = () => finance.post(`/api/v1/token-prices/${model}/repricing`, { from: '2026-09-01', to: '2026-09-30' });
    const requests = charged.flatMap((entryId, k) => [
      finance.post(`/api/v1/cost-entries/${entryId}/reversal`, { reason: 'meter sent it twice' }),
      ...(k % 4 === 0 ? [repricing()] : []),
    ]);
    expect((await Promise.all(requests)).map((response) => response.status)).toEqual(requests.map(() => 201));
    const { groups } = (await viewer.get<{ groups: { billedCost: string }[] }>(`/api/v1/costs/summary?groupBy=initiative&initiativeId=${id}`)).body;
    expect(groups.map((group) => new Decimal(group.billedCost).isZero())).toEqual([true]);
  });
});
