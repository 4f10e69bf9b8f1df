import { resolve } from 'node:path';
import { CRITERION_IDS, RESPONSIBILITIES } from '@capstan/domain';
import { ApiClient, pollUntil, queryDatabase, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

interface Detail {
  id: string;
  version: number;
  name: string;
  owners: Record<string, { person: string; team: string }>;
  evidence: { criterionId: string; status: string }[];
  ownershipCoverage: number;
  posture: { posture: string; conditions: string[]; signals: string[] } | null;
}

interface AuditBody {
  items: { action: string; actor: string; changes: { field: string; from: unknown; to: unknown }[] }[];
}

describe('initiative readiness through the API', () => {
  let context: TestSystem;
  let pmo: ApiClient;
  let engineering: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    // Reviews every 300 ms, so a short hold period in a test model ends promptly.
    context = await startTestSystem(resolve(__dirname, '../../..'), { SCORING_REVIEW_INTERVAL_MS: '300' });
    const base = new ApiClient(context.system.gatewayUrl);
    pmo = base.withToken(await tokenFor(context.jwtSecret, ['pmo'], 'pat'));
    engineering = base.withToken(await tokenFor(context.jwtSecret, ['engineering'], 'eng'));
    viewer = base.withToken(await tokenFor(context.jwtSecret, ['viewer'], 'vic'));
  });

  afterAll(async () => {
    await context?.teardown();
  });

  async function register(name: string): Promise<string> {
    const response = await pmo.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit: 'Insurance' });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function postureOf(id: string, expected: string): Promise<Detail> {
    return pollUntil(
      async () => {
        const response = await viewer.get<Detail>(`/api/v1/initiatives/${id}`);
        return response.body.posture?.posture === expected ? response.body : undefined;
      },
      { what: `posture ${expected}` },
    );
  }

  describe('optimistic concurrency', () => {
    it('should require If-Match on PATCH, refuse a stale one and change nothing', async () => {
      const id = await register('Underwriting assistant');
      const read = await viewer.get<Detail>(`/api/v1/initiatives/${id}`);
      expect(read.headers.get('etag')).toBe('"1"');

      expect((await pmo.request('PATCH', `/api/v1/initiatives/${id}`, { body: { name: 'Renamed' } })).status).toBe(428);
      const stale = await pmo.request('PATCH', `/api/v1/initiatives/${id}`, { body: { name: 'Renamed' }, headers: { 'if-match': '"7"' } });
      expect(stale.status).toBe(412);
      // Past what a version can be: no version matches it (it once reached Postgres and failed there, a 500).
      for (const path of [`/api/v1/initiatives/${id}`, `/api/v1/initiatives/${id}/owners/risk_owner`]) {
        const method = path.endsWith('risk_owner') ? 'PUT' : 'PATCH';
        const body = method === 'PUT' ? { person: 'Ana', team: 'Risk' } : { name: 'Renamed' };
        expect((await pmo.request(method, path, { body, headers: { 'if-match': '"2147483648"' } })).status).toBe(412);
      }
      expect((await viewer.get<Detail>(`/api/v1/initiatives/${id}`)).body.name).toBe('Underwriting assistant');

      const updated = await pmo.request<Detail>('PATCH', `/api/v1/initiatives/${id}`, {
        body: { name: 'Underwriting copilot', stage: 'scaling' },
        headers: { 'if-match': '"1"' },
      });
      expect(updated.status).toBe(200);
      expect(updated.headers.get('etag')).toBe('"2"');
      expect(updated.body).toMatchObject({ name: 'Underwriting copilot', stage: 'scaling', version: 2 });

      const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
      const update = audit.body.items.find((entry) => entry.action === 'initiative.updated');
      expect(update?.actor).toBe('pat');
      expect(update?.changes).toEqual([
        { field: 'name', from: 'Underwriting assistant', to: 'Underwriting copilot' },
        { field: 'stage', from: 'pilot', to: 'scaling' },
      ]);
    });

    it('should change the requested scope and the target dates by the parts a PATCH names, and clear a date sent as null', async () => {
      const created = await pmo.post<Detail & { requestedScope: unknown; targetDates: unknown }>('/api/v1/initiatives', {
        name: 'Scoped in parts',
        businessUnit: 'Claims',
        requestedScope: { businessUnits: ['Claims', 'Retail'], users: 5000, workflows: ['intake'] },
        targetDates: { pilotEnd: '2027-01-31', productionStart: '2027-03-01' },
      });
      const id = created.body.id;
      const patched = await pmo.request<{ requestedScope: unknown; targetDates: unknown }>('PATCH', `/api/v1/initiatives/${id}`, {
        body: { requestedScope: { workflows: ['triage'] }, targetDates: { pilotEnd: null, fullRollout: '2027-09-01' } },
        headers: { 'if-match': '"1"' },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.requestedScope).toEqual({ businessUnits: ['Claims', 'Retail'], users: 5000, workflows: ['triage'] });
      expect(patched.body.targetDates).toEqual({ productionStart: '2027-03-01', fullRollout: '2027-09-01' });
      const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
      expect(audit.body.items.find((entry) => entry.action === 'initiative.updated')?.changes).toEqual([
        { field: 'requestedScope', from: { businessUnits: ['Claims', 'Retail'], users: 5000, workflows: ['intake'] }, to: patched.body.requestedScope },
        { field: 'targetDates', from: { pilotEnd: '2027-01-31', productionStart: '2027-03-01' }, to: patched.body.targetDates },
      ]);
    });

    it('should archive once when two archivals arrive together', async () => {
      const id = await register('Archived once');
      const archivals = await Promise.all([0, 1].map(() => pmo.post<{ archivedAt: string; version: number }>(`/api/v1/initiatives/${id}/archive`, {})));
      expect(archivals.map((archival) => archival.body.archivedAt)).toEqual([archivals[0].body.archivedAt, archivals[0].body.archivedAt]);
      expect(archivals.map((archival) => archival.body.version)).toEqual([2, 2]);
      const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
      expect(audit.body.items.filter((entry) => entry.action === 'initiative.archived')).toHaveLength(1);
    });

    it('should let exactly one of two concurrent PATCHes with the same ETag through', async () => {
      const id = await register('Claims triage');
      const patch = (name: string) =>
        pmo.request('PATCH', `/api/v1/initiatives/${id}`, { body: { name }, headers: { 'if-match': '"1"' } });
      const statuses = (await Promise.all([patch('First writer'), patch('Second writer')])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
      expect(audit.body.items.filter((entry) => entry.action === 'initiative.updated')).toHaveLength(1);
    });

    it('should reject an empty or unknown change with 400', async () => {
      const id = await register('Empty patch');
      const empty = await pmo.request('PATCH', `/api/v1/initiatives/${id}`, { body: {}, headers: { 'if-match': '"1"' } });
      expect(empty.status).toBe(400);
      const unknown = await pmo.request('PATCH', `/api/v1/initiatives/${id}`, { body: { key: 'AI-9999' }, headers: { 'if-match': '"1"' } });
      expect(unknown.status).toBe(400);
    });
  });

  describe('owners and evidence', () => {
    it('should validate responsibility, criterion and the initiative', async () => {
      const id = await register('Validation');
      expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/chief_vibes`, { body: { person: 'A', team: 'B' } })).status).toBe(400);
      expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/risk_owner`, { body: { person: '' } })).status).toBe(400);
      expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/economics.magic`, { body: { status: 'established', attestedBy: 'x' } })).status).toBe(400);
      // Evidence is attested when given, and expires after that.
      const criterion = `/api/v1/initiatives/${id}/criteria/governance.approval_pathways`;
      const ahead = await pmo.request<{ errors: { field: string }[] }>('PUT', criterion, { body: { status: 'established', attestedBy: 'Board', attestedAt: '2099-06-01' } });
      expect([ahead.status, ahead.body.errors.map((e) => e.field)]).toEqual([400, ['attestedAt']]);
      const backwards = await pmo.request<{ errors: { field: string }[] }>('PUT', criterion, {
        body: { status: 'established', attestedBy: 'Board', attestedAt: '2026-06-01', expiresAt: '2026-01-01' },
      });
      expect([backwards.status, backwards.body.errors.map((e) => e.field)]).toEqual([400, ['expiresAt']]);
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await pmo.request('PUT', `/api/v1/initiatives/${missing}/owners/risk_owner`, { body: { person: 'A', team: 'B' } })).status).toBe(404);
    });

    it('should remove an owner, leaving the gap scoring sees, once and only with the current version', async () => {
      const id = await register('Owner leaves');
      for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
        expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: 'Ana Ruiz', team: 'Payments Platform' } })).status).toBe(200);
      }
      const approvals = { status: 'established', evidence: 'https://wiki.example/approvals', attestedBy: 'COO office' };
      for (const criterion of ['governance.approval_pathways', 'economics.cost_visibility']) {
        expect((await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/${criterion}`, { body: approvals })).status).toBe(200);
      }
      await postureOf(id, 'controlled_investment');
      const version = Number((await viewer.get<Detail>(`/api/v1/initiatives/${id}`)).headers.get('etag')?.replaceAll('"', ''));

      const owner = `/api/v1/initiatives/${id}/owners/production_support`;
      expect((await engineering.request('DELETE', owner)).status).toBe(403);
      expect((await pmo.request('DELETE', owner, { headers: { 'if-match': `"${version - 1}"` } })).status).toBe(412);
      expect((await pmo.request('DELETE', `/api/v1/initiatives/${id}/owners/chief_vibes`)).status).toBe(400);
      const removed = await pmo.request<{ version: number }>('DELETE', owner, { headers: { 'if-match': `"${version}"` } });
      expect([removed.status, removed.body.version, removed.headers.get('etag')]).toEqual([200, version + 1, `"${version + 1}"`]);
      expect((await pmo.request('DELETE', owner)).status).toBe(404);

      const paused = await postureOf(id, 'pause');
      expect(paused.owners['production_support']).toBeUndefined();
      expect(paused.owners['accountable_owner']).toEqual(expect.objectContaining({ person: 'Ana Ruiz' }));
      expect(paused.posture?.conditions).toContain('assign a production_support owner');
      const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
      expect(audit.body.items.filter((entry) => entry.action === 'owner.removed').map((entry) => entry.changes)).toEqual([
        [
          { field: 'owners.production_support.person', from: 'Ana Ruiz', to: null },
          { field: 'owners.production_support.team', from: 'Payments Platform', to: null },
        ],
      ]);
      // Assigned again, the responsibility is owned again.
      expect((await pmo.request('PUT', owner, { body: { person: 'Li Wei', team: 'Payments Support' } })).status).toBe(200);
      await postureOf(id, 'controlled_investment');
    });

    it('should let engineering attest evidence but not assign owners', async () => {
      const id = await register('Roles');
      expect((await engineering.request('PUT', `/api/v1/initiatives/${id}/owners/risk_owner`, { body: { person: 'A', team: 'B' } })).status).toBe(403);
      const attested = await engineering.request('PUT', `/api/v1/initiatives/${id}/criteria/resilience.rollback`, {
        body: { status: 'partial', evidence: 'runbook draft', attestedBy: 'eng lead' },
      });
      expect(attested.status).toBe(200);
      const governance = await engineering.request('PUT', `/api/v1/initiatives/${id}/criteria/governance.approval_pathways`, {
        body: { status: 'established', attestedBy: 'eng lead' },
      });
      expect(governance.status).toBe(403);
    });

    it('should move a paused initiative to controlled investment, then authorize after the hold period, and drop it back when approval evidence expires', async () => {
      const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin']));
      const models = await viewer.get<{ items: { version: string; status: string; definition: Record<string, unknown> }[] }>('/api/v1/scoring-models');
      const shipped = models.body.items.find((model) => model.status === 'active');
      expect(shipped?.version).toBe('default-3');
      const shortHold = { ...shipped?.definition, version: 'test-short-hold', holdPeriodSeconds: 2 };
      expect((await admin.post('/api/v1/scoring-models', shortHold)).status).toBe(201);
      expect((await admin.post('/api/v1/scoring-models', shortHold)).status).toBe(409);
      expect((await pmo.post('/api/v1/scoring-models', { ...shortHold, version: 'by-pmo' })).status).toBe(403);
      const decreasing = await admin.post<{ errors: { field: string }[] }>('/api/v1/scoring-models', {
        ...shortHold,
        version: 'bad-points',
        points: { absent: 50, partial: 10, established: 100 },
      });
      expect(decreasing.status).toBe(400);
      expect(decreasing.body.errors.map((e) => e.field)).toEqual(['points']);
      const activated = await admin.request<{ status: string }>('POST', '/api/v1/scoring-models/test-short-hold/activate');
      expect(activated.status).toBe(200);
      expect(activated.body.status).toBe('active');

      const id = await register('Fraud signal enrichment');
      const first = await postureOf(id, 'pause');
      expect(first.posture?.conditions).toContain('assign a production_support owner');

      for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
        const response = await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: 'Ana Ruiz', team: 'Payments Platform' } });
        expect(response.status).toBe(200);
      }
      for (const criterion of ['governance.approval_pathways', 'economics.cost_visibility']) {
        const response = await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/${criterion}`, {
          body: { status: 'established', evidence: 'https://wiki.example/approvals', attestedBy: 'COO office' },
        });
        expect(response.status).toBe(200);
      }
      const controlled = await postureOf(id, 'controlled_investment');
      expect(controlled.ownershipCoverage).toBe(0.5);
      expect(controlled.posture?.conditions).toContain('assign a risk_owner');

      for (const responsibility of RESPONSIBILITIES) {
        await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: 'Ana Ruiz', team: 'Payments Platform' } });
      }
      for (const criterion of CRITERION_IDS) {
        await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'COO office' } });
      }
      // Authorization also needs actual costs for the latest closed month.
      const finance = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['finance']));
      const now = new Date();
      const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
      await pollUntil(async () => {
        const response = await finance.post('/api/v1/cost-entries', {
          initiativeId: id,
          chargeDate: lastMonth,
          category: 'inference',
          phase: 'production',
          amount: '1840.55',
          currency: 'EUR',
          source: 'metered',
        });
        return response.status === 201;
      }, { what: 'the cost entry' });
      // Every gate holds: the posture waits out the hold period before it moves up.
      const holding = await pollUntil(async () => {
        const response = await viewer.get<Detail>(`/api/v1/initiatives/${id}`);
        return response.body.posture?.conditions.some((c) => c.startsWith('keep every deployment gate holding until')) ? response.body : undefined;
      }, { what: 'the hold period to start' });
      expect(holding.posture?.posture).toBe('controlled_investment');
      expect(holding.posture?.signals).toContain('deployment controls stabilizing');
      await postureOf(id, 'authorize_deployment');

      const expired = await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/governance.approval_pathways`, {
        body: { status: 'established', attestedBy: 'COO office', attestedAt: '2025-10-01', expiresAt: '2026-10-01' },
      });
      expect(expired.status).toBe(200);
      const paused = await postureOf(id, 'pause');
      expect(paused.posture?.conditions).toContain('governance.approval_pathways evidence expired on 2026-10-01 — renew it');

      const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
      expect(audit.body.items.filter((entry) => entry.action === 'owner.assigned').length).toBeGreaterThanOrEqual(6);
    });
  });

  describe('dependencies, decisions and telemetry', () => {
    it('should add dependencies and refuse one that closes a cycle with 422 naming it', async () => {
      const [a, b, c] = [await register('Dep A'), await register('Dep B'), await register('Dep C')];
      const keyOf = async (id: string) => (await viewer.get<{ key: string }>(`/api/v1/initiatives/${id}`)).body.key;
      expect((await pmo.post(`/api/v1/initiatives/${a}/dependencies`, { dependsOn: b })).status).toBe(201);
      expect((await pmo.post(`/api/v1/initiatives/${b}/dependencies`, { dependsOn: c, kind: 'soft' })).status).toBe(201);

      const cycle = await pmo.post<{ detail: string }>(`/api/v1/initiatives/${c}/dependencies`, { dependsOn: a });
      expect(cycle.status).toBe(422);
      expect(cycle.body.detail).toContain(`${await keyOf(c)} → ${await keyOf(a)} → ${await keyOf(b)} → ${await keyOf(c)}`);

      expect((await pmo.post(`/api/v1/initiatives/${a}/dependencies`, { dependsOn: b })).status).toBe(409);
      expect((await pmo.post(`/api/v1/initiatives/${a}/dependencies`, { dependsOn: a })).status).toBe(422);
      expect((await pmo.post(`/api/v1/initiatives/${a}/dependencies`, { dependsOn: '00000000-0000-4000-8000-000000000000' })).status).toBe(422);
      expect((await engineering.post(`/api/v1/initiatives/${a}/dependencies`, { dependsOn: c })).status).toBe(403);

      const detail = await viewer.get<Detail & { dependencies: { dependsOn: string; kind: string }[] }>(`/api/v1/initiatives/${a}`);
      expect(detail.body.dependencies.map((d) => d.dependsOn)).toEqual([b]);

      // Taken away: the cycle it would have closed is allowed, the trail keeps it, and sequencing plans without it.
      const sequencingRow = async () =>
        (await queryDatabase<{ removed: boolean }>(context.databaseUrl, `SELECT removed FROM sequencing.dependencies WHERE initiative_id = $1 AND depends_on = $2`, [a, b]))[0];
      await pollUntil(async () => ((await sequencingRow())?.removed === false ? true : undefined), { what: 'sequencing to know the dependency' });
      expect((await engineering.request('DELETE', `/api/v1/initiatives/${a}/dependencies/${b}`)).status).toBe(403);
      const removed = await pmo.request<{ dependsOn: string; kind: string }>('DELETE', `/api/v1/initiatives/${a}/dependencies/${b}`);
      expect([removed.status, removed.body.dependsOn, removed.body.kind]).toEqual([200, b, 'hard']);
      expect((await pmo.request('DELETE', `/api/v1/initiatives/${a}/dependencies/${b}`)).status).toBe(404);
      expect((await viewer.get<{ dependencies: unknown[] }>(`/api/v1/initiatives/${a}`)).body.dependencies).toEqual([]);
      expect((await pmo.post(`/api/v1/initiatives/${c}/dependencies`, { dependsOn: a })).status).toBe(201);
      const trail = await viewer.get<{ items: { action: string; actor: string }[] }>(`/api/v1/initiatives/${a}/audit`);
      expect(trail.body.items.map((entry) => entry.action)).toContain('dependency.removed');
      await pollUntil(async () => ((await sequencingRow())?.removed === true ? true : undefined), { what: 'sequencing to take the dependency away' });
    });

    it('should record committee decisions append-only, with exact money in the scope envelope', async () => {
      const id = await register('Decided');
      const committee = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'chair', ['committee']));
      const decision = {
        decision: 'controlled_investment',
        rationale: 'Proceed in two business units while support staffing is confirmed.',
        scopeEnvelope: { businessUnits: ['Insurance', 'Payments'], users: 250, monthlySpendCap: '12500.75', currency: 'EUR' },
      };
      expect((await pmo.post(`/api/v1/initiatives/${id}/decisions`, decision)).status).toBe(403);
      const missingScope = await committee.post<{ errors: { field: string }[] }>(`/api/v1/initiatives/${id}/decisions`, {
        decision: 'controlled_investment',
        rationale: 'x',
      });
      expect(missingScope.status).toBe(400);
      expect(missingScope.body.errors.map((e) => e.field)).toEqual(['scopeEnvelope']);
      const floatMoney = await committee.post(`/api/v1/initiatives/${id}/decisions`, {
        ...decision,
        scopeEnvelope: { ...decision.scopeEnvelope, monthlySpendCap: 12500.75 },
      });
      expect(floatMoney.status).toBe(400);

      const recorded = await committee.post<{ decidedBy: string; scopeEnvelope: { monthlySpendCap: string } }>(
        `/api/v1/initiatives/${id}/decisions`,
        decision,
      );
      expect(recorded.status).toBe(201);
      expect(recorded.body.decidedBy).toBe('chair');
      expect(recorded.body.scopeEnvelope.monthlySpendCap).toBe('12500.75');
      await committee.post(`/api/v1/initiatives/${id}/decisions`, { decision: 'pause', rationale: 'Support team not staffed.' });

      const detail = await viewer.get<{ decisions: { decision: string }[] }>(`/api/v1/initiatives/${id}`);
      expect(detail.body.decisions.map((d) => d.decision)).toEqual(['pause', 'controlled_investment']);
    });

    it('should accept telemetry per aligned period from engineering', async () => {
      const id = await register('Measured');
      const week = { period: { kind: 'week', start: '2026-11-16' }, supportTicketsOpened: 14, supportBacklog: 9, rollbacks: 1 };
      expect((await engineering.post(`/api/v1/initiatives/${id}/telemetry`, week)).status).toBe(201);
      expect((await engineering.post(`/api/v1/initiatives/${id}/telemetry`, { ...week, supportBacklog: 11 })).status).toBe(201);
      const misaligned = await engineering.post<{ errors: { field: string }[] }>(`/api/v1/initiatives/${id}/telemetry`, {
        period: { kind: 'week', start: '2026-11-18' },
        incidents: 1,
      });
      expect(misaligned.status).toBe(400);
      expect(misaligned.body.errors.map((e) => e.field)).toEqual(['period.start']);
      // A report without a figure would only make an empty period.
      const empty = await engineering.post<{ detail: string }>(`/api/v1/initiatives/${id}/telemetry`, { period: week.period });
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toContain('a report gives at least one figure');
      // Figures for a period not yet begun cannot have been observed.
      const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
      const future = await engineering.post<{ errors: { field: string; message: string }[] }>(`/api/v1/initiatives/${id}/telemetry`, {
        period: { kind: 'month', start: nextMonth },
        incidents: 1,
      });
      expect(future.status).toBe(400);
      expect(future.body.errors).toEqual([{ field: 'period.start', message: expect.stringContaining(`${nextMonth} is after today`) }]);
      expect((await viewer.post(`/api/v1/initiatives/${id}/telemetry`, week)).status).toBe(403);

      // The series for trends: latest periods, oldest first; a period sent again is updated, not repeated.
      expect((await engineering.post(`/api/v1/initiatives/${id}/telemetry`, { period: { kind: 'week', start: '2026-11-09' }, incidents: 2 })).status).toBe(201);
      expect((await engineering.post(`/api/v1/initiatives/${id}/telemetry`, { period: { kind: 'month', start: '2026-10-01' }, incidents: 5 })).status).toBe(201);
      // Another system reports its own figures for the week: the ones reported before stay; null takes one back.
      const joined = await engineering.post<Record<string, unknown>>(`/api/v1/initiatives/${id}/telemetry`, { period: week.period, incidents: 3, rollbacks: null });
      expect(joined.status).toBe(201);
      expect(joined.body).toMatchObject({ supportTicketsOpened: 14, supportBacklog: 11, incidents: 3, rollbacks: null, crossTeamEscalations: null });
      type Series = { items: { period: { kind: string; start: string }; supportBacklog: number | null; incidents: number | null; rollbacks: number | null; recordedBy: string }[] };
      const weeks = await viewer.get<Series>(`/api/v1/initiatives/${id}/telemetry?periodKind=week`);
      expect(weeks.status).toBe(200);
      // A figure no system reported is null, not 0.
      expect(weeks.body.items.map((item) => [item.period.start, item.supportBacklog, item.incidents, item.rollbacks])).toEqual([
        ['2026-11-09', null, 2, null],
        ['2026-11-16', 11, 3, null],
      ]);
      expect((await viewer.get<Series>(`/api/v1/initiatives/${id}/telemetry?limit=1`)).body.items.map((item) => item.period.start)).toEqual(['2026-11-16']);
      expect((await viewer.get(`/api/v1/initiatives/${id}/telemetry?limit=0`)).status).toBe(400);
      expect((await viewer.get(`/api/v1/initiatives/00000000-0000-4000-8000-000000000000/telemetry`)).status).toBe(404);
    });
  });

  describe('lists', () => {
    interface Page {
      items: { id: string; name: string; archivedAt: string | null }[];
      nextCursor: string | null;
    }
    const bu = 'Listing Unit';
    const ids: string[] = [];

    beforeAll(async () => {
      for (const n of [3, 1, 7, 5, 2, 6, 4]) {
        const response = await pmo.post<{ id: string }>('/api/v1/initiatives', {
          name: `Listed ${n}`,
          businessUnit: bu,
          stage: n % 2 ? 'pilot' : 'scaling',
          summary: n === 5 ? 'Reads supplier contracts' : '',
        });
        ids[n] = response.body.id;
      }
    });

    it('should page through a filtered, sorted list with cursors', async () => {
      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query = `businessUnit=${encodeURIComponent(bu)}&sort=name&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { body: Page } = await viewer.get<Page>(`/api/v1/initiatives?${query}`);
        names.push(...page.body.items.map((item) => item.name));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(names).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Listed ${n}`));

      const descending = await viewer.get<Page>(`/api/v1/initiatives?businessUnit=${encodeURIComponent(bu)}&sort=-name&limit=2`);
      expect(descending.body.items.map((item) => item.name)).toEqual(['Listed 7', 'Listed 6']);
    });

    it('should filter by stage, text and owner', async () => {
      const scope = `businessUnit=${encodeURIComponent(bu)}`;
      const scaling = await viewer.get<Page>(`/api/v1/initiatives?${scope}&stage=scaling&sort=name`);
      expect(scaling.body.items.map((item) => item.name)).toEqual(['Listed 2', 'Listed 4', 'Listed 6']);
      const text = await viewer.get<Page>(`/api/v1/initiatives?${scope}&q=supplier`);
      expect(text.body.items.map((item) => item.name)).toEqual(['Listed 5']);
      await pmo.request('PUT', `/api/v1/initiatives/${ids[2]}/owners/risk_owner`, { body: { person: 'Zed Quinn', team: 'Model Risk' } });
      const owned = await viewer.get<Page>(`/api/v1/initiatives?owner=zed%20q`);
      expect(owned.body.items.map((item) => item.name)).toEqual(['Listed 2']);
    });

    it('should filter by posture once scoring has spoken', async () => {
      await pollUntil(async () => {
        const page = await viewer.get<Page>(`/api/v1/initiatives?businessUnit=${encodeURIComponent(bu)}&posture=pause`);
        return page.body.items.length === 7;
      }, { what: 'postures projected into intake' });
      const authorized = await viewer.get<Page>(`/api/v1/initiatives?businessUnit=${encodeURIComponent(bu)}&posture=authorize_deployment`);
      expect(authorized.body.items).toEqual([]);
    });

    it('should archive rather than delete, and list archived ones only when asked', async () => {
      const archived = await pmo.request<{ archivedAt: string | null }>('POST', `/api/v1/initiatives/${ids[7]}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.body.archivedAt).not.toBeNull();
      expect((await pmo.request('POST', `/api/v1/initiatives/${ids[7]}/archive`)).status).toBe(200);
      const scope = `businessUnit=${encodeURIComponent(bu)}&limit=100`;
      expect((await viewer.get<Page>(`/api/v1/initiatives?${scope}`)).body.items).toHaveLength(6);
      expect((await viewer.get<Page>(`/api/v1/initiatives?${scope}&includeArchived=true`)).body.items).toHaveLength(7);
      expect((await viewer.get(`/api/v1/initiatives/${ids[7]}`)).status).toBe(200);
      expect((await viewer.request('POST', `/api/v1/initiatives/${ids[6]}/archive`)).status).toBe(403);
      // Nothing can come to depend on what will not roll out.
      const onArchived = await pmo.post<{ errors: { field: string; message: string }[] }>(`/api/v1/initiatives/${ids[6]}/dependencies`, { dependsOn: ids[7] });
      expect(onArchived.status).toBe(422);
      expect(onArchived.body.errors).toEqual([{ field: 'dependsOn', message: 'Archived initiative' }]);
    });

    it('should refuse a bad cursor, sort or page size with 400', async () => {
      expect((await viewer.get('/api/v1/initiatives?cursor=not-a-cursor')).status).toBe(400);
      // A cursor continues the sort it came from; a forged one never reaches Postgres as a failing cast.
      const byName = await viewer.get<Page>(`/api/v1/initiatives?businessUnit=${encodeURIComponent(bu)}&sort=name&limit=1`);
      const otherSort = await viewer.get<{ errors: { field: string; message: string }[] }>(`/api/v1/initiatives?sort=-createdAt&cursor=${byName.body.nextCursor}`);
      expect(otherSort.status).toBe(400);
      expect(otherSort.body.errors).toEqual([{ field: 'cursor', message: 'Issued for sort=name: start again without a cursor to sort by -createdAt' }]);
      const forged = (value: string) => Buffer.from(JSON.stringify({ v: value, id: ids[1] })).toString('base64url');
      expect((await viewer.get(`/api/v1/initiatives?sort=createdAt&cursor=${forged('Listed 1')}`)).status).toBe(400);
      expect((await viewer.get(`/api/v1/initiatives?sort=createdAt&cursor=${forged('2026-02-30 10:00:00+00')}`)).status).toBe(400);
      expect((await viewer.get(`/api/v1/initiatives?sort=createdAt&cursor=${forged('2026-02-28 10:00:00+00')}`)).status).toBe(200);
      // Shaped like what Postgres prints, yet a day or an offset it cannot read back.
      expect((await viewer.get(`/api/v1/initiatives?sort=createdAt&cursor=${forged('0000-01-01 00:00:00+00')}`)).status).toBe(400);
      expect((await viewer.get(`/api/v1/initiatives?sort=createdAt&cursor=${forged('2026-01-01 00:00:00+99')}`)).status).toBe(400);
      expect((await viewer.get(`/api/v1/initiatives?sort=name&cursor=${forged('Listed\u0000')}`)).status).toBe(400);
      // A cursor from before cursors noted their sort still pages on.
      const older = await viewer.get<Page>(`/api/v1/initiatives?businessUnit=${encodeURIComponent(bu)}&sort=name&cursor=${forged('Listed 55')}`);
      expect(older.body.items.map((item) => item.name)).toEqual(['Listed 6']);
      expect((await viewer.get('/api/v1/initiatives?sort=colour')).status).toBe(400);
      expect((await viewer.get('/api/v1/initiatives?limit=501')).status).toBe(400);
    });
  });

  describe('evidence expiry', () => {
    it('should announce lapsed evidence once and drop the posture at once, naming the expired evidence', async () => {
      const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin']));
      const id = await register('Expiring approval');
      for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
        await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: 'Ana', team: 'Ops' } });
      }
      await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/economics.cost_visibility`, { body: { status: 'established', attestedBy: 'CFO' } });
      const expiresAt = new Date(Date.now() + 1_500).toISOString();
      await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/governance.approval_pathways`, {
        body: { status: 'established', attestedBy: 'Board', expiresAt },
      });
      await postureOf(id, 'controlled_investment');

      // The sweep's clock is the request's asOf: nothing has lapsed a minute before expiry.
      const early = await admin.post<{ expired: number }>('/api/v1/admin/evidence-sweeps', { asOf: new Date(Date.now() - 60_000).toISOString() });
      expect(early.status).toBe(200);
      await pollUntil(async () => {
        await admin.post('/api/v1/admin/evidence-sweeps', {});
        const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
        return audit.body.items.some((entry) => entry.action === 'evidence.expired');
      }, { what: 'the sweep to announce the lapse', intervalMs: 250 });
      await admin.post('/api/v1/admin/evidence-sweeps', {});
      // A sweep of tomorrow would announce lapses that have not happened.
      expect((await admin.post('/api/v1/admin/evidence-sweeps', { asOf: new Date(Date.now() + 86_400_000).toISOString() })).status).toBe(400);

      const paused = await postureOf(id, 'pause');
      expect(paused.posture?.conditions).toContain(`governance.approval_pathways evidence expired on ${expiresAt.slice(0, 10)} — renew it`);
      // Expired evidence is told from evidence never attested.
      type Criteria = { domains: { criteria: { id: string; state: string; source: string; expiredAt?: string }[] }[] };
      const criteria = (await viewer.get<Criteria>(`/api/v1/initiatives/${id}/posture`)).body.domains.flatMap((domain) => domain.criteria);
      const approval = criteria.find((criterion) => criterion.id === 'governance.approval_pathways');
      expect(approval).toMatchObject({ state: 'absent', source: 'missing' });
      expect(Date.parse(approval?.expiredAt ?? '')).toBe(Date.parse(expiresAt));
      expect(criteria.find((criterion) => criterion.id === 'portfolio.priorities')).toEqual({ id: 'portfolio.priorities', state: 'absent', source: 'missing' });
      const audit = await viewer.get<AuditBody>(`/api/v1/initiatives/${id}/audit`);
      expect(audit.body.items.filter((entry) => entry.action === 'evidence.expired')).toHaveLength(1);
      expect((await pmo.post('/api/v1/admin/evidence-sweeps', {})).status).toBe(403);
    });
  });

  describe('a newly active scoring model', () => {
    interface Hold {
      since: string;
      modelVersion: string;
      endsAt: string;
      restartedFrom?: { modelVersion: string; since: string };
      keptFrom?: { modelVersion: string; since: string };
    }
    type PostureBody = { posture: string; modelVersion: string; evaluatedAt: string; signals: string[]; hold?: Hold | null };

    it('should restart a hold not yet served under a newly active model, and keep an authorization already earned while its gates hold', async () => {
      const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin']));
      const finance = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['finance']));
      const models = await viewer.get<{ items: { status: string; definition: Record<string, unknown> }[] }>('/api/v1/scoring-models');
      const definition = models.body.items.find((model) => model.status === 'active')?.definition ?? {};
      const create = async (version: string, holdPeriodSeconds: number) =>
        expect((await admin.post('/api/v1/scoring-models', { ...definition, version, holdPeriodSeconds })).status).toBe(201);
      const activate = async (version: string) => {
        const activated = await admin.request<{ activatedAt: string }>('POST', `/api/v1/scoring-models/${version}/activate`);
        expect(activated.status).toBe(200);
        return activated.body.activatedAt;
      };
      const postureNow = async (id: string) => (await viewer.get<PostureBody>(`/api/v1/initiatives/${id}/posture`)).body;
      const postureIs = (id: string, posture: string, what: string) =>
        pollUntil(async () => {
          const body = await postureNow(id);
          return body.posture === posture ? body : undefined;
        }, { what });
      /** An initiative that meets every gate: all owners, all evidence, last month's costs. */
      const ready = async (name: string) => {
        const id = await register(name);
        for (const responsibility of RESPONSIBILITIES) {
          await pmo.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: 'Ana Ruiz', team: 'Payments Platform' } });
        }
        for (const criterion of CRITERION_IDS) {
          await pmo.request('PUT', `/api/v1/initiatives/${id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'COO office' } });
        }
        const now = new Date();
        const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
        await pollUntil(async () => {
          const entry = { initiativeId: id, chargeDate: lastMonth, category: 'inference', phase: 'production', amount: '310.00', currency: 'EUR', source: 'metered' };
          return (await finance.post('/api/v1/cost-entries', entry)).status === 201;
        }, { what: 'the cost entry' });
        return id;
      };

      // Authorized under a model with a short hold.
      await create('hold-short', 1);
      await activate('hold-short');
      const earned = await ready('Authorized across models');
      await postureIs(earned, 'authorize_deployment', 'authorization under the short hold');

      // Under a model with a long hold, the authorization stays (its gates hold); a new initiative starts its hold.
      await create('hold-long', 3_600);
      await activate('hold-long');
      const kept = await pollUntil(async () => {
        const body = await postureNow(earned);
        return body.modelVersion === 'hold-long' ? body : undefined;
      }, { what: 're-scoring under the long hold' });
      expect(kept.posture).toBe('authorize_deployment');
      expect(kept.hold?.keptFrom).toMatchObject({ modelVersion: 'hold-short' });
      expect(kept.signals).toContain('authorization kept under a newly active scoring model: its gates hold');
      const holding = await ready('Held across models');
      const inHold = await pollUntil(async () => {
        const body = await postureNow(holding);
        return body.hold?.modelVersion === 'hold-long' && body.posture === 'controlled_investment' ? body : undefined;
      }, { what: 'the hold under the long model' });
      const heldSince = inHold.hold?.since ?? '';
      // The old hold must be longer than the next model's before that is activated: without a restart, it would authorize at once.
      await pollUntil(() => Date.now() - Date.parse(heldSince) > 8_000, { what: 'the hold to run 8 s', intervalMs: 250 });

      // The dry run shows what activation would change: nothing for either.
      await create('hold-after', 6);
      type DryRun = { changes: { initiativeId: string; from: string; to: string }[] };
      const dryRun = await pmo.request<DryRun>('POST', '/api/v1/scoring-models/hold-after/dry-run');
      expect(dryRun.status).toBe(200);
      expect(dryRun.body.changes.filter((change) => [earned, holding].includes(change.initiativeId))).toEqual([]);

      const activatedAt = await activate('hold-after');
      await pollUntil(async () => (await postureNow(holding)).modelVersion === 'hold-after' || undefined, { what: 're-scoring under the new model' });
      // Every evaluation before the new hold ends keeps the second in controlled investment; the first stays authorized.
      const probe = new Date(Date.parse(activatedAt) + 5_000).toISOString();
      await pollUntil(() => Date.now() > Date.parse(probe) + 200, { what: 'the moment to look back on', intervalMs: 250 });
      const during = await viewer.get<PostureBody>(`/api/v1/initiatives/${holding}/posture?asOf=${encodeURIComponent(probe)}`);
      expect(during.status).toBe(200);
      expect(during.body.modelVersion).toBe('hold-after');
      expect(during.body.posture).toBe('controlled_investment');
      expect(during.body.signals).toContain('hold restarted under a newly active scoring model');
      expect(during.body.hold).toEqual({
        since: activatedAt,
        modelVersion: 'hold-after',
        endsAt: new Date(Date.parse(activatedAt) + 6_000).toISOString(),
        restartedFrom: { modelVersion: 'hold-long', since: heldSince },
      });
      expect((await viewer.get<PostureBody>(`/api/v1/initiatives/${earned}/posture?asOf=${encodeURIComponent(probe)}`)).body.posture).toBe('authorize_deployment');

      // Once the new model's hold has run, the second moves up, the hold counting from the activation.
      const again = await postureIs(holding, 'authorize_deployment', 'authorization under the new model');
      expect(again.hold).toEqual({ since: activatedAt, modelVersion: 'hold-after', endsAt: new Date(Date.parse(activatedAt) + 6_000).toISOString() });
      expect(Date.parse(again.evaluatedAt)).toBeGreaterThanOrEqual(Date.parse(activatedAt) + 6_000);
    });
  });

  describe('profile and audit log', () => {
    it('should keep the full profile: operator role, data sensitivity, scope, pilot results with exact values, dates, custom fields', async () => {
      const created = await pmo.post<{ id: string }>('/api/v1/initiatives', {
        name: 'Profiled',
        businessUnit: 'Insurance',
        operatorRole: 'provider',
        dataSensitivity: 'restricted',
        requestedScope: { businessUnits: ['Insurance', 'Payments'], users: 1200, workflows: ['claims intake'] },
        pilotResults: [{ metric: 'handling time saved', value: '0.275', unit: 'ratio' }],
        targetDates: { productionStart: '2027-03-01' },
        customFields: { costCentre: 'CC-104', vendorManaged: true, seats: 40 },
      });
      expect(created.status).toBe(201);
      const detail = await viewer.get<Record<string, unknown>>(`/api/v1/initiatives/${created.body.id}`);
      expect(detail.body).toMatchObject({
        operatorRole: 'provider',
        dataSensitivity: 'restricted',
        requestedScope: { businessUnits: ['Insurance', 'Payments'], users: 1200, workflows: ['claims intake'] },
        pilotResults: [{ metric: 'handling time saved', value: '0.275', unit: 'ratio' }],
        targetDates: { productionStart: '2027-03-01' },
        customFields: { costCentre: 'CC-104', vendorManaged: true, seats: 40 },
      });
      const bad = await pmo.post<{ errors: { field: string }[] }>('/api/v1/initiatives', {
        name: 'Bad profile',
        businessUnit: 'Insurance',
        pilotResults: [{ metric: 'saved', value: 0.275 }],
        customFields: { 'Bad Key': 1 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['customFields.Bad Key', 'pilotResults.0.value']);
    });

    it('should page through the portfolio-wide audit log, newest first', async () => {
      const first = await viewer.get<AuditBody & { nextCursor: string | null }>('/api/v1/audit?limit=5');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(5);
      const second = await viewer.get<AuditBody & { nextCursor: string | null; items: { id: string }[] }>(
        `/api/v1/audit?limit=5&cursor=${first.body.nextCursor}`,
      );
      const ids = [...first.body.items, ...second.body.items].map((entry) => Number((entry as unknown as { id: string }).id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const decisions = await viewer.get<AuditBody>('/api/v1/audit?action=decision.recorded');
      expect(decisions.body.items.length).toBeGreaterThan(0);
      expect(decisions.body.items.every((entry) => entry.action === 'decision.recorded')).toBe(true);
      expect((await viewer.get('/api/v1/audit?cursor=abc')).status).toBe(400);
    });
  });
});

