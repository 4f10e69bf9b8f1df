import { resolve } from 'node:path';
import { ApiClient, makeAllocationRule, pollUntil, queryDatabase, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

interface Conversion {
  currency: string | null;
  from: string | null;
  through: string | null;
  stage: string;
  entriesConverted: number;
  progress: number | null;
  lastError: string | null;
}

const ROWS = 2_000;

/**
 * Entries waiting for a rate are converted by a job after the answer, here with no time given to the request and
 * two entries per slice, so that the job is caught half done.
 */
describe('conversions at rates recorded after the entries', () => {
  let context: TestSystem;
  let finance: ApiClient;
  let viewer: ApiClient;
  let initiativeId: string;

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'), { COST_CONVERSION_INLINE_MS: '0', COST_CONVERSION_SLICE: '2', COST_CONVERSION_INTERVAL_MS: '200' });
    const base = new ApiClient(context.system.gatewayUrl);
    finance = base.withToken(await tokenFor(context.jwtSecret, ['finance']));
    viewer = base.withToken(await tokenFor(context.jwtSecret, ['viewer']));
    const pmo = base.withToken(await tokenFor(context.jwtSecret, ['pmo']));
    initiativeId = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Priced in kroner', businessUnit: 'Nordics', stage: 'production' })).body.id;
  });

  afterAll(async () => {
    await context?.teardown();
  });

  const rows = <T>(sql: string, params: unknown[] = []) => queryDatabase<T>(context.databaseUrl, sql, params);

  const costVisibility = async () => {
    const { body } = await viewer.get<{ domains?: { criteria: { id: string; state: string; basis?: string }[] }[] }>(`/api/v1/initiatives/${initiativeId}/posture`);
    return body.domains?.flatMap((d) => d.criteria).find((c) => c.id === 'economics.cost_visibility');
  };
  const conversions = async () => (await viewer.get<{ items: Conversion[] }>('/api/v1/fx-rates/conversions')).body.items;
  /** The initiative's kroner entries and their conversions to `reporting`: entries, conversions, distinct entries converted. */
  const converted = async (reporting: string) =>
    (
      await rows<{ entries: number; conversions: number; distinct: number }>(
        `SELECT count(DISTINCT e.id)::int AS entries, count(c.entry_id)::int AS conversions, count(DISTINCT c.entry_id)::int AS distinct
           FROM cost_tracking.cost_entries e LEFT JOIN cost_tracking.entry_conversions c ON c.entry_id = e.id AND c.reporting_currency = $2
          WHERE e.initiative_id = $1 AND e.currency = 'DKK'`,
        [initiativeId, reporting],
      )
    )[0];

  it('should convert the entries waiting for a rate after the answer, slice by slice, resume after a crash, convert none twice and then move cost visibility', async () => {
    await makeAllocationRule(finance, { name: 'Kroner batch', priority: 1, match: { subAccountId: 'kroner-batch' }, target: { kind: 'initiative', initiativeId } });
    const csv = ['ChargePeriodStart,BilledCost,EffectiveCost,BillingCurrency,ServiceCategory,SubAccountId'];
    for (let i = 0; i < ROWS; i++) csv.push('2026-09-15T00:00:00Z,0.50,0.50,DKK,Compute,kroner-batch');
    const started = await finance.request<{ id: string }>('POST', '/api/v1/cost-imports?format=focus', { rawBody: csv.join('\n'), headers: { 'content-type': 'text/csv' } });
    expect(started.status).toBe(202);
    const imported = await pollUntil(async () => {
      const { body } = await viewer.get<{ status: string; rowsImported: number }>(`/api/v1/cost-imports/${started.body.id}`);
      return body.status === 'completed' || body.status === 'failed' ? body : undefined;
    }, { timeoutMs: 120_000, what: 'the import' });
    expect(imported).toMatchObject({ status: 'completed', rowsImported: ROWS });
    const estimate = { initiativeId, amount: '50', currency: 'EUR', chargeDate: '2026-09-15', category: 'inference', phase: 'production' };
    expect((await finance.post('/api/v1/cost-entries', estimate)).status).toBe(201);
    // No kroner rate yet: the weaker currency decides.
    await pollUntil(async () => ((await costVisibility())?.basis?.startsWith('0 %') ? true : undefined), { what: 'cost visibility of the weaker currency' });

    // The look over the ledger each start makes is done (on a loaded machine it can reach the rows imported since): the kroner's job is the one under way.
    await pollUntil(async () => ((await conversions()).length === 0 ? true : undefined), { timeoutMs: 60_000, what: "the start's look over the ledger to finish" });
    const recorded = await finance.post<{ recorded: number; conversionPending: boolean }>('/api/v1/fx-rates', { rates: [{ currency: 'DKK', date: '2026-09-15', rate: '0.134' }] });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ reportingCurrency: 'EUR', recorded: 1, unchanged: 0, conversionPending: true });
    const underway = (await conversions()).find((conversion) => conversion.currency === 'DKK');
    expect(underway).toMatchObject({ currency: 'DKK', from: '2026-09-15', through: '2026-09-21', lastError: null });
    expect(['finding', 'converting']).toContain(underway?.stage);

    // A crash mid-way keeps every slice committed, with its count, and nothing of the one it was in.
    // (The first start's look over the ledger may itself have found rows, on a loaded machine: only the restart's counts below.)
    const [{ before }] = await rows<{ before: string }>(`SELECT coalesce(max(id), 0)::text AS before FROM cost_tracking.rate_conversions WHERE currency IS NULL`);
    await context.system.stop('cost-tracking', 'SIGKILL');
    const [midway] = await rows<{ finished_at: Date | null; entries_converted: number }>(
      `SELECT finished_at, entries_converted::int FROM cost_tracking.rate_conversions WHERE currency = 'DKK'`,
    );
    expect(midway.finished_at).toBeNull();
    expect(midway.entries_converted).toBeLessThan(ROWS);
    expect((await converted('EUR')).conversions).toBe(midway.entries_converted);

    context.system.start('cost-tracking');
    await pollUntil(async () => ((await conversions()).length === 0 ? true : undefined), { timeoutMs: 180_000, intervalMs: 500, what: 'the conversion to finish' });
    expect(await converted('EUR')).toEqual({ entries: ROWS, conversions: ROWS, distinct: ROWS });
    expect(await rows(`SELECT entries_converted::int AS n FROM cost_tracking.rate_conversions WHERE currency = 'DKK'`)).toEqual([{ n: ROWS }]);
    const reporting = await viewer.get<{ groups: { billedCost: string }[]; unconverted: unknown[] }>(`/api/v1/costs/summary?groupBy=initiative&initiativeId=${initiativeId}&reporting=true`);
    // 2,000 × 0.50 DKK at 0.134, and the 50 EUR estimate.
    expect(reporting.body).toMatchObject({ groups: [{ billedCost: '184' }], unconverted: [] });
    // Nothing recorded since the rate, yet the figure moved: 134 EUR attributed of 184.
    const weighed = await pollUntil(async () => {
      const found = await costVisibility();
      return found?.basis?.startsWith('0 %') ? undefined : found;
    }, { what: 'cost visibility weighed in the reporting currency' });
    expect(weighed?.basis).toBe('73 % of recorded spend attributed from reliable sources');
    // Started again with the same reporting currency, the service looked over the entries since its last start, found
    // them converted, and published nobody's figures again.
    expect(await rows(`SELECT republish_all, entries_converted::int AS converted FROM cost_tracking.rate_conversions WHERE currency IS NULL AND id > $1`, [before])).toEqual([
      { republish_all: false, converted: 0 },
    ]);
  });

  it('should show why a conversion failed, try it again later, and go on with the others meanwhile', async () => {
    const record = (currency: string, amount: string) =>
      finance.post('/api/v1/cost-entries', { initiativeId, amount, currency, chargeDate: '2026-10-05', category: 'inference', phase: 'production' });
    expect((await record('SEK', '100')).status).toBe(201);
    expect((await record('NOK', '100')).status).toBe(201);
    try {
      // Converting kronor fails until the fault is taken away (a database refusing, as a stand-in for any failure).
      await rows(`CREATE OR REPLACE FUNCTION cost_tracking.refuse_kronor() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT currency FROM cost_tracking.cost_entries WHERE id = NEW.entry_id) = 'SEK' THEN RAISE EXCEPTION 'kronor refused for the test'; END IF;
          RETURN NEW;
        END $$`);
      await rows(`CREATE TRIGGER refuse_kronor BEFORE INSERT ON cost_tracking.entry_conversions FOR EACH ROW EXECUTE FUNCTION cost_tracking.refuse_kronor()`);
      const rates = [{ currency: 'SEK', date: '2026-10-05', rate: '0.087' }, { currency: 'NOK', date: '2026-10-05', rate: '0.085' }];
      expect((await finance.post('/api/v1/fx-rates', { rates })).status).toBe(201);
      const [failing] = await pollUntil(async () => {
        const listed = await conversions();
        return listed.length === 1 && listed[0].lastError ? listed : undefined;
      }, { what: 'the kroner conversion done and the kronor one failed' });
      expect(failing).toMatchObject({ currency: 'SEK', lastError: expect.stringContaining('kronor refused for the test') });
      const [nok] = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM cost_tracking.entry_conversions c JOIN cost_tracking.cost_entries e ON e.id = c.entry_id WHERE e.currency = 'NOK'`,
      );
      expect(nok.n).toBe(1);
    } finally {
      await rows(`DROP TRIGGER IF EXISTS refuse_kronor ON cost_tracking.entry_conversions`);
      await rows(`DROP FUNCTION IF EXISTS cost_tracking.refuse_kronor()`);
    }
    await pollUntil(async () => ((await conversions()).length === 0 ? true : undefined), { timeoutMs: 60_000, what: 'the kronor conversion tried again' });
    const [sek] = await rows<{ amount: string }>(
      `SELECT c.amount::text FROM cost_tracking.entry_conversions c JOIN cost_tracking.cost_entries e ON e.id = c.entry_id WHERE e.currency = 'SEK'`,
    );
    expect(sek.amount).toBe('8.700000000000000000');
  });

  it('should convert the ledger to a new reporting currency in the background and publish the figures in it', async () => {
    // An initiative spending only in a currency without rates: none of its entries converts, yet its figures change currency.
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const unpriced = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Priced in dollars', businessUnit: 'Americas', stage: 'production' })).body.id;
    const dollars = { initiativeId: unpriced, amount: '70', currency: 'USD', chargeDate: '2026-09-15', category: 'inference', phase: 'production' };
    await pollUntil(async () => ((await finance.post('/api/v1/cost-entries', dollars)).status === 201 ? true : undefined), { what: 'cost tracking to know the initiative' });
    const reportingSpendOf = async (id: string) =>
      (await rows<{ spend: { currency: string }[] | null }>(`SELECT inputs->'recentReportingSpend' AS spend FROM scoring.subjects WHERE initiative_id = $1`, [id]))[0]?.spend;
    await pollUntil(async () => ((await reportingSpendOf(unpriced))?.[0]?.currency === 'EUR' ? true : undefined), { what: 'scoring to hold the spend in EUR' });

    await context.system.stop('cost-tracking');
    context.system.start('cost-tracking', { COST_REPORTING_CURRENCY: 'DKK' });
    await pollUntil(
      async () => {
        const [job] = await rows<{ finished_at: Date | null }>(`SELECT finished_at FROM cost_tracking.rate_conversions WHERE reporting_currency = 'DKK' AND currency IS NULL`);
        return job?.finished_at ? true : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 500, what: 'the ledger converted to DKK' },
    );
    expect(await converted('DKK')).toEqual({ entries: ROWS, conversions: ROWS, distinct: ROWS });
    expect(await rows(`SELECT first_seq::int AS first, republish_all FROM cost_tracking.rate_conversions WHERE currency IS NULL AND reporting_currency = 'DKK'`)).toEqual([
      { first: 1, republish_all: true },
    ]);
    // Scoring holds the months' spend in the new reporting currency: September's kroner at 1, the euro estimate waiting for its rate.
    const inDkk = (id: string) =>
      pollUntil(
        async () => {
          const spend = await reportingSpendOf(id);
          return spend?.[0]?.currency === 'DKK' ? spend : undefined;
        },
        { what: 'scoring to hold the spend in DKK' },
      );
    // October's kronor and kroner wait for their rates into DKK.
    expect(await inDkk(initiativeId)).toEqual([
      { period: '2026-09', currency: 'DKK', amount: '1000', complete: false },
      { period: '2026-10', currency: 'DKK', amount: '0', complete: false },
    ]);
    expect(await inDkk(unpriced)).toEqual([{ period: '2026-09', currency: 'DKK', amount: '0', complete: false }]);

    // Back to EUR: what was recorded under DKK is converted to EUR too.
    const recorded = await finance.post<{ id: string }>('/api/v1/cost-entries', { ...dollars, amount: '10', currency: 'EUR' });
    expect(recorded.status).toBe(201);
    await context.system.stop('cost-tracking');
    context.system.start('cost-tracking');
    const toEur = await pollUntil(
      async () => {
        const [conversion] = await rows<{ amount: string }>(`SELECT amount::text FROM cost_tracking.entry_conversions WHERE entry_id = $1 AND reporting_currency = 'EUR'`, [
          recorded.body.id,
        ]);
        return conversion;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: 'the entry recorded under DKK converted to EUR' },
    );
    expect(toEur.amount).toBe('10.000000000000000000');
  });

  it('should tell scoring each month\'s latest rate as rates are recorded, and those recorded before an upgrade at its first start', async () => {
    const monthRates = () =>
      rows<{ currency: string; month: string; date: string; rate: string }>(
        `SELECT trim(currency) AS currency, month, rate_date::text AS date, rate::text AS rate FROM scoring.month_rates WHERE reporting_currency = 'EUR' ORDER BY currency, month`,
      );
    const told = await pollUntil(async () => {
      const known = await monthRates();
      return known.length >= 3 ? known : undefined;
    }, { what: 'scoring to know the month rates recorded so far' });
    expect(told).toEqual(
      expect.arrayContaining([
        { currency: 'DKK', month: '2026-09', date: '2026-09-15', rate: '0.134000000000' },
        { currency: 'NOK', month: '2026-10', date: '2026-10-05', rate: '0.085000000000' },
        { currency: 'SEK', month: '2026-10', date: '2026-10-05', rate: '0.087000000000' },
      ]),
    );
    // As before the upgrade: scoring holds no month rate, and cost tracking has told it none.
    await rows(`DELETE FROM scoring.month_rates`);
    await rows(`UPDATE cost_tracking.conversion_backfills SET month_rates_told_at = NULL`);
    const toldEvents = async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM cost_tracking.outbox WHERE type = 'fx.month_rates_recorded'`))[0].n;
    const before = await toldEvents();
    await context.system.stop('cost-tracking');
    context.system.start('cost-tracking');
    const retold = await pollUntil(async () => {
      const known = await monthRates();
      return known.length === told.length ? known : undefined;
    }, { timeoutMs: 120_000, what: 'scoring told the month rates again after the start' });
    expect(retold).toEqual(told);
    expect(await toldEvents()).toBe(before + 1);
  });

  describe('an entry whose day has no rate yet', () => {
    let dated: string;
    type Reporting = { groups: { billedCost: string }[]; unconverted: { currency: string; entries: number; billedCost: string }[] };
    /** The initiative's spend in the reporting currency once no conversion is under way. */
    const reportingOnceConverted = async () => {
      await pollUntil(async () => ((await conversions()).length === 0 ? true : undefined), { what: 'the conversions to finish' });
      return (await viewer.get<Reporting>(`/api/v1/costs/summary?groupBy=initiative&initiativeId=${dated}&reporting=true`)).body;
    };
    const record = async (amount: string, chargeDate: string) =>
      pollUntil(async () => {
        const response = await finance.post('/api/v1/cost-entries', { initiativeId: dated, amount, currency: 'USD', chargeDate, category: 'inference', phase: 'production' });
        return response.status === 201 ? true : undefined;
      }, { what: 'cost tracking to know the initiative' });
    const rate = async (date: string, value: string) => expect((await finance.post('/api/v1/fx-rates', { rates: [{ currency: 'USD', date, rate: value }] })).status).toBe(201);

    beforeAll(async () => {
      const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
      dated = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Priced day by day', businessUnit: 'Americas', stage: 'production' })).body.id;
    });

    it("should wait for the day's own rate rather than take the day before's, and convert at it when it comes", async () => {
      await record('100', '2026-10-16');
      await rate('2026-10-15', '0.90');
      // The day before's rate arrived, and the conversion it started is done: the entry still waits, its own rate may come.
      expect(await reportingOnceConverted()).toEqual({ groups: [], unconverted: [{ currency: 'USD', entries: 1, billedCost: '100' }] });
      await rate('2026-10-16', '0.95');
      expect(await reportingOnceConverted()).toEqual({ groups: [expect.objectContaining({ billedCost: '95', currency: 'EUR' })], unconverted: [] });
    });

    it("should take Friday's rate for a Saturday once Monday's shows the Saturday had none, and keep it", async () => {
      await rate('2026-10-23', '0.92'); // a Friday
      await record('100', '2026-10-24');
      expect((await reportingOnceConverted()).unconverted).toEqual([{ currency: 'USD', entries: 1, billedCost: '100' }]);
      await rate('2026-10-26', '0.97'); // the Monday
      // 95 from before, and 100 × 0.92.
      expect(await reportingOnceConverted()).toEqual({ groups: [expect.objectContaining({ billedCost: '187' })], unconverted: [] });
      // A Sunday recorded now converts at once at Friday's rate. A rate sent late for the Saturday is refused: its entry
      // was converted at Friday's, and another Saturday entry converting at a rate of its own would split the day in two.
      await record('10', '2026-10-25');
      const late = await finance.post<{ detail: string }>('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2026-10-24', rate: '0.5' }] });
      expect(late.status).toBe(409);
      expect(late.body.detail).toContain('USD entries of 2026-10-24 were converted at the rate of 2026-10-23 already');
      // Nor is a rate dated in years to come (a slip of the year): it would show every day before it to have none.
      const ahead = await finance.post<{ errors: { field: string }[] }>('/api/v1/fx-rates', { rates: [{ currency: 'USD', date: '2062-10-27', rate: '0.97' }] });
      expect([ahead.status, ahead.body.errors.map((error) => error.field)]).toEqual([400, ['rates.date']]);
      await record('20', '2026-10-24');
      expect(await reportingOnceConverted()).toEqual({ groups: [expect.objectContaining({ billedCost: '214.6' })], unconverted: [] });
    });
  });
});
