import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { initiativeSchema, subjectsFor, type PlanDiffView, type PlanView } from '@capstan/contracts';
import { NatsClient, encodeJson } from '@capstan/messaging';
import { ApiClient, pollUntil, recomputedDraft, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';
import { backdatePlan, daysFrom, thisMonday, weeksFrom } from './sequencing-weeks';

interface PostureBody {
  posture: string;
}

interface ContestsBody {
  contests: { pool: string; from: string; competitors: { initiativeKey: string; outcome: string; delayWeeks: number; why: string }[] }[];
  fairness: { businessUnit: string; demandShare: number; capacityShare: number }[];
}

// Plans start this week at the earliest; the contested wave waits 4 weeks, to WEEK_4.
const START = thisMonday();
const WEEK_4 = weeksFrom(START, 4);

/** The initiative as events carry it: the profile, without what the detail view adds. */
function profileOf(detail: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(initiativeSchema.shape).map((key) => [key, detail[key]]));
}
const POOL = 'deployment-engineering';

describe('sequencing through the API', () => {
  let context: TestSystem;
  let pmo: ApiClient;
  let finance: ApiClient;
  let viewer: ApiClient;
  const ids = { retail: '', claims: '' };
  const keys = { retail: '', claims: '' };
  let first: PlanView;
  let afterPause: PlanView;

  const waveOf = (plan: PlanView, id: string) => plan.waves.find((w) => w.initiativeId === id && w.wave === 'w1');

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'));
    const base = new ApiClient(context.system.gatewayUrl);
    pmo = base.withToken(await tokenFor(context.jwtSecret, ['pmo']));
    finance = base.withToken(await tokenFor(context.jwtSecret, ['finance']));
    viewer = base.withToken(await tokenFor(context.jwtSecret, ['viewer']));

    // Two initiatives in controlled investment, in different business units.
    for (const [name, businessUnit] of [['retail', 'Retail'], ['claims', 'Claims']] as const) {
      const created = await pmo.post<{ id: string; key: string }>('/api/v1/initiatives', { name: `${name} assistant`, businessUnit });
      ids[name] = created.body.id;
      keys[name] = created.body.key;
      for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
        await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/owners/${responsibility}`, { body: { person: 'Ana', team: 'Ops' } });
      }
      for (const criterion of ['governance.approval_pathways', 'economics.cost_visibility']) {
        await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'PMO' } });
      }
    }
    for (const id of Object.values(ids)) {
      await pollUntil(async () => ((await viewer.get<PostureBody>(`/api/v1/initiatives/${id}/posture`)).body.posture === 'controlled_investment' ? true : undefined), {
        what: 'controlled investment',
      });
    }

    expect((await pmo.request('PUT', `/api/v1/capacity-pools/${POOL}`, { body: { name: 'Deployment engineering', capacityPerWeek: 2 } })).status).toBe(200);
    // Both want the whole pool from the first week: the more valuable retail rollout should win it.
    const rollout = (value: string, durationWeeks: number) => ({
      value,
      waves: [
        { key: 'w1', name: 'First business unit', durationWeeks, demand: { [POOL]: 2 }, costPerWeek: '1000.00', withinControlledScope: true },
        // The business units roll out the second wave themselves: no pool.
        { key: 'w2', name: 'Everyone else', durationWeeks: 2, after: [{ wave: 'w1' }] },
      ],
    });
    await pollUntil(async () => ((await pmo.request('PUT', `/api/v1/initiatives/${ids.retail}/rollout`, { body: rollout('1000000', 4) })).status === 200 ? true : undefined), {
      what: 'sequencing to know the retail initiative',
    });
    await pollUntil(async () => ((await pmo.request('PUT', `/api/v1/initiatives/${ids.claims}/rollout`, { body: rollout('200000', 3) })).status === 200 ? true : undefined), {
      what: 'sequencing to know the claims initiative',
    });
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should refuse bad input with problem details and leave writes to their roles', async () => {
    const notMonday = await pmo.post<{ errors: { field: string }[] }>('/api/v1/plans', { startDate: daysFrom(START, 1) });
    expect(notMonday.status).toBe(400);
    expect(notMonday.headers.get('content-type')).toContain('application/problem+json');
    expect(notMonday.body.errors[0].field).toBe('startDate');
    expect((await pmo.request('PUT', `/api/v1/initiatives/${ids.retail}/rollout`, { body: { value: '1.234', waves: [] } })).status).toBe(400);
    const badLink = await pmo.request('PUT', `/api/v1/initiatives/${ids.retail}/rollout`, {
      body: { waves: [{ key: 'w1', name: 'x', durationWeeks: 1, after: [{ wave: 'nope' }] }] },
    });
    expect(badLink.status).toBe(422);
    expect((await pmo.get<{ waves: unknown[] }>(`/api/v1/initiatives/${ids.retail}/rollout`)).body.waves).toHaveLength(2);
    expect((await viewer.post('/api/v1/plans', { startDate: START })).status).toBe(403);
    expect((await pmo.request('PUT', '/api/v1/rollout-budgets/2027-Q1', { body: { amount: '50000.00' } })).status).toBe(403);
    expect((await finance.request('PUT', '/api/v1/rollout-budgets/2027-Q1', { body: { amount: '5000000.00' } })).status).toBe(200);
    expect((await pmo.get('/api/v1/plans/current')).status).toBe(404);
  });

  it('should hold out-of-scope waves, give the contested pool to the higher priority and say who holds it', async () => {
    const computed = await pmo.post<PlanView>('/api/v1/plans', { startDate: START });
    expect(computed.status).toBe(201);
    first = computed.body;
    expect(first.kind).toBe('draft');
    const retail = waveOf(first, ids.retail)!;
    const claims = waveOf(first, ids.claims)!;
    expect(retail.priority).toBeGreaterThan(claims.priority);
    expect(retail).toMatchObject({ start: START, delayWeeks: 0 });
    expect(claims).toMatchObject({ start: WEEK_4, delayWeeks: 4 });
    expect(claims.reasons).toEqual([
      expect.objectContaining({ kind: 'capacity', pool: POOL, heldBy: [expect.objectContaining({ initiativeKey: keys.retail, wave: 'w1', businessUnit: 'Retail' })] }),
    ]);
    expect(claims.reasons[0].text).toContain(`${POOL} is fully used ${START}–${daysFrom(WEEK_4, -1)} by ${keys.retail} w1 (Retail, priority ${retail.priority})`);
    // w2 is beyond what controlled investment allows.
    expect(first.held.map((h) => h.waves)).toEqual([
      [{ wave: 'w2', reason: 'outside the controlled-investment scope; needs authorize_deployment' }],
      [{ wave: 'w2', reason: 'outside the controlled-investment scope; needs authorize_deployment' }],
    ]);

    const waves = await viewer.request<string>('GET', `/api/v1/plans/${first.id}`, { headers: { accept: 'text/csv' } });
    expect(waves.headers.get('content-type')).toContain('text/csv');
    const [header, ...lines] = waves.body.trim().split('\n');
    expect(header.split(',').slice(0, 3)).toEqual(['initiativeId', 'initiativeKey', 'wave']);
    expect(lines).toHaveLength(first.waves.length);

    const contests = await viewer.get<ContestsBody>(`/api/v1/plans/${first.id}/contests`);
    expect(contests.status).toBe(200);
    expect(contests.body.contests).toHaveLength(1);
    const [contest] = contests.body.contests;
    expect(contest).toMatchObject({ pool: POOL, from: START });
    expect(contest.competitors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ initiativeKey: keys.retail, outcome: 'won', delayWeeks: 0, why: expect.stringContaining('higher priority') }),
        expect.objectContaining({ initiativeKey: keys.claims, outcome: 'lost', delayWeeks: 4 }),
      ]),
    );
    const retailShare = contests.body.fairness.find((f) => f.businessUnit === 'Retail')!;
    expect(retailShare).toMatchObject({ demandShare: 0.5, capacityShare: 1 });
  });

  it('should take a paused initiative out of the draft, and the freed capacity pulls the contested wave earlier', async () => {
    const expired = await pmo.request('PUT', `/api/v1/initiatives/${ids.retail}/criteria/governance.approval_pathways`, {
      body: { status: 'established', attestedBy: 'COO office', attestedAt: '2025-10-01', expiresAt: '2026-10-01' },
    });
    expect(expired.status).toBe(200);
    afterPause = await pollUntil(async () => {
      const { body } = await viewer.get<{ items: { id: string }[] }>('/api/v1/plans?kind=draft&limit=1');
      const latest = (await viewer.get<PlanView>(`/api/v1/plans/${body.items[0].id}`)).body;
      return latest.held.some((h) => h.initiativeId === ids.retail && h.posture === 'pause') ? latest : undefined;
    }, { what: 'the draft recomputed after the pause' });
    expect(afterPause.trigger).toContain(`posture of ${keys.retail} changed to pause`);

    expect(waveOf(afterPause, ids.retail)).toBeUndefined();
    const held = afterPause.held.find((h) => h.initiativeId === ids.retail)!;
    expect(held.posture).toBe('pause');
    expect(held.waves).toEqual([
      { wave: 'w1', reason: 'posture is pause' },
      { wave: 'w2', reason: 'posture is pause' },
    ]);
    expect(held.conditions).toContain('governance.approval_pathways evidence expired on 2026-10-01 — renew it');
    expect(waveOf(afterPause, ids.claims)).toMatchObject({ start: START, delayWeeks: 0, reasons: [] });
    const moved = afterPause.changes?.moved.find((m) => m.initiativeId === ids.claims);
    expect(moved).toMatchObject({ from: WEEK_4, to: START, weeks: -4 });
    expect(moved?.because).toEqual([`capacity on ${POOL} freed: ${keys.retail} w1 is now held (posture is pause)`]);
    expect(afterPause.changes?.contestsResolved).toHaveLength(1);
  });

  it('should publish a draft as a numbered version that later drafts do not change', async () => {
    const published = await pmo.post<PlanView>(`/api/v1/plans/${afterPause.id}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ kind: 'published', version: 1, publishedBy: 'tester' });
    expect((await pmo.post(`/api/v1/plans/${afterPause.id}/publish`, {})).status).toBe(409);
    const current = await viewer.get<PlanView>('/api/v1/plans/current');
    expect(current.body.id).toBe(afterPause.id);
    expect(current.body.waves).toEqual(afterPause.waves);
  });

  it('should diff a scenario exactly: promoting it gives the plan the diff described, and the published plan stays', async () => {
    const scenario = await pmo.post<{ id: string; basePlanId: string; planId: string }>('/api/v1/scenarios', {
      name: 'What if retail were authorized',
      changes: [{ kind: 'authorize', initiativeId: ids.retail }],
    });
    expect(scenario.status).toBe(201);
    expect(scenario.body.basePlanId).toBe(afterPause.id);
    const { body } = await viewer.get<{ diff: PlanDiffView }>(`/api/v1/scenarios/${scenario.body.id}/diff`);
    expect(body.diff.added.map((w) => `${w.initiativeKey} ${w.wave}`).sort()).toEqual([`${keys.retail} w1`, `${keys.retail} w2`]);
    expect(body.diff.moved).toEqual([expect.objectContaining({ initiativeId: ids.claims, wave: 'w1', from: START, weeks: 4 })]);
    expect(body.diff.weeksLost).toBe(4);
    expect(body.diff.contestsCreated).toHaveLength(1);

    const promoted = await pmo.post<PlanView>(`/api/v1/scenarios/${scenario.body.id}/promotion`, {});
    expect(promoted.status).toBe(201);
    const draft = promoted.body;
    expect(draft.kind).toBe('draft');
    // Applying the diff to the base plan gives the draft, wave by wave.
    const expected = new Map(afterPause.waves.map((w) => [`${w.initiativeId}/${w.wave}`, w.start]));
    for (const move of body.diff.moved) expected.set(`${move.initiativeId}/${move.wave}`, move.to);
    for (const added of body.diff.added) expected.set(`${added.initiativeId}/${added.wave}`, added.start);
    for (const removed of body.diff.removed) expected.delete(`${removed.initiativeId}/${removed.wave}`);
    expect(new Map(draft.waves.map((w) => [`${w.initiativeId}/${w.wave}`, w.start]))).toEqual(expected);
    expect(draft.changes).toEqual(body.diff);

    expect((await pmo.post(`/api/v1/scenarios/${scenario.body.id}/promotion`, {})).status).toBe(409);
    expect((await viewer.get<PlanView>('/api/v1/plans/current')).body.id).toBe(afterPause.id);
    // What-ifs start from a draft or a published plan, never from another what-if.
    const stacked = await pmo.post('/api/v1/scenarios', { name: 'A what-if on a what-if', basePlanId: scenario.body.planId, changes: [{ kind: 'authorize', initiativeId: ids.retail }] });
    expect(stacked.status).toBe(422);
  });

  it('should tell scoring, on publish, who contests capacity: prioritization unclear and conflicts measured', async () => {
    const renewed = await pmo.request('PUT', `/api/v1/initiatives/${ids.retail}/criteria/governance.approval_pathways`, {
      body: { status: 'established', attestedBy: 'COO office', expiresAt: null },
    });
    expect(renewed.status).toBe(200);
    const contested = await pollUntil(async () => {
      const { body } = await viewer.get<{ items: { id: string }[] }>('/api/v1/plans?kind=draft&limit=1');
      const latest = (await viewer.get<PlanView>(`/api/v1/plans/${body.items[0].id}`)).body;
      return waveOf(latest, ids.retail) && latest.trigger.includes('controlled_investment') ? latest : undefined;
    }, { what: 'a draft with the retail rollout back' });
    expect(waveOf(contested, ids.claims)).toMatchObject({ delayWeeks: 4 });
    expect((await pmo.post<PlanView>(`/api/v1/plans/${contested.id}/publish`, {})).body.version).toBe(2);
    // Published versions stay, for comparison: v1 → v2 moves the claims rollout back 4 weeks.
    const versions = await viewer.get<{ diff: PlanDiffView }>(`/api/v1/plans/${contested.id}/diff?against=${afterPause.id}`);
    expect(versions.body.diff.moved).toEqual([expect.objectContaining({ initiativeId: ids.claims, from: START, to: WEEK_4, weeks: 4 })]);

    interface Posture {
      patterns: { id: string; detail: string }[];
      domains: { id: string; criteria: { id: string; state: string; source: string }[] }[];
    }
    const claims = await pollUntil(async () => {
      const { body } = await viewer.get<Posture>(`/api/v1/initiatives/${ids.claims}/posture`);
      return body.patterns.some((p) => p.id === 'prioritization_unclear') ? body : undefined;
    }, { what: 'scoring to see the contest' });
    expect(claims.patterns.find((p) => p.id === 'prioritization_unclear')?.detail).toBe(
      `contests rollout capacity with 1 other initiative(s) past pilot (${keys.retail}) in plan v2: lost 1 of 1 contest(s), 4 week(s) later`,
    );
    const conflicts = claims.domains.find((d) => d.id === 'portfolio')?.criteria.find((c) => c.id === 'portfolio.conflicts');
    expect(conflicts).toMatchObject({ state: 'partial', source: 'measured' });
  });

  it('should keep the newer profile when an older initiative event arrives last', async () => {
    const created = await pmo.post<{ id: string; version: number }>('/api/v1/initiatives', { name: 'Reordered assistant', businessUnit: 'Retail' });
    const stale = await pmo.get<Record<string, unknown> & { version: number }>(`/api/v1/initiatives/${created.body.id}`);
    const renamed = await pmo.request('PATCH', `/api/v1/initiatives/${created.body.id}`, { body: { name: 'Renamed assistant' }, headers: { 'if-match': `"${stale.body.version}"` } });
    expect(renamed.status).toBe(200);
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const nameInSequencing = async () => (await database.query<{ name: string }>(`SELECT name FROM sequencing.initiatives WHERE id = $1`, [created.body.id])).rows[0]?.name;
      await pollUntil(async () => (await nameInSequencing()) === 'Renamed assistant', { what: 'sequencing to see the rename' });
      // The registration's profile, delivered again after the rename (another consumer, a replica, a redelivery).
      const nats = new NatsClient({ url: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', name: 'reorder-test' });
      await nats.connect();
      const subjects = subjectsFor(context.namespace);
      const event = { id: randomUUID(), type: 'initiative.updated', version: 1, source: 'intake', occurredAt: new Date().toISOString(), payload: { initiative: profileOf(stale.body), changedFields: ['name'], actor: 'test' } };
      await nats.js.publish(subjects.event('initiative.updated'), encodeJson(event), { msgID: event.id });
      await nats.close();
      await pollUntil(async () => ((await database.query(`SELECT 1 FROM sequencing.inbox WHERE event_id = $1`, [event.id])).rowCount === 1 ? true : undefined), {
        what: 'sequencing to take the stale event',
      });
      expect(await nameInSequencing()).toBe('Renamed assistant');
    } finally {
      await database.end();
    }
  });

  it('should take up what the published plan started: waves that ran their course leave the next draft, finished', async () => {
    // Published half a year ago (time passes in the database): every wave of it has long run its course.
    const halfYearAgo = (await pmo.post<PlanView>('/api/v1/plans', {})).body;
    expect((await pmo.post(`/api/v1/plans/${halfYearAgo.id}/publish`, {})).status).toBeLessThan(300);
    await backdatePlan(context.databaseUrl, halfYearAgo.id, 26);
    expect((await pmo.request('PUT', `/api/v1/capacity-pools/${POOL}`, { body: { name: 'Deployment engineering', capacityPerWeek: 3 } })).status).toBe(200);
    const next = await recomputedDraft<PlanView>(pmo, halfYearAgo.id, POOL, 'the draft recomputed after the published plan');
    const draft = (await pmo.get<PlanView>(`/api/v1/plans/${next.id}`)).body;
    const finished = draft.held.flatMap((h) => h.waves.filter((w) => w.reason.startsWith('finished')).map((w) => `${h.initiativeKey} ${w.wave}`));
    const publishedWaves = halfYearAgo.waves.map((w) => `${w.initiativeKey} ${w.wave}`);
    expect(publishedWaves.length).toBeGreaterThan(0);
    expect(finished.sort()).toEqual(publishedWaves.sort());
    expect(draft.waves.filter((w) => publishedWaves.includes(`${w.initiativeKey} ${w.wave}`))).toEqual([]);

    // Published in turn, that draft keeps them finished for the next one: they are not planned again.
    expect((await pmo.post(`/api/v1/plans/${draft.id}/publish`, {})).status).toBeLessThan(300);
    expect((await pmo.request('PUT', `/api/v1/capacity-pools/${POOL}`, { body: { name: 'Deployment engineering', capacityPerWeek: 2 } })).status).toBe(200);
    const after = await recomputedDraft<PlanView>(pmo, draft.id, POOL, 'the draft recomputed after the second published plan');
    const later = (await pmo.get<PlanView>(`/api/v1/plans/${after.id}`)).body;
    expect(later.held.flatMap((h) => h.waves.filter((w) => w.finished).map((w) => `${h.initiativeKey} ${w.wave}`)).sort()).toEqual(publishedWaves.sort());
    expect(later.waves.filter((w) => publishedWaves.includes(`${w.initiativeKey} ${w.wave}`))).toEqual([]);
  });
  it('should take the progress PMO records over the published plan: not begun, begun late and running, finished', async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const progress = (id: string, wave: string, body: unknown, api = pmo) =>
      api.request<{ startedOn: string | null; finishedOn: string | null; recordedBy: string; detail?: string; errors?: { field: string }[] }>(
        'PUT',
        `/api/v1/initiatives/${id}/rollout/waves/${wave}/progress`,
        { body },
      );
    const ahead = await progress(ids.claims, 'w1', { startedOn: day(-2) });
    expect([ahead.status, ahead.body.errors?.map((e) => e.field)]).toEqual([422, ['startedOn']]);
    expect((await progress(ids.claims, 'w1', { startedOn: day(3), finishedOn: day(4) })).status).toBe(400);
    expect((await progress(ids.claims, 'w1', { startedOn: null, finishedOn: day(4) })).status).toBe(400);
    expect((await progress(ids.claims, 'w9', { startedOn: day(3) })).status).toBe(404);
    expect((await progress(ids.claims, 'w1', { startedOn: day(3) }, viewer)).status).toBe(403);
    expect((await pmo.get<{ progress: unknown[] }>(`/api/v1/initiatives/${ids.claims}/rollout`)).body.progress).toEqual([]);

    // The published plan had both first waves run half a year ago; retail's has not begun after all, claims' began two weeks ago.
    let previous = (await pmo.get<{ items: { id: string }[] }>('/api/v1/plans?kind=draft&limit=1')).body.items[0].id;
    expect((await progress(ids.retail, 'w1', { startedOn: null })).status).toBe(200);
    previous = (await recomputedDraft<PlanView>(pmo, previous, `progress of ${keys.retail} w1 recorded`, 'the draft after retail w1 was recorded')).id;
    const began = day(14);
    const running = await progress(ids.claims, 'w1', { startedOn: began });
    expect(running.status).toBe(200);
    expect(running.body).toMatchObject({ startedOn: began, finishedOn: null, recordedBy: expect.any(String) });
    let draft = await recomputedDraft<PlanView>(pmo, previous, `progress of ${keys.claims} w1 recorded`, 'the draft after claims w1 was recorded');
    draft = (await pmo.get<PlanView>(`/api/v1/plans/${draft.id}`)).body;
    // Retail w1 is planned again; claims w1 goes on from the draft's first week with one of its three weeks left.
    const retail = waveOf(draft, ids.retail);
    expect(retail).toBeDefined();
    expect(retail?.underwaySince).toBeUndefined();
    const claims = waveOf(draft, ids.claims);
    expect(claims).toMatchObject({ start: draft.startDate, underwaySince: began });
    expect(claims?.endWeek).toBe(1);
    expect(draft.held.flatMap((h) => h.waves.map((w) => `${h.initiativeKey} ${w.wave}`))).not.toContain(`${keys.claims} w1`);

    // Finished yesterday: the next draft lists it among the held as finished, as recorded.
    expect((await progress(ids.claims, 'w1', { startedOn: began, finishedOn: day(1) })).status).toBe(200);
    draft = await recomputedDraft<PlanView>(pmo, draft.id, `progress of ${keys.claims} w1 recorded`, 'the draft after claims w1 finished');
    draft = (await pmo.get<PlanView>(`/api/v1/plans/${draft.id}`)).body;
    expect(waveOf(draft, ids.claims)).toBeUndefined();
    const held = draft.held.find((h) => h.initiativeId === ids.claims)?.waves.find((w) => w.wave === 'w1');
    expect(held).toEqual({ wave: 'w1', reason: `finished ${day(1)}, as recorded`, finished: true, startedOn: began, finishedOn: day(1) });
    const rollout = await viewer.get<{ progress: { wave: string; startedOn: string; finishedOn: string }[] }>(`/api/v1/initiatives/${ids.claims}/rollout`);
    expect(rollout.body.progress).toEqual([expect.objectContaining({ wave: 'w1', startedOn: began, finishedOn: day(1) })]);
  });
  it('should page through plans without skipping or repeating one, as JSON and as CSV', async () => {
    // Three more drafts, at least one computed in the same millisecond as another is likely only by chance: the cursor holds microseconds.
    for (let k = 0; k < 3; k++) expect((await pmo.post('/api/v1/plans', {})).status).toBe(201);
    type Page = { items: { id: string; kind: string; version: number | null }[]; nextCursor: string | null };
    const everything = async (kind: string) => {
      const whole = (await viewer.get<Page>(`/api/v1/plans?kind=${kind}&limit=100`)).body;
      expect(whole.nextCursor).toBeNull();
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = (await viewer.get<Page>(`/api/v1/plans?kind=${kind}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole.items.map((item) => item.id));
      return whole;
    };
    expect((await everything('draft')).items.length).toBeGreaterThan(3);
    await everything('published');

    const csv = await viewer.request<string>('GET', '/api/v1/plans?kind=draft&limit=2', { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('link')).toMatch(/<[^>]*cursor=t\d+\.[0-9a-f-]{36}[^>]*>; rel="next"/);
    const { body: first } = await viewer.get<Page>('/api/v1/plans?kind=draft&limit=1');
    expect((await viewer.get(`/api/v1/plans?kind=published&cursor=${first.nextCursor}`)).status).toBe(400);
    expect((await viewer.get('/api/v1/plans?cursor=12')).status).toBe(400);
  });
});
