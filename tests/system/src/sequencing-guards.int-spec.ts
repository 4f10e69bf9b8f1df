import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { PostureEvents, subjectsFor, type PlanView } from '@capstan/contracts';
import { NatsClient, encodeJson } from '@capstan/messaging';
import { ApiClient, pollUntil, recomputedDraft, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';
import { backdatePlan, thisMonday } from './sequencing-weeks';

interface ProblemBody {
  status: number;
  detail: string;
}

// Plans start this week at the earliest.
const START = thisMonday();
const POOL = 'deployment-engineering';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** What sequencing refuses to store or publish, so that a plan can always be computed and `plans/current` only moves forward. */
describe('sequencing guards through the API', () => {
  let context: TestSystem;
  let pmo: ApiClient;
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const keys: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

  const rollout = (after: { initiativeId: string; wave: string }[] = []) => ({ value: '1000', waves: [{ key: 'w1', name: 'First', durationWeeks: 2, demand: { [POOL]: 1 }, after }] });
  const publish = (id: string) => pmo.post<ProblemBody & PlanView>(`/api/v1/plans/${id}/publish`, {});
  const compute = async () => (await pmo.post<PlanView>('/api/v1/plans', { startDate: START })).body;
  const overrideCount = async () => (await pmo.get<{ items: unknown[] }>('/api/v1/plan-overrides')).body.items.length;

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'));
    pmo = new ApiClient(context.system.gatewayUrl).withToken(await tokenFor(context.jwtSecret, ['pmo']));
    expect((await pmo.request('PUT', `/api/v1/capacity-pools/${POOL}`, { body: { name: 'Deployment engineering', capacityPerWeek: 2 } })).status).toBe(200);
    for (const name of ['a', 'b', 'c', 'd'] as const) {
      const created = await pmo.post<{ id: string; key: string }>('/api/v1/initiatives', { name: `guard ${name}`, businessUnit: 'Retail' });
      ids[name] = created.body.id;
      keys[name] = created.body.key;
      await pollUntil(async () => ((await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/rollout`, { body: rollout() })).status === 200 ? true : undefined), {
        what: `sequencing to know initiative ${name}`,
      });
    }
    // Scored before the first plan, so no posture change recomputes a draft behind the tests' backs.
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      await pollUntil(async () => {
        const { rows } = await database.query<{ scored: number }>(`SELECT count(*)::int AS scored FROM sequencing.initiatives WHERE id = ANY($1::uuid[]) AND posture IS NOT NULL`, [Object.values(ids)]);
        return rows[0].scored === 4 ? true : undefined;
      }, { what: 'sequencing to hear every posture' });
    } finally {
      await database.end();
    }
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should refuse to publish a promoted scenario that changes a posture or adds an initiative, and publish one with PMO changes only', async () => {
    await compute();
    for (const change of [
      { kind: 'authorize', initiativeId: ids.a },
      { kind: 'add', initiative: { key: 'HYPO-1', name: 'Invented', businessUnit: 'Retail', waves: [{ key: 'w1', name: 'First', durationWeeks: 1 }] } },
    ]) {
      const scenario = await pmo.post<{ id: string }>('/api/v1/scenarios', { name: `what if ${change.kind}`, changes: [change] });
      expect(scenario.status).toBe(201);
      const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {});
      expect(promoted.status).toBe(201);
      // Said before anyone tries: the draft names why it cannot be published.
      expect(promoted.body.unpublishable).toBe(
        `it was promoted from what-if "what if ${change.kind}", which ${change.kind === 'add' ? 'adds initiative HYPO-1' : `authorizes ${keys.a}`} — hypothetical changes, not the actual inputs`,
      );
      expect((await pmo.get<PlanView>(`/api/v1/plans/${promoted.body.id}`)).body.unpublishable).toBe(promoted.body.unpublishable);
      const refused = await publish(promoted.body.id);
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.detail).toContain('hypothetical');
      expect(refused.body.detail).toContain(change.kind === 'add' ? 'adds initiative HYPO-1' : `authorizes ${keys.a}`);
    }
    expect((await pmo.get('/api/v1/plans/current')).status).toBe(404);
    expect(await overrideCount()).toBe(0);

    const controllable = await pmo.post<{ id: string }>('/api/v1/scenarios', { name: 'what if b came first', changes: [{ kind: 'priority', initiativeId: ids.b, priority: 90 }] });
    const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${controllable.body.id}/promotion`, {});
    expect(promoted.body.unpublishable).toBeNull();
    expect((await publish(promoted.body.id)).body.version).toBe(1);
  });

  it('should refuse to publish a promoted scenario whose base plan the inputs have moved on from', async () => {
    const base = await compute();
    const scenario = await pmo.post<{ id: string }>('/api/v1/scenarios', { name: 'what if c came first', basePlanId: base.id, changes: [{ kind: 'priority', initiativeId: ids.c, priority: 95 }] });
    expect(scenario.status).toBe(201);
    const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {});
    // The inputs move on: a plan computed from them since the scenario's base.
    await compute();
    const refused = await publish(promoted.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`based on plan ${base.id}, and the inputs have changed since`);
    expect((await pmo.get<PlanView>('/api/v1/plans/current')).body.version).toBe(1);
  });

  it('should refuse to publish a draft older than the newest, naming the newer one, so the published plan never goes back', async () => {
    const older = await compute();
    const newer = await compute();
    const refused = await publish(older.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(newer.id);
    expect((await publish(newer.id)).body.version).toBe(2);
    const stillRefused = await publish(older.id);
    expect(stillRefused.status).toBe(409);
    expect(stillRefused.body.detail).toContain('version 2');
    expect((await pmo.get<PlanView>('/api/v1/plans/current')).body.id).toBe(newer.id);
  });

  it('should refuse a wave link or an order that closes a dependency cycle, naming it by initiative and wave', async () => {
    expect((await pmo.request('PUT', `/api/v1/initiatives/${ids.a}/rollout`, { body: rollout([{ initiativeId: ids.b, wave: 'w1' }]) })).status).toBe(200);
    const cycle = await pmo.request<ProblemBody>('PUT', `/api/v1/initiatives/${ids.b}/rollout`, { body: rollout([{ initiativeId: ids.a, wave: 'w1' }]) });
    expect(cycle.status).toBe(409);
    // A two-wave cycle reads X → Y → X whichever wave it starts from.
    expect(cycle.body.detail).toContain(`${keys.a} w1 → ${keys.b} w1`);
    expect(cycle.body.detail).toContain(`${keys.b} w1 → ${keys.a} w1`);
    expect(cycle.body.detail).not.toMatch(UUID);
    expect((await pmo.get<{ waves: { after: unknown[] }[] }>(`/api/v1/initiatives/${ids.b}/rollout`)).body.waves[0].after).toEqual([]);

    const before = await overrideCount();
    expect((await pmo.post('/api/v1/plan-overrides', { kind: 'order', first: ids.c, then: ids.d, reason: 'c trains d' })).status).toBe(201);
    const reversed = await pmo.post<ProblemBody>('/api/v1/plan-overrides', { kind: 'order', first: ids.d, then: ids.c, reason: 'd trains c' });
    expect(reversed.status).toBe(409);
    expect(reversed.body.detail).toContain(`${keys.c} w1`);
    expect(reversed.body.detail).not.toMatch(UUID);
    expect(await overrideCount()).toBe(before + 1);
    expect((await pmo.post('/api/v1/plans', { startDate: START })).status).toBe(201);
  });

  it('should refuse dates centuries away, which a plan would work through week by week', async () => {
    const far = await pmo.request<{ errors: { field: string }[] }>('PUT', `/api/v1/initiatives/${ids.c}/rollout`, {
      body: { waves: [{ key: 'w1', name: 'First', durationWeeks: 2, earliestStart: '9999-12-27' }] },
    });
    expect(far.status).toBe(400);
    expect(far.headers.get('content-type')).toContain('application/problem+json');
    expect(far.body.errors.map((e) => e.field)).toEqual(['waves.0.earliestStart']);
    expect((await pmo.get<{ waves: { earliestStart: string | null }[] }>(`/api/v1/initiatives/${ids.c}/rollout`)).body.waves[0].earliestStart).toBeNull();
    const before = await overrideCount();
    const pin = await pmo.post('/api/v1/plan-overrides', { kind: 'pin', initiativeId: ids.c, wave: 'w1', start: '9999-12-27', reason: 'launch event' });
    expect(pin.status).toBe(400);
    expect(await overrideCount()).toBe(before);
  });

  it('should refuse a pin on a wave the rollout does not have', async () => {
    const before = await overrideCount();
    const pin = await pmo.post<ProblemBody>('/api/v1/plan-overrides', { kind: 'pin', initiativeId: ids.a, wave: 'w9', start: START, reason: 'launch event' });
    expect(pin.status).toBe(422);
    expect(pin.body.detail).toContain(`${keys.a} has no rollout wave w9`);
    expect(await overrideCount()).toBe(before);
  });

  it('should recompute a draft from this week when the plan it follows started in weeks gone by', async () => {
    // A draft computed weeks ago, and nothing changed since (time passes in the database).
    const past = await compute();
    await backdatePlan(context.databaseUrl, past.id, 48);
    expect((await pmo.get<PlanView>(`/api/v1/plans/${past.id}`)).body.startDate < START).toBe(true);
    expect((await pmo.request('PUT', `/api/v1/capacity-pools/${POOL}`, { body: { name: 'Deployment engineering', capacityPerWeek: 3 } })).status).toBe(200);
    const recomputed = await recomputedDraft<PlanView>(pmo, past.id, POOL, 'the draft recomputed after the pool changed');
    expect(recomputed.startDate).toBe(thisMonday());
  });

  it("should keep a promoted what-if's PMO changes in the drafts after it: the priority as an override, the capacity and the deadline as inputs", async () => {
    // a and d in controlled investment with their waves in scope, so they are planned rather than held.
    for (const id of [ids.a, ids.d]) {
      for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
        expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: 'Ana', team: 'Ops' } })).status).toBe(200);
      }
      for (const criterion of ['governance.approval_pathways', 'economics.cost_visibility']) {
        expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'PMO' } })).status).toBe(200);
      }
      await pollUntil(async () => ((await pmo.get<{ posture: string }>(`/api/v1/initiatives/${id}/posture`)).body.posture === 'controlled_investment' ? true : undefined), {
        what: 'controlled investment',
      });
      const inScope = { value: '1000', waves: [{ key: 'w1', name: 'First', durationWeeks: 2, demand: { [POOL]: 2 }, withinControlledScope: true }] };
      expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/rollout`, { body: inScope })).status).toBe(200);
    }
    // Sequencing has heard every posture when a plan holds neither.
    await pollUntil(async () => ((await compute()).held.some((h) => h.initiativeId === ids.a || h.initiativeId === ids.d) ? undefined : true), { what: 'a and d planned' });
    const base = await compute();
    expect(base.waves.map((w) => w.initiativeId)).toEqual(expect.arrayContaining([ids.a, ids.d]));
    const name = 'what if d led, with a hire, by June';
    const changes = [
      // Of two priorities for one initiative the later counts, in the plan and in the override it leaves.
      { kind: 'priority', initiativeId: ids.d, priority: 60 },
      { kind: 'priority', initiativeId: ids.d, priority: 80 },
      { kind: 'capacity', pool: POOL, capacityPerWeek: 4, from: '2027-02-01', to: '2027-03-01' },
      { kind: 'deadline', initiativeId: ids.a, wave: 'w1', deadline: '2027-06-28' },
    ];
    const scenario = await pmo.post<{ id: string }>('/api/v1/scenarios', { name, basePlanId: base.id, changes });
    expect(scenario.status).toBe(201);
    const overridesBefore = await overrideCount();
    const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {});
    expect(promoted.status).toBe(201);
    const published = await publish(promoted.body.id);
    expect(published.status).toBe(200);

    const { items } = (await pmo.get<{ items: { override: { kind: string; initiativeId?: string; priority?: number; reason: string }; revokedAt: string | null }[] }>('/api/v1/plan-overrides')).body;
    expect(items).toHaveLength(overridesBefore + 1);
    expect(items.at(-1)).toMatchObject({ override: { kind: 'priority', initiativeId: ids.d, priority: 80, reason: `what-if "${name}" made the draft` }, revokedAt: null });
    const pools = (await pmo.get<{ items: { id: string; capacityPerWeek: number; adjustments: { from: string; to: string; capacity: number }[] }[] }>('/api/v1/capacity-pools')).body.items;
    const pool = pools.find((p) => p.id === POOL);
    expect(pool?.capacityPerWeek).toBe(3);
    expect(pool?.adjustments).toEqual([expect.objectContaining({ from: '2027-02-01', to: '2027-03-01', capacity: 4 })]);
    expect((await pmo.get<{ waves: { deadline: string | null }[] }>(`/api/v1/initiatives/${ids.a}/rollout`)).body.waves[0].deadline).toBe('2027-06-28');

    // A draft computed afresh from the actual inputs plans what was published.
    const after = await compute();
    const startsOf = (plan: PlanView) => Object.fromEntries(plan.waves.map((w) => [`${w.initiativeKey} ${w.wave}`, w.start]));
    expect(startsOf(after)).toEqual(startsOf(published.body));
    expect(after.waves.find((w) => w.initiativeId === ids.d)).toMatchObject({ priority: 80, prioritySource: 'override' });
    expect(after.waves.find((w) => w.initiativeId === ids.a)).toMatchObject({ deadline: '2027-06-28' });
  });

  it('should not publish a promoted what-if that lacks what another promoted since its base made the inputs, and plan both in the next draft', async () => {
    const base = await compute();
    const promote = async (name: string, changes: unknown[]) => {
      const scenario = await pmo.post<{ id: string }>('/api/v1/scenarios', { name, basePlanId: base.id, changes });
      expect(scenario.status).toBe(201);
      const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {});
      expect(promoted.status).toBe(201);
      return promoted.body;
    };
    await promote('what if d came last', [{ kind: 'priority', initiativeId: ids.d, priority: 5 }]);
    const second = await promote('what if a came first', [{ kind: 'priority', initiativeId: ids.a, priority: 99 }]);
    // The second planned the base's inputs, without d's new priority, which is in force now.
    const refused = await publish(second.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('the inputs have changed since');
    const { id: nextId } = await recomputedDraft<PlanView>(pmo, second.id, 'made the draft', 'the draft recomputed with both what-ifs');
    const next = (await pmo.get<PlanView>(`/api/v1/plans/${nextId}`)).body;
    expect(Object.fromEntries(next.waves.filter((w) => w.initiativeId === ids.a || w.initiativeId === ids.d).map((w) => [w.initiativeId, w.priority]))).toEqual({ [ids.a]: 99, [ids.d]: 5 });
    expect((await publish(next.id)).status).toBe(200);
  });

  it('should follow a what-if promoted on a base the inputs have moved on from with a draft of the inputs, which publishes', async () => {
    const base = await compute();
    expect((await publish(base.id)).status).toBe(200);
    // The inputs move on: the refresher makes a draft after the published plan.
    expect((await pmo.request('PUT', `/api/v1/capacity-pools/${POOL}`, { body: { name: 'Deployment engineering', capacityPerWeek: 5 } })).status).toBe(200);
    await recomputedDraft<PlanView>(pmo, base.id, `capacity pool ${POOL} changed`, 'the draft recomputed after the pool changed');
    const scenario = await pmo.post<{ id: string }>('/api/v1/scenarios', { name: 'what if d came early', basePlanId: base.id, changes: [{ kind: 'priority', initiativeId: ids.d, priority: 60 }] });
    const promoted = (await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {})).body;
    expect((await publish(promoted.id)).status).toBe(409);
    // Not stuck between a draft that lacks the what-if and one planned on the old inputs: the next has both.
    const next = await recomputedDraft<PlanView>(pmo, promoted.id, 'made the draft', 'a draft of the inputs after the promotion');
    expect((await publish(next.id)).status).toBe(200);
  });

  it('should refuse a what-if on a draft made from a posture what-if, and keep no capacity change that ends before the plan', async () => {
    const base = await compute();
    const paused = await pmo.post<{ id: string }>('/api/v1/scenarios', { name: 'what if a paused', basePlanId: base.id, changes: [{ kind: 'pause', initiativeId: ids.a }] });
    const hypothetical = await pmo.post<PlanView>(`/api/v1/scenarios/${paused.body.id}/promotion`, {});
    const stacked = await pmo.post<ProblemBody>('/api/v1/scenarios', { name: 'and then d first', basePlanId: hypothetical.body.id, changes: [{ kind: 'priority', initiativeId: ids.d, priority: 70 }] });
    expect(stacked.status).toBe(422);
    expect(stacked.body.detail).toContain(`which pauses ${keys.a}`);
    // Without a base named, a what-if takes the published plan: never the posture what-if.
    const defaulted = await pmo.post<{ basePlanId: string }>('/api/v1/scenarios', { name: 'on the default base', changes: [{ kind: 'priority', initiativeId: ids.d, priority: 70 }] });
    expect(defaulted.body.basePlanId).not.toBe(hypothetical.body.id);

    const pool = async () => (await pmo.get<{ items: { id: string; adjustments: unknown[] }[] }>('/api/v1/capacity-pools')).body.items.find((p) => p.id === POOL);
    const before = (await pool())?.adjustments;
    const early = await pmo.post<{ id: string }>('/api/v1/scenarios', { name: 'what if less last year', basePlanId: base.id, changes: [{ kind: 'capacity', pool: POOL, capacityPerWeek: 1, to: '2026-01-05' }] });
    expect(early.status).toBe(201);
    expect((await pmo.post(`/api/v1/scenarios/${early.body.id}/promotion`, {})).status).toBe(201);
    expect((await pool())?.adjustments).toEqual(before);
  });

  it('should write a pool, a rollout, freeze windows or a budget only at the version named in If-Match, and create with If-None-Match only what is new', async () => {
    const finance = new ApiClient(context.system.gatewayUrl).withToken(await tokenFor(context.jwtSecret, ['finance']));
    const put = (client: ApiClient, path: string, body: unknown, headers: Record<string, string> = {}) => client.request<ProblemBody & { version: number }>('PUT', path, { body, headers });
    const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
    const create = { 'if-none-match': '*' };

    // A pool: created only once; two saves from the same version, one wins and the other is told, changing nothing.
    const poolPath = '/api/v1/capacity-pools/versioned-pool';
    const made = await put(pmo, poolPath, { name: 'Versioned', capacityPerWeek: 4 }, create);
    expect(made.status).toBe(200);
    expect(made.headers.get('etag')).toBe(`"${made.body.version}"`);
    const again = await put(pmo, poolPath, { name: 'Versioned twice', capacityPerWeek: 9 }, create);
    expect(again.status).toBe(412);
    expect(again.body.detail).toContain(`exists already, at version ${made.body.version}`);
    const saves = await Promise.all([5, 6].map((capacityPerWeek) => put(pmo, poolPath, { name: 'Versioned', capacityPerWeek }, ifMatch(made.body.version))));
    expect(saves.map((save) => save.status).sort()).toEqual([200, 412]);
    const [winner] = saves.filter((save) => save.status === 200);
    expect(winner.body.version).toBe(made.body.version + 1);
    const stale = await put(pmo, poolPath, { name: 'Versioned', capacityPerWeek: 7 }, ifMatch(made.body.version));
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toContain(`has changed since version ${made.body.version}: it is now at version ${winner.body.version}`);
    // The winner's save sent again (a retry after a 504 whose first try was applied) is its own: answered, not refused.
    const winning = (winner.body as unknown as { capacityPerWeek: number }).capacityPerWeek;
    const repeated = await put(pmo, poolPath, { name: 'Versioned', capacityPerWeek: winning }, ifMatch(made.body.version));
    expect([repeated.status, repeated.body.version]).toEqual([200, winner.body.version]);
    const stored = (await pmo.get<{ items: { id: string; capacityPerWeek: number; version: number }[] }>('/api/v1/capacity-pools')).body.items.find((p) => p.id === 'versioned-pool');
    expect(stored).toMatchObject({ version: winner.body.version, capacityPerWeek: (winner.body as unknown as { capacityPerWeek: number }).capacityPerWeek });
    // A version of a pool there is none of names nothing to replace, nor does "any" (*) or "0": nothing is made.
    for (const headers of [ifMatch(1), { 'if-match': '*' }, ifMatch(0)]) {
      expect((await put(pmo, '/api/v1/capacity-pools/never-made', { name: 'Never', capacityPerWeek: 1 }, headers)).status).toBe(412);
    }
    expect((await put(pmo, poolPath, { name: 'Versioned', capacityPerWeek: winning }, { 'if-match': '*' })).status).toBe(200);
    expect((await pmo.get<{ items: { id: string }[] }>('/api/v1/capacity-pools')).body.items.map((p) => p.id)).not.toContain('never-made');
    // Headers that say nothing a write can use are refused, not ignored.
    expect((await put(pmo, poolPath, { name: 'Versioned', capacityPerWeek: 1 }, { 'if-none-match': '"3"' })).status).toBe(400);
    expect((await put(pmo, poolPath, { name: 'Versioned', capacityPerWeek: 1 }, { ...create, ...ifMatch(winner.body.version) })).status).toBe(400);

    // A rollout: its ETag is the version a save names.
    const read = await pmo.get<{ version: number; value: string }>(`/api/v1/initiatives/${ids.d}/rollout`);
    expect(read.headers.get('etag')).toBe(`"${read.body.version}"`);
    // Never a 304: the answer holds more than the version covers (the progress recorded), and is never cached.
    const revalidated = await pmo.request('GET', `/api/v1/initiatives/${ids.d}/rollout`, { headers: { 'if-none-match': `"${read.body.version}"` } });
    expect([revalidated.status, revalidated.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const rolloutPath = `/api/v1/initiatives/${ids.d}/rollout`;
    expect((await put(pmo, rolloutPath, { ...rollout(), value: '2000' }, ifMatch(read.body.version + 1))).status).toBe(412);
    expect((await pmo.get<{ value: string }>(rolloutPath)).body.value).toBe(read.body.value);
    const saved = await put(pmo, rolloutPath, rollout(), ifMatch(read.body.version));
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(read.body.version + 1);

    // Freeze windows, now listed.
    const freezePath = '/api/v1/business-units/Versioned%20unit/freeze-windows';
    const windows = [{ from: '2027-12-20', to: '2027-12-31', reason: 'year end' }];
    const frozen = await put(pmo, freezePath, { windows }, create);
    expect(frozen.body).toMatchObject({ businessUnit: 'Versioned unit', windows, version: 1 });
    expect((await put(pmo, freezePath, { windows: [] }, ifMatch(2))).status).toBe(412);
    const listed = (await pmo.get<{ items: { businessUnit: string; windows: unknown[]; version: number }[] }>('/api/v1/freeze-windows')).body.items;
    expect(listed.find((unit) => unit.businessUnit === 'Versioned unit')).toMatchObject({ windows, version: 1 });

    // A quarter's budget (finance's).
    const budgetPath = '/api/v1/rollout-budgets/2031-Q2';
    const budget = await put(finance, budgetPath, { amount: '1000.00' }, create);
    expect(budget.body).toMatchObject({ quarter: '2031-Q2', amount: '1000.00', version: 1 });
    expect((await put(finance, budgetPath, { amount: '2000.00' }, create)).status).toBe(412);
    expect((await put(finance, budgetPath, { amount: '3000.00' }, ifMatch(1))).body).toMatchObject({ amount: '3000.00', version: 2 });
  });

  it('should keep the posture of the later evaluation when an earlier one is delivered after it', async () => {
    const nats = new NatsClient({ url: context.natsUrl, name: 'posture-order' });
    await nats.connect();
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const subject = subjectsFor(context.namespace).event(PostureEvents.changed.type);
      const publish = async (initiativeId: string, posture: string, evaluatedAt: string) => {
        const event = { id: randomUUID(), type: PostureEvents.changed.type, version: 1, source: 'scoring', occurredAt: new Date().toISOString(), payload: { initiativeId, previous: null, posture, modelVersion: 'test', evaluatedAt } };
        await nats.js.publish(subject, encodeJson(event), { msgID: event.id });
      };
      const stored = async (id: string) =>
        (await database.query<{ posture: string; at: string }>(`SELECT posture, to_char(posture_evaluated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS at FROM sequencing.initiatives WHERE id = $1`, [id])).rows[0];
      // Initiatives sequencing has not heard of: the posture makes a placeholder row and plans never see it.
      const [late, marker] = [randomUUID(), randomUUID()];
      await publish(late, 'pause', '2099-01-02T00:00:00Z');
      await pollUntil(async () => ((await stored(late))?.posture === 'pause' ? true : undefined), { what: 'the later posture to be applied' });
      await publish(late, 'authorize_deployment', '2099-01-01T00:00:00Z');
      await publish(marker, 'pause', '2099-01-03T00:00:00Z');
      await pollUntil(async () => ((await stored(marker))?.posture === 'pause' ? true : undefined), { what: 'the events published after it to be applied' });
      expect(await stored(late)).toEqual({ posture: 'pause', at: '2099-01-02' });
    } finally {
      await database.end();
      await nats.close();
    }
  });
});
