import { resolve } from 'node:path';
import { Client } from 'pg';
import { CRITERION_IDS, RESPONSIBILITIES } from '@capstan/domain';
import { ApiClient, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

interface PostureBody {
  posture: string;
  conditions: string[];
  evaluatedAt: string;
  inputs?: { owners: Record<string, unknown> } | null;
}

describe('scoring through the API', () => {
  let context: TestSystem;
  let pmo: ApiClient;
  let admin: ApiClient;
  let viewer: ApiClient;
  const ids: Record<'bare' | 'owned' | 'ready', string> = { bare: '', owned: '', ready: '' };
  let beforeOwners = '';

  async function postureOf(id: string, expected: string): Promise<PostureBody> {
    return pollUntil(async () => {
      const response = await viewer.get<PostureBody>(`/api/v1/initiatives/${id}/posture`);
      return response.body.posture === expected ? response.body : undefined;
    }, { what: `posture ${expected}` });
  }

  beforeAll(async () => {
    // A review sweep every second: a re-score cut short is finished by it.
    context = await startTestSystem(resolve(__dirname, '../../..'), { SCORING_REVIEW_INTERVAL_MS: '1000' });
    const base = new ApiClient(context.system.gatewayUrl);
    pmo = base.withToken(await tokenFor(context.jwtSecret, ['pmo']));
    admin = base.withToken(await tokenFor(context.jwtSecret, ['admin']));
    viewer = base.withToken(await tokenFor(context.jwtSecret, ['viewer']));
    for (const name of Object.keys(ids) as (keyof typeof ids)[]) {
      ids[name] = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit: 'Scoring' })).body.id;
      await postureOf(ids[name], 'pause');
    }
    beforeOwners = new Date().toISOString();
    const own = async (id: string, responsibilities: readonly string[]) => {
      for (const responsibility of responsibilities) {
        await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: 'Ana', team: 'Ops' } });
      }
    };
    const attest = async (id: string, criteria: readonly string[]) => {
      for (const criterion of criteria) {
        await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'PMO' } });
      }
    };
    await own(ids.owned, ['accountable_owner', 'production_support', 'approval_authority']);
    await attest(ids.owned, ['governance.approval_pathways', 'economics.cost_visibility']);
    await own(ids.ready, RESPONSIBILITIES);
    await attest(ids.ready, CRITERION_IDS);
    const finance = base.withToken(await tokenFor(context.jwtSecret, ['finance']));
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10)).toISOString().slice(0, 10);
    await pollUntil(async () => {
      const response = await finance.post('/api/v1/cost-entries', {
        initiativeId: ids.ready,
        chargeDate: lastMonth,
        category: 'infrastructure',
        phase: 'production',
        amount: '420.00',
        currency: 'EUR',
        source: 'metered',
      });
      return response.status === 201;
    }, { what: 'the cost entry' });
    await postureOf(ids.owned, 'controlled_investment');
    await postureOf(ids.ready, 'controlled_investment');
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should give a controlled investment the scope envelope rollout may not exceed', async () => {
    const { body } = await viewer.get<{ posture: string; scopeEnvelope: unknown }>(`/api/v1/initiatives/${ids.owned}/posture`);
    expect(body.posture).toBe('controlled_investment');
    expect(body.scopeEnvelope).toEqual({
      businessUnits: ['Scoring'],
      users: null,
      monthlySpendCap: null,
      currency: null,
      basis: 'recommended: the business unit that ran the pilot, at most the users requested, until authorize_deployment',
    });
  });

  it('should answer what the posture was as of a moment, with the inputs known then', async () => {
    const then = await viewer.get<PostureBody>(`/api/v1/initiatives/${ids.owned}/posture?asOf=${encodeURIComponent(beforeOwners)}`);
    expect(then.status).toBe(200);
    expect(then.body.posture).toBe('pause');
    expect(then.body.conditions).toContain('assign a production_support owner');
    expect(then.body.inputs?.owners).toEqual({});
    const now = await viewer.get<PostureBody>(`/api/v1/initiatives/${ids.owned}/posture`);
    expect(now.body.posture).toBe('controlled_investment');
    expect((await viewer.get(`/api/v1/initiatives/${ids.owned}/posture?asOf=2020-01-01`)).status).toBe(404);
    expect((await viewer.get(`/api/v1/initiatives/${ids.owned}/posture?asOf=yesterday`)).status).toBe(400);
  });

  it('should hold a ready initiative for the shipped model\'s hold period', async () => {
    // The cost entry reaches scoring by an event, after the posture was already controlled_investment for want of it.
    const ready = await pollUntil(async () => {
      const response = await viewer.get<PostureBody>(`/api/v1/initiatives/${ids.ready}/posture`);
      return response.body.conditions.some((condition) => condition.startsWith('record actual costs')) ? undefined : response.body;
    }, { what: 'the cost entry to reach scoring' });
    expect(ready.posture).toBe('controlled_investment');
    expect(ready.conditions[0]).toMatch(/^keep every deployment gate holding until /);
  });

  it('should summarize the portfolio: counts, heatmap and the conditions holding most back', async () => {
    const readiness = await viewer.get<{
      counts: Record<string, number>;
      heatmap: { initiativeId: string; domainScores: Record<string, number> }[];
      topConditions: { condition: string; initiatives: number }[];
      modelVersion: string;
    }>('/api/v1/portfolio/readiness');
    expect(readiness.status).toBe(200);
    expect(readiness.body.counts).toEqual({ pause: 1, controlled_investment: 2, authorize_deployment: 0 });
    expect(readiness.body.heatmap).toHaveLength(3);
    expect(readiness.body.heatmap.find((row) => row.initiativeId === ids.ready)?.domainScores['ownership']).toBe(100);
    const counts = readiness.body.topConditions.map((row) => row.initiatives);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(readiness.body.topConditions).toContainEqual({ condition: 'assign a production_support owner', initiatives: 1 });
    expect(readiness.body.modelVersion).toBe('default-3');

    // Friction over time: this week holds every evaluation so far; the weeks before, none.
    type Trends = { weeks: { weekEnding: string; counts: Record<string, number>; signals: { signal: string; initiatives: number }[] }[] };
    const trends = await viewer.get<Trends>('/api/v1/portfolio/trends?weeks=4');
    expect(trends.status).toBe(200);
    const weeks = trends.body.weeks;
    expect(weeks.map((week) => new Date(`${week.weekEnding}T00:00:00Z`).getUTCDay())).toEqual([1, 1, 1, 1]);
    expect(weeks.map((week) => week.weekEnding)).toEqual([...weeks.map((week) => week.weekEnding)].sort());
    expect(weeks[3].counts).toEqual(readiness.body.counts);
    expect(weeks.slice(0, 3).map((week) => week.counts)).toEqual(Array(3).fill({ pause: 0, controlled_investment: 0, authorize_deployment: 0 }));
    const signalCounts = weeks[3].signals.map((row) => row.initiatives);
    expect(signalCounts.length).toBeGreaterThan(0);
    expect(signalCounts).toEqual([...signalCounts].sort((a, b) => b - a));
    expect((await viewer.get('/api/v1/portfolio/trends?weeks=1')).status).toBe(400);
  });

  it('should measure criteria from telemetry, name the patterns it shows, and flag a diverging committee decision', async () => {
    const engineering = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['engineering']));
    // The last four weeks, this one included: scoring measures from recent periods that have begun.
    const today = new Date();
    const monday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - ((today.getUTCDay() + 6) % 7) * 86_400_000;
    const weekStart = (weeksBack: number) => new Date(monday - weeksBack * 7 * 86_400_000).toISOString().slice(0, 10);
    const weeks: [string, number, number, number][] = [[weekStart(3), 10, 0, 3], [weekStart(2), 15, 1, 5], [weekStart(1), 21, 2, 8], [weekStart(0), 30, 4, 13]];
    for (const [start, backlog, escalations, approvalDays] of weeks) {
      const response = await engineering.post(`/api/v1/initiatives/${ids.owned}/telemetry`, {
        period: { kind: 'week', start },
        supportBacklog: backlog,
        crossTeamEscalations: escalations,
        approvalCycleTimeDays: approvalDays,
        scopeExpansions: start === weekStart(1) ? 2 : 0,
      });
      expect(response.status).toBe(201);
    }
    const committee = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'chair', ['committee']));
    expect((await committee.post(`/api/v1/initiatives/${ids.owned}/decisions`, { decision: 'authorize_deployment', rationale: 'Board wants it live.' })).status).toBe(201);

    type Full = PostureBody & {
      signals: string[];
      patterns: { id: string; detail: string }[];
      domains: { criteria: { id: string; state: string; source: string }[] }[];
    };
    const view = await pollUntil(async () => {
      const response = await viewer.get<Full>(`/api/v1/initiatives/${ids.owned}/posture`);
      const diverges = response.body.signals.some((signal) => signal.startsWith('committee decision (authorize_deployment) diverges'));
      return diverges && response.body.patterns.some((p) => p.id === 'production_exposes_weakness') ? response.body : undefined;
    }, { what: 'telemetry and the decision to reach scoring' });
    expect(view.patterns.find((p) => p.id === 'production_exposes_weakness')?.detail).toContain('support backlog grew 3 periods running (10 → 15 → 21 → 30)');
    expect(view.patterns.map((p) => p.id)).toContain('governance_lags_deployment');
    const escalation = view.domains.flatMap((d) => d.criteria).find((c) => c.id === 'resilience.support_escalation');
    expect(escalation).toEqual({ id: 'resilience.support_escalation', state: 'absent', source: 'measured', basis: `4 cross-team escalation(s) in the period from ${weekStart(0)}` });
    // Approvals taking longer every week: approval discipline fragmenting.
    const coordination = view.domains.flatMap((d) => d.criteria).find((c) => c.id === 'governance.coordination');
    expect(coordination).toEqual({ id: 'governance.coordination', state: 'absent', source: 'measured', basis: 'approval cycle time 5 → 8 → 13 day(s)' });
    // Incidents and rollbacks were never reported: instability is left to attestation, not measured as none.
    const instability = view.domains.flatMap((d) => d.criteria).find((c) => c.id === 'resilience.instability');
    expect(instability).toBeDefined();
    expect(instability?.source).not.toBe('measured');
    expect(view.signals).toContain('complexity expanding');
    expect(view.posture).toBe('controlled_investment');
  });

  it('should list exactly the initiatives a stricter model would move, before it is activated', async () => {
    const models = await viewer.get<{ items: { status: string; definition: Record<string, unknown> }[] }>('/api/v1/scoring-models');
    const active = models.body.items.find((model) => model.status === 'active')?.definition ?? {};
    const strict = { ...active, version: 'strict-risk', pauseUnlessOwned: ['approval_authority', 'accountable_owner', 'production_support', 'risk_owner'] };
    expect((await admin.post('/api/v1/scoring-models', strict)).status).toBe(201);
    const dryRun = await pmo.request<{ evaluated: number; changes: { initiativeId: string; from: string; to: string; conditions: string[] }[] }>(
      'POST',
      '/api/v1/scoring-models/strict-risk/dry-run',
    );
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.evaluated).toBe(3);
    expect(dryRun.body.changes).toEqual([
      { initiativeId: ids.owned, from: 'controlled_investment', to: 'pause', conditions: expect.arrayContaining(['assign a risk_owner']) },
    ]);
    // Nothing changed for real.
    expect((await viewer.get<PostureBody>(`/api/v1/initiatives/${ids.owned}/posture`)).body.posture).toBe('controlled_investment');
    expect((await viewer.request('POST', '/api/v1/scoring-models/strict-risk/dry-run')).status).toBe(403);
    expect((await pmo.request('POST', '/api/v1/scoring-models/unknown/dry-run')).status).toBe(404);

    expect((await admin.request('POST', '/api/v1/scoring-models/strict-risk/activate')).status).toBe(200);
    // Who activated it, and what it replaced, is kept with the model.
    type Activation = { activatedBy: string; replaced: string | null };
    const listed = (await viewer.get<{ items: { version: string; activations: Activation[] }[] }>('/api/v1/scoring-models')).body.items;
    const previous = models.body.items.find((model) => model.status === 'active')?.definition['version'];
    expect(listed.find((model) => model.version === 'strict-risk')?.activations).toEqual([expect.objectContaining({ activatedBy: 'tester', replaced: previous })]);
    expect(listed.find((model) => model.version === previous)?.activations).toEqual([expect.objectContaining({ activatedBy: 'system', replaced: null })]);
    await postureOf(ids.owned, 'pause');
    expect((await viewer.get<PostureBody>(`/api/v1/initiatives/${ids.bare}/posture`)).body.posture).toBe('pause');

    // As if the re-score had been cut short before it reached this initiative: its posture is still an older model's.
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      const stale = await database.query(
        `UPDATE scoring.evaluations SET model_version = 'retired-model' WHERE id = (SELECT evaluation_id FROM scoring.subjects WHERE initiative_id = $1) RETURNING id`,
        [ids.owned],
      );
      expect(stale.rowCount).toBe(1);
      await pollUntil(
        async () => {
          const { rows } = await database.query(
            `SELECT e.id, e.model_version FROM scoring.subjects s JOIN scoring.evaluations e ON e.id = s.evaluation_id WHERE s.initiative_id = $1`,
            [ids.owned],
          );
          return rows[0].id !== stale.rows[0].id && rows[0].model_version === 'strict-risk' ? true : undefined;
        },
        { what: 'the review sweep to re-score the posture an older model gave' },
      );
    } finally {
      await database.end();
    }
  });

  it('should take an archived initiative out of the portfolio figures and the weeks from its archiving on, keeping its history', async () => {
    type Readiness = { counts: Record<string, number>; heatmap: { initiativeId: string }[] };
    type Trends = { weeks: { counts: Record<string, number> }[] };
    const id = (await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Retired', businessUnit: 'Scoring' })).body.id;
    await postureOf(id, 'pause');
    const before = (await viewer.get<Readiness>('/api/v1/portfolio/readiness')).body;
    expect(before.heatmap.map((row) => row.initiativeId)).toContain(id);
    const paused = before.counts['pause'];

    expect((await pmo.request('POST', `/api/v1/initiatives/${id}/archive`)).status).toBe(200);
    const after = await pollUntil(async () => {
      const { body } = await viewer.get<Readiness>('/api/v1/portfolio/readiness');
      return body.heatmap.some((row) => row.initiativeId === id) ? undefined : body;
    }, { what: 'scoring to see the initiative archived' });
    expect(after.counts['pause']).toBe(paused - 1);
    const thisWeek = (await viewer.get<Trends>('/api/v1/portfolio/trends?weeks=2')).body.weeks[1];
    expect(thisWeek.counts).toEqual(after.counts);
    // Its posture and history stay.
    expect((await viewer.get<PostureBody>(`/api/v1/initiatives/${id}/posture`)).body.posture).toBe('pause');
    const dryRun = await pmo.request<{ evaluated: number }>('POST', '/api/v1/scoring-models/strict-risk/dry-run');
    expect(dryRun.body.evaluated).toBe(3);
  });

  it('should activate a model only once the transactions scoring under the one active before have ended', async () => {
    const models = await viewer.get<{ items: { status: string; definition: Record<string, unknown> }[] }>('/api/v1/scoring-models');
    const active = models.body.items.find((model) => model.status === 'active')?.definition ?? {};
    expect((await admin.post('/api/v1/scoring-models', { ...active, version: 'same-rules' })).status).toBe(201);
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      // What a batch of events being scored holds, from its first read of the active model to its commit.
      await database.query('BEGIN');
      await database.query(`SELECT pg_advisory_xact_lock_shared(hashtext('scoring.active-model'))`);
      // A batch that outlasts the activation's wait: it is refused, to be asked again, and nothing changes.
      const refused = await admin.request<{ detail: string }>('POST', '/api/v1/scoring-models/same-rules/activate');
      expect(refused.status).toBe(503);
      expect(refused.body.detail).toContain('activate same-rules again shortly');
      expect((await database.query(`SELECT status FROM scoring.models WHERE version = 'same-rules'`)).rows[0].status).toBe('draft');
      let answered = false;
      const activation = admin.request('POST', '/api/v1/scoring-models/same-rules/activate').then((response) => {
        answered = true;
        return response;
      });
      await pollUntil(
        async () => {
          const { rows } = await database.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
          return rows[0].waiting > 0 ? true : undefined;
        },
        { what: 'the activation to wait for the batch' },
      );
      const { rows } = await database.query(`SELECT status FROM scoring.models WHERE version = 'same-rules'`);
      expect({ answered, status: rows[0].status }).toEqual({ answered: false, status: 'draft' });
      await database.query('COMMIT');
      expect((await activation).status).toBe(200);
      expect((await database.query(`SELECT status FROM scoring.models WHERE version = 'same-rules'`)).rows[0].status).toBe('active');
    } finally {
      await database.end();
    }
  });
});
