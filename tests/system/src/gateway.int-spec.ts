import { resolve } from 'node:path';
import { Client } from 'pg';
import { ApiClient, pollUntil, queryDatabase, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

interface InitiativeBody {
  id: string;
  key: string;
  name: string;
  posture: { posture: string; signals: string[]; conditions: string[]; domains: unknown[] } | null;
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe('gateway', () => {
  let context: TestSystem;
  let anonymous: ApiClient;
  let pmo: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'), { IDEMPOTENCY_PRUNE_INTERVAL_MS: '300' });
    anonymous = new ApiClient(context.system.gatewayUrl);
    pmo = anonymous.withToken(await tokenFor(context.jwtSecret, ['pmo'], 'alice'));
    viewer = anonymous.withToken(await tokenFor(context.jwtSecret, ['viewer'], 'victor'));
  });

  afterAll(async () => {
    await context?.teardown();
  });

  describe('the registration slice', () => {
    it('should register an initiative and give it a first posture of pause with its conditions', async () => {
      const created = await pmo.post<InitiativeBody>('/api/v1/initiatives', { name: 'Claims triage', businessUnit: 'Insurance' });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^AI-\d{4}$/);
      expect(created.headers.get('location')).toBe(`/api/v1/initiatives/${created.body.id}`);

      const withPosture = await pollUntil(async () => {
        const response = await viewer.get<InitiativeBody>(`/api/v1/initiatives/${created.body.id}`);
        return response.body.posture ? response.body : undefined;
      }, { what: 'the first posture' });
      expect(withPosture.name).toBe('Claims triage');
      expect(withPosture.posture?.posture).toBe('pause');
      expect(withPosture.posture?.signals).toContain('approval authority unclear');
      expect(withPosture.posture?.conditions).toContain('assign an accountable_owner');
      expect(withPosture.posture?.domains).toHaveLength(6);

      const list = await viewer.get<{ items: InitiativeBody[] }>('/api/v1/initiatives');
      expect(list.body.items.map((item) => item.id)).toContain(created.body.id);
    });

    it('should answer 404 problem+json for an unknown initiative', async () => {
      const response = await viewer.get<ProblemBody>('/api/v1/initiatives/00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('authentication and roles', () => {
    it('should answer 401 without a token', async () => {
      const response = await anonymous.get<ProblemBody>('/api/v1/initiatives');
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="capstan"');
    });

    it('should take the bearer scheme in any case, as HTTP says', async () => {
      const token = await tokenFor(context.jwtSecret, ['viewer'], 'victor');
      expect((await anonymous.request('GET', '/api/v1/initiatives?limit=1', { headers: { authorization: `bearer ${token}` } })).status).toBe(200);
    });

    it('should leave the event stream token out of the refusal, however its name is encoded', async () => {
      const refused = await anonymous.get<ProblemBody & { instance: string }>('/api/v1/events?access%5Ftoken=not.a.token');
      expect([refused.status, refused.body.instance]).toEqual([401, '/api/v1/events']);
    });

    it('should hold one caller to 20 open event streams, and free a place when one closes', async () => {
      const token = await tokenFor(context.jwtSecret, ['viewer'], 'many-tabs');
      const open = async (as = token) => {
        const controller = new AbortController();
        const response = await fetch(`${context.system.gatewayUrl}/api/v1/events`, { signal: controller.signal, headers: { authorization: `Bearer ${as}` } });
        return { status: response.status, close: () => controller.abort() };
      };
      const streams = [];
      for (let n = 0; n < 20; n++) streams.push(await open());
      expect(streams.map((stream) => stream.status)).toEqual(Array(20).fill(200));
      const refused = await open();
      expect(refused.status).toBe(429);
      // Another caller is not held to this one's count.
      const other = await open(await tokenFor(context.jwtSecret, ['viewer'], 'one-tab'));
      other.close();
      expect(other.status).toBe(200);
      streams[0].close();
      await pollUntil(async () => {
        const again = await open();
        again.close();
        return again.status === 200 ? true : undefined;
      }, { what: 'a place freed by the closed stream' });
      for (const stream of streams) stream.close();
    });

    it('should answer 401 for a token signed with another secret', async () => {
      const forged = anonymous.withToken(await tokenFor('x'.repeat(64), ['admin']));
      expect((await forged.get('/api/v1/initiatives')).status).toBe(401);
    });

    it('should answer 403 when the role may not write', async () => {
      const response = await viewer.post<ProblemBody>('/api/v1/initiatives', { name: 'Nope', businessUnit: 'Retail' });
      expect(response.status).toBe(403);
      expect(response.body.type).toBe('/problems/forbidden');
    });

    it('should let admin do what any role may', async () => {
      const admin = anonymous.withToken(await tokenFor(context.jwtSecret, ['admin']));
      const response = await admin.post('/api/v1/initiatives', { name: 'Admin made', businessUnit: 'Retail' });
      expect(response.status).toBe(201);
    });
  });

  describe('bad input', () => {
    it('should list each bad field in a 400 problem', async () => {
      const response = await pmo.post<ProblemBody>('/api/v1/initiatives', { name: '', stage: 'someday', colour: 'red' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors?.map((error) => error.field).sort()).toEqual(['businessUnit', 'colour', 'name', 'stage']);
    });

    it('should answer a body nested thousands deep with 400, not a stack overflow', async () => {
      const rawBody = `{"name":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
      const response = await pmo.request<ProblemBody>('POST', '/api/v1/initiatives', { rawBody, headers: { 'idempotency-key': 'deep-body' } });
      expect([response.status, response.body.type]).toEqual([400, '/problems/malformed-body']);
    });

    it('should answer malformed JSON with 400, not 500', async () => {
      const response = await pmo.request<ProblemBody>('POST', '/api/v1/initiatives', { rawBody: '{"name": "unterminated' });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('/problems/malformed-body');
    });

    it('should reject a malformed id with 400', async () => {
      expect((await viewer.get('/api/v1/initiatives/not-a-uuid')).status).toBe(400);
    });

    it('should refuse text Postgres cannot store in a body, a query or a path with 400 naming where, not fail on it', async () => {
      // Postgres cannot store or compare it: before, each of these was a 500 from deep in a write or a filter.
      const cases: [Promise<{ status: number; body: ProblemBody }>, string][] = [
        [pmo.post<ProblemBody>('/api/v1/initiatives', { name: 'Claims\u0000triage', businessUnit: 'Claims' }), 'name'],
        [pmo.request<ProblemBody>('PUT', '/api/v1/business-units/Claims/freeze-windows', { body: { windows: [{ from: '2027-01-04', to: '2027-01-08', reason: 'year\u0000end' }] } }), 'windows.0.reason'],
        [viewer.get<ProblemBody>(`/api/v1/initiatives?q=${encodeURIComponent('claims\u0000')}`), 'q'],
        [viewer.get<ProblemBody>(`/api/v1/audit?actor=${encodeURIComponent('\u0000')}`), 'actor'],
        [pmo.request<ProblemBody>('POST', `/api/v1/scoring-models/${encodeURIComponent('v\u0000')}/dry-run`), 'version'],
      ];
      for (const [pending, field] of cases) {
        const response = await pending;
        expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [{ field, message: 'Must not contain the NUL character (U+0000)' }] });
      }
      // Half a surrogate pair, escaped in JSON: no UTF-8 holds it, and jsonb refuses it.
      const lone = await pmo.request<ProblemBody>('POST', '/api/v1/initiatives', { rawBody: '{"name":"Claims \\ud83d","businessUnit":"Claims","tags":["\\ud83d\\ude00"]}' });
      expect({ status: lone.status, errors: lone.body.errors }).toEqual({ status: 400, errors: [{ field: 'name', message: 'Must be well-formed Unicode (it holds half of a surrogate pair)' }] });
      const listed = await viewer.get<{ items: { name: string }[] }>('/api/v1/initiatives?q=Claims');
      expect(listed.body.items.map((item) => item.name)).not.toContain('Claims\u0000triage');
    });

    it('should refuse a list cursor it never issued with 400', async () => {
      // Larger than any position the audit trail's bigint holds.
      const response = await viewer.get<ProblemBody>('/api/v1/audit?cursor=99999999999999999999');
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'cursor', message: 'a cursor this list issued' }]);
    });
  });

  describe('Idempotency-Key', () => {
    /** As if the gateway died after the service committed and before it stored the answer: the key is left reserved, and its reservation lapses. */
    const forgetAnswer = async (key: string) => {
      const database = new Client({ connectionString: context.databaseUrl });
      await database.connect();
      try {
        const reset = await database.query(
          `UPDATE gateway.idempotency_keys SET state = 'in_flight', response_status = NULL, response_body = NULL, locked_until = now() - interval '1 second'
           WHERE scope LIKE $1`,
          [`% ${key}`],
        );
        expect(reset.rowCount).toBe(1);
      } finally {
        await database.end();
      }
    };

    it('should create one initiative for a repeated POST and return the same response', async () => {
      const body = { name: 'Fraud scoring', businessUnit: 'Payments' };
      const headers = { 'idempotency-key': `fraud-${Date.now()}` };
      const first = await pmo.post<InitiativeBody>('/api/v1/initiatives', body, headers);
      const second = await pmo.post<InitiativeBody>('/api/v1/initiatives', body, headers);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      // The replay carries what a client needs next: where it is, and the version to send in If-Match.
      expect([second.headers.get('location'), second.headers.get('etag')]).toEqual([first.headers.get('location'), '"1"']);

      const list = await viewer.get<{ items: InitiativeBody[] }>('/api/v1/initiatives?limit=500');
      expect(list.body.items.filter((item) => item.name === 'Fraud scoring')).toHaveLength(1);
    });

    it('should delete keys past their keeping time, and keep the others', async () => {
      const [kept, lapsed] = [`kept-${Date.now()}`, `lapsed-${Date.now()}`];
      for (const key of [kept, lapsed]) expect((await pmo.post('/api/v1/initiatives', { name: `Key ${key}`, businessUnit: 'Payments' }, { 'idempotency-key': key })).status).toBe(201);
      await queryDatabase(context.databaseUrl, `UPDATE gateway.idempotency_keys SET expires_at = now() - interval '1 second' WHERE scope LIKE $1`, [`% ${lapsed}`]);
      const count = async (key: string) => (await queryDatabase<{ n: number }>(context.databaseUrl, `SELECT count(*)::int AS n FROM gateway.idempotency_keys WHERE scope LIKE $1`, [`% ${key}`]))[0].n;
      await pollUntil(async () => ((await count(lapsed)) === 0 ? true : undefined), { what: 'the lapsed key to be pruned' });
      expect(await count(kept)).toBe(1);
    });

    it('should still register once when the gateway lost its record of the first answer', async () => {
      const body = { name: 'Crash-proof registration', businessUnit: 'Payments' };
      const key = `crash-${Date.now()}`;
      const first = await pmo.post<InitiativeBody>('/api/v1/initiatives', body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      await forgetAnswer(key);
      const retried = await pmo.post<InitiativeBody>('/api/v1/initiatives', body, { 'idempotency-key': key });
      expect(retried.status).toBe(201);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      expect(retried.body.id).toBe(first.body.id);
      const list = await viewer.get<{ items: InitiativeBody[] }>('/api/v1/initiatives?limit=500');
      expect(list.body.items.filter((item) => item.name === body.name)).toHaveLength(1);
    });

    it('should record a committee decision, compute a draft and plan a what-if once when the gateway lost its record of the first answer', async () => {
      const admin = anonymous.withToken(await tokenFor(context.jwtSecret, ['admin'], 'ada'));
      const initiative = (await pmo.post<InitiativeBody>('/api/v1/initiatives', { name: 'Decided once', businessUnit: 'Payments' })).body;
      const decisionsPath = `/api/v1/initiatives/${initiative.id}/decisions`;
      const decision = { decision: 'pause', rationale: 'Evidence of monitoring is missing' };
      expect((await pmo.request('PUT', '/api/v1/capacity-pools/idempotent-pool', { body: { name: 'Idempotent', capacityPerWeek: 2 } })).status).toBe(200);
      const requests: [ApiClient, string, unknown][] = [
        [admin, decisionsPath, decision],
        [pmo, '/api/v1/plans', { timeLimitMs: 100 }],
        [pmo, '/api/v1/scenarios', { name: 'what if less idempotent capacity', changes: [{ kind: 'capacity', pool: 'idempotent-pool', capacityPerWeek: 1 }] }],
      ];
      for (const [client, path, body] of requests) {
        const key = `lost-${path}-${Date.now()}`;
        const first = await client.post<{ id: string }>(path, body, { 'idempotency-key': key });
        expect([path, first.status]).toEqual([path, 201]);
        await forgetAnswer(key);
        const retried = await client.post<{ id: string }>(path, body, { 'idempotency-key': key });
        expect([path, retried.status, retried.headers.get('idempotent-replayed'), retried.body.id]).toEqual([path, 201, null, first.body.id]);
      }
      expect((await viewer.get<{ decisions: unknown[] }>(`/api/v1/initiatives/${initiative.id}`)).body.decisions).toHaveLength(1);
      const audit = await viewer.get<{ items: { action: string }[] }>(`/api/v1/initiatives/${initiative.id}/audit`);
      expect(audit.body.items.filter((entry) => entry.action === 'decision.recorded')).toHaveLength(1);
    });

    it('should refuse the same key with a different body with 422', async () => {
      const headers = { 'idempotency-key': `mismatch-${Date.now()}` };
      expect((await pmo.post('/api/v1/initiatives', { name: 'A', businessUnit: 'X' }, headers)).status).toBe(201);
      expect((await pmo.post('/api/v1/initiatives', { name: 'B', businessUnit: 'X' }, headers)).status).toBe(422);
    });

    it("should keep each caller's keys apart: the same key from another caller is a request of its own", async () => {
      const body = { name: 'Same key, two callers', businessUnit: 'Payments' };
      const headers = { 'idempotency-key': `shared-${Date.now()}` };
      const other = anonymous.withToken(await tokenFor(context.jwtSecret, ['pmo'], 'bob'));
      const mine = await pmo.post<InitiativeBody>('/api/v1/initiatives', body, headers);
      const theirs = await other.post<InitiativeBody>('/api/v1/initiatives', body, headers);
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(theirs.headers.get('idempotent-replayed')).toBeNull();
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('should refuse a key on a POST that does not honour it, and apply nothing', async () => {
      const id = (await pmo.post<InitiativeBody>('/api/v1/initiatives', { name: 'Telemetry without keys', businessUnit: 'Payments' })).body.id;
      const path = `/api/v1/initiatives/${id}/telemetry`;
      const refused = await pmo.post<{ detail: string }>(path, { period: { kind: 'month', start: '2026-10-01' }, incidents: 1 }, { 'idempotency-key': `telemetry-${Date.now()}` });
      expect([refused.status, refused.body.detail]).toEqual([400, `${path} does not take an Idempotency-Key: send it without one, and do not repeat it blindly`]);
      expect((await viewer.get<{ items: unknown[] }>(path)).body.items).toEqual([]);
    });
  });

  describe('health', () => {
    it('should answer 200 when every service is up and 503 naming a service that is down, while the gateway stays ready', async () => {
      const healthy = await anonymous.get<{ status: string }>('/api/v1/health');
      expect(healthy.status).toBe(200);

      await context.system.stop('sequencing');
      const degraded = await anonymous.get<ProblemBody & { down: string[] }>('/api/v1/health');
      expect(degraded.status).toBe(503);
      expect(degraded.body.down).toEqual(['sequencing']);
      // The gateway itself still serves every other route: its readiness is its own database and NATS.
      const ready = await anonymous.get<{ status: string; checks: Record<string, string> }>('/api/v1/health/ready');
      expect(ready).toMatchObject({ status: 200, body: { status: 'up', checks: { database: 'up', nats: 'up' } } });

      context.system.start('sequencing');
      await context.system.waitHealthy();
    });
  });

  describe('OpenAPI', () => {
    it('should publish the document with the initiative routes', async () => {
      const response = await anonymous.get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
      expect(response.status).toBe(200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/initiatives', '/api/v1/initiatives/{id}', '/api/v1/health', '/api/v1/events']),
      );
    });

    it('should document the errors as problem details, and Idempotency-Key on every POST that honours it and no other', async () => {
      type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, unknown> }> };
      const document = (await anonymous.get<{ paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } }>('/api/openapi.json')).body;
      expect(document.components.schemas['Problem']).toBeDefined();
      const decisions = document.paths['/api/v1/initiatives/{id}/decisions']['post'];
      expect(Object.keys(decisions.responses['403'].content ?? {})).toEqual(['application/problem+json']);
      expect(Object.keys(decisions.responses['default'].content ?? {})).toEqual(['application/problem+json']);
      const idempotent = Object.entries(document.paths)
        .filter(([, operations]) => operations['post']?.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key'))
        .map(([path]) => path)
        .sort();
      expect(idempotent).toEqual(['/api/v1/cost-entries', '/api/v1/initiatives', '/api/v1/initiatives/{id}/decisions', '/api/v1/plans', '/api/v1/scenarios', '/api/v1/token-usage']);
    });

    it('should serve Swagger UI', async () => {
      const response = await anonymous.get<string>('/api/docs');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.body).toContain('swagger-ui');
    });

    it('should answer an unknown API route with 404 problem+json', async () => {
      const response = await pmo.get<ProblemBody>('/api/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });
});
