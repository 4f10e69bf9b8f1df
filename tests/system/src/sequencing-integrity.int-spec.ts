import { resolve } from 'node:path';
import type { PlanDiffView, PlanView } from '@capstan/contracts';
import { ApiClient, pollUntil, queryDatabase, recomputedDraft, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';
import { backdatePlan, thisMonday, weeksFrom } from './sequencing-weeks';

interface ProblemBody {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

interface ScenarioBody {
  id: string;
  basePlanId: string;
  planId: string;
}

interface Contention {
  initiativeId: string;
  planVersion: number;
  contests: number;
  contestsLost: number;
  weeksLost: number;
  rivals: string[];
}

const POOL = 'deployment-engineering';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** What sequencing keeps true of its plans: no week gone by planned or published, links and pools that exist, promoted what-ifs as approved, contention that goes back to zero. */
describe('sequencing integrity through the API', () => {
  let context: TestSystem;
  let pmo: ApiClient;
  const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const keys: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  // Each holds the whole pool for 8 weeks; a, the most valuable, goes first.
  const rollouts = {
    a: { value: '1000000', waves: [{ key: 'w1', name: 'First', durationWeeks: 8, demand: { [POOL]: 2 }, withinControlledScope: true }] },
    b: { value: '1000', waves: [{ key: 'w1', name: 'First', durationWeeks: 8, demand: { [POOL]: 2 }, withinControlledScope: true }] },
    c: { value: '10', waves: [{ key: 'w1', name: 'First', durationWeeks: 1, withinControlledScope: true }] },
  };

  const publish = (id: string) => pmo.post<ProblemBody & PlanView>(`/api/v1/plans/${id}/publish`, {});
  const plan = async (id: string) => (await pmo.get<PlanView>(`/api/v1/plans/${id}`)).body;
  const waveOf = (of: PlanView, id: string) => of.waves.find((w) => w.initiativeId === id && w.wave === 'w1');
  const query = <T>(sql: string, params: unknown[] = []) => queryDatabase<T>(context.databaseUrl, sql, params);
  const planCount = async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM sequencing.plans`))[0].n;
  const latestDraft = async () => (await pmo.get<{ items: { id: string }[] }>('/api/v1/plans?kind=draft&limit=1')).body.items[0].id;

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'));
    pmo = new ApiClient(context.system.gatewayUrl).withToken(await tokenFor(context.jwtSecret, ['pmo']));
    expect((await pmo.request('PUT', `/api/v1/capacity-pools/${POOL}`, { body: { name: 'Deployment engineering', capacityPerWeek: 2 } })).status).toBe(200);
    for (const name of ['a', 'b', 'c'] as const) {
      const created = await pmo.post<{ id: string; key: string }>('/api/v1/initiatives', { name: `integrity ${name}`, businessUnit: 'Retail' });
      ids[name] = created.body.id;
      keys[name] = created.body.key;
      // Controlled investment, their waves in scope: planned rather than held.
      for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
        expect((await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/owners/${responsibility}`, { body: { person: 'Ana', team: 'Ops' } })).status).toBe(200);
      }
      for (const criterion of ['governance.approval_pathways', 'economics.cost_visibility']) {
        expect((await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'PMO' } })).status).toBe(200);
      }
      await pollUntil(async () => ((await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/rollout`, { body: rollouts[name] })).status === 200 ? true : undefined), {
        what: `sequencing to know initiative ${name}`,
      });
    }
    // Every posture heard and every change taken before the first plan, so no draft is recomputed behind the tests' backs.
    await pollUntil(async () => {
      const [{ planned, pending }] = await query<{ planned: number; pending: number }>(
        `SELECT (SELECT count(*)::int FROM sequencing.initiatives WHERE id = ANY($1::uuid[]) AND posture = 'controlled_investment') AS planned,
                (SELECT count(*)::int FROM sequencing.draft_changes) AS pending`,
        [Object.values(ids)],
      );
      return planned === 3 && pending === 0 ? true : undefined;
    }, { what: 'sequencing to hear every posture' });
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should refuse to compute a plan from a week gone by, and to publish a draft that starts in one', async () => {
    const before = await planCount();
    const lastWeek = weeksFrom(thisMonday(), -1);
    const past = await pmo.post<ProblemBody>('/api/v1/plans', { startDate: lastWeek });
    expect(past.status).toBe(422);
    expect(past.headers.get('content-type')).toContain('application/problem+json');
    expect(past.body.errors?.map((e) => e.field)).toEqual(['startDate']);
    expect(past.body.detail).toContain(thisMonday());
    expect(await planCount()).toBe(before);

    // A draft of this week, left unpublished until the weeks went by (time passes in the database).
    const draft = await pmo.post<PlanView>('/api/v1/plans', { startDate: thisMonday() });
    expect(draft.status).toBe(201);
    await backdatePlan(context.databaseUrl, draft.body.id, 6);
    const refused = await publish(draft.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`starts ${weeksFrom(thisMonday(), -6)}, before this week`);
    expect((await pmo.get('/api/v1/plans/current')).status).toBe(404);
  });

  it('should plan a what-if on a plan published weeks ago from this week, against a baseline of the same inputs, and promote it as it is', async () => {
    const monday = thisMonday();
    // Searched for longer than a rebased what-if may search (half the cap).
    const computed = (await pmo.post<PlanView>('/api/v1/plans', { timeLimitMs: 45_000 })).body;
    expect(waveOf(computed, ids.a)).toMatchObject({ start: monday });
    expect(waveOf(computed, ids.b)).toMatchObject({ start: weeksFrom(monday, 8) });
    expect((await publish(computed.id)).status).toBe(200);
    // Published six weeks ago: a has run 6 of its 8 weeks, b waits 2 more.
    await backdatePlan(context.databaseUrl, computed.id, 6);

    const scenario = await pmo.post<ScenarioBody>('/api/v1/scenarios', { name: 'what if b came first', changes: [{ kind: 'priority', initiativeId: ids.b, priority: 100 }] });
    expect(scenario.status).toBe(201);
    const whatIf = await plan(scenario.body.planId);
    expect(whatIf.startDate).toBe(monday);
    // a is running: b's priority cannot push it back into weeks gone by, nor later.
    expect(waveOf(whatIf, ids.a)).toMatchObject({ start: monday, underwaySince: weeksFrom(monday, -6) });
    expect(waveOf(whatIf, ids.b)).toMatchObject({ start: weeksFrom(monday, 2) });
    // Compared with the same inputs without the change (not with the plan of six weeks ago): nothing moves.
    expect(scenario.body.basePlanId).not.toBe(computed.id);
    const baseline = await plan(scenario.body.basePlanId);
    expect(baseline.startDate).toBe(monday);
    expect(waveOf(baseline, ids.b)).toMatchObject({ start: weeksFrom(monday, 2) });
    const { diff } = (await pmo.get<{ diff: PlanDiffView }>(`/api/v1/scenarios/${scenario.body.id}/diff`)).body;
    expect(diff.moved).toEqual([]);

    const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {});
    expect(promoted.status).toBe(201);
    expect(promoted.body).toMatchObject({ kind: 'draft', startDate: monday, waves: whatIf.waves });
    // The what-if searched for half the cap; the drafts after the promoted one search as long as before it.
    const searchTimes = await query<{ id: string; ms: number }>(`SELECT id, (options->>'timeLimitMs')::int AS ms FROM sequencing.plans WHERE id = ANY($1::uuid[])`, [
      [scenario.body.planId, promoted.body.id],
    ]);
    expect(Object.fromEntries(searchTimes.map((p) => [p.id, p.ms]))).toEqual({ [scenario.body.planId]: 30_000, [promoted.body.id]: 45_000 });
    expect((await publish(promoted.body.id)).body.version).toBe(2);
  });

  it('should make the promoted draft the what-if plan itself, not a plan computed again', async () => {
    const scenario = await pmo.post<ScenarioBody>('/api/v1/scenarios', { name: 'what if c came first', changes: [{ kind: 'priority', initiativeId: ids.c, priority: 90 }] });
    expect(scenario.status).toBe(201);
    const whatIf = await plan(scenario.body.planId);
    const { diff } = (await pmo.get<{ diff: PlanDiffView }>(`/api/v1/scenarios/${scenario.body.id}/diff`)).body;
    const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {});
    expect(promoted.status).toBe(201);
    // The search stops on a time cap: computed again, a plan may differ (its stats always do).
    const planned = ({ startDate, horizonWeeks, seed, objective, waves, held, warnings, stats, contestCount }: PlanView) => ({
      startDate,
      horizonWeeks,
      seed,
      objective,
      waves,
      held,
      warnings,
      stats,
      contestCount,
    });
    expect(planned(promoted.body)).toEqual(planned(whatIf));
    expect(promoted.body.changes).toEqual(diff);
    expect(promoted.body.previousPlanId).toBe(scenario.body.basePlanId);
    // Told to whoever has the latest draft open, as a draft computed on request is.
    const computed = await pmo.post<PlanView>('/api/v1/plans', {});
    const told = await query<{ planId: string; trigger: string }>(
      `SELECT envelope->'payload'->>'planId' AS "planId", envelope->'payload'->>'trigger' AS trigger FROM sequencing.outbox WHERE type = 'plan.draft_recomputed' AND envelope->'payload'->>'planId' = ANY($1::text[])`,
      [[promoted.body.id, computed.body.id]],
    );
    expect(told.sort((x, y) => x.trigger.localeCompare(y.trigger))).toEqual([
      { planId: promoted.body.id, trigger: 'promoted scenario: what if c came first' },
      { planId: computed.body.id, trigger: 'requested' },
    ]);
  });

  it('should refuse a rollout that takes away a wave other rollouts follow, naming them, and change nothing', async () => {
    const follows = { value: rollouts.c.value, waves: [{ ...rollouts.c.waves[0], after: [{ initiativeId: ids.a, wave: 'w1' }] }] };
    expect((await pmo.request('PUT', `/api/v1/initiatives/${ids.c}/rollout`, { body: follows })).status).toBe(200);
    const before = (await pmo.get<{ version: number }>(`/api/v1/initiatives/${ids.a}/rollout`)).body;

    for (const waves of [[{ ...rollouts.a.waves[0], key: 'w1-eu' }], []]) {
      const refused = await pmo.request<ProblemBody>('PUT', `/api/v1/initiatives/${ids.a}/rollout`, { body: { ...rollouts.a, waves } });
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.detail).toContain(`${keys.c} w1 follows ${keys.a} w1`);
      expect(refused.body.detail).not.toMatch(UUID);
    }
    expect((await pmo.get<{ version: number }>(`/api/v1/initiatives/${ids.a}/rollout`)).body).toEqual(before);
    // Keeping the wave, the rollout may change.
    const renamed = { ...rollouts.a, waves: [{ ...rollouts.a.waves[0], name: 'First, renamed' }] };
    expect((await pmo.request('PUT', `/api/v1/initiatives/${ids.a}/rollout`, { body: renamed })).status).toBe(200);
  });

  it('should refuse a wave demanding a pool that does not exist, naming it, and change nothing', async () => {
    const before = (await pmo.get<{ version: number }>(`/api/v1/initiatives/${ids.c}/rollout`)).body;
    const unknown = { value: '10', waves: [{ key: 'w1', name: 'First', durationWeeks: 1, demand: { [POOL]: 1, 'no-such-pool': 1 }, withinControlledScope: true }] };
    const refused = await pmo.request<ProblemBody>('PUT', `/api/v1/initiatives/${ids.c}/rollout`, { body: unknown });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'waves.0.demand', message: expect.stringContaining('no-such-pool') }]);
    expect(refused.body.detail).toContain('no-such-pool');
    expect((await pmo.get<{ version: number }>(`/api/v1/initiatives/${ids.c}/rollout`)).body).toEqual(before);

    // Nor does a what-if invent one.
    const added = { kind: 'add', initiative: { key: 'HYPO-1', name: 'Invented', businessUnit: 'Retail', waves: [{ key: 'w1', name: 'First', durationWeeks: 1, demand: { 'no-such-pool': 1 } }] } };
    const scenario = await pmo.post<ProblemBody>('/api/v1/scenarios', { name: 'what if an invented one', changes: [added] });
    expect(scenario.status).toBe(422);
    expect(scenario.body.detail).toContain('no-such-pool');
  });

  it('should warn of a freeze window whose business unit no wave is in', async () => {
    const window = { from: weeksFrom(thisMonday(), 2), to: weeksFrom(thisMonday(), 3), reason: 'year end' };
    expect((await pmo.request('PUT', '/api/v1/business-units/retail/freeze-windows', { body: { windows: [window] } })).status).toBe(200);
    const computed = (await pmo.post<PlanView>('/api/v1/plans', {})).body;
    expect(computed.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/freeze windows of business unit "retail" \(.*year end.*\) apply to no wave.*"Retail"/)]));
  });

  it('should send zero contention, on publish, for an initiative the previous published plan had and this one does not', async () => {
    const contention = async (initiativeId: string) =>
      (
        await query<{ payload: Contention }>(
          `SELECT envelope->'payload' AS payload FROM sequencing.outbox WHERE type = 'rollout.contention_measured' AND envelope->'payload'->>'initiativeId' = $1 ORDER BY seq`,
          [initiativeId],
        )
      ).map((row) => row.payload);
    // Version 2 had b wait for a.
    expect((await contention(ids.b)).find((c) => c.planVersion === 2)).toMatchObject({ weeksLost: 2 });

    // b's rollout loses its waves: it leaves the plan.
    const previous = await latestDraft();
    expect((await pmo.request('PUT', `/api/v1/initiatives/${ids.b}/rollout`, { body: { value: '1000', waves: [] } })).status).toBe(200);
    const draft = await recomputedDraft<PlanView>(pmo, previous, `rollout of ${keys.b} changed`, 'the draft without b');
    const published = await publish(draft.id);
    expect(published.status).toBe(200);
    expect(waveOf(published.body, ids.b)).toBeUndefined();
    const version = published.body.version;
    expect(await pollUntil(async () => (await contention(ids.b)).find((c) => c.planVersion === version))).toEqual({
      initiativeId: ids.b,
      planId: draft.id,
      planVersion: version,
      contests: 0,
      contestsLost: 0,
      weeksLost: 0,
      rivals: [],
    });
  });
});
