import { resolve } from 'node:path';
import { Client } from 'pg';
import { ApiClient, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

const COUNT = 200;

describe('event durability', () => {
  let context: TestSystem;
  let database: Client;

  beforeAll(async () => {
    // A key held longer than a request may wait for its answer (RPC_TIMEOUT_MS, 5 s by default), and not much longer.
    context = await startTestSystem(resolve(__dirname, '../../..'), { CAPSTAN_IDEMPOTENCY_LOCK_SECONDS: '9' });
    database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await context?.teardown();
  });

  it('should give every initiative registered while scoring was down exactly one first posture', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    await context.system.stop('scoring', 'SIGKILL');

    const ids: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const response = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: `Initiative ${i}`, businessUnit: `BU ${i % 7}` });
      expect(response.status).toBe(201);
      ids.push(response.body.id);
    }

    context.system.start('scoring');
    const scored = await pollUntil(
      async () => {
        const { rows } = await database.query<{ n: string }>(
          'SELECT count(DISTINCT initiative_id)::text AS n FROM scoring.evaluations WHERE initiative_id = ANY($1)',
          [ids],
        );
        return Number(rows[0].n) === COUNT ? COUNT : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: `${COUNT} postures` },
    );
    expect(scored).toBe(COUNT);

    const { rows: perInitiative } = await database.query<{ initiative_id: string; n: string }>(
      'SELECT initiative_id, count(*)::text AS n FROM scoring.evaluations WHERE initiative_id = ANY($1) GROUP BY initiative_id HAVING count(*) > 1',
      [ids],
    );
    expect(perInitiative).toEqual([]);
    const { rows: inbox } = await database.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM scoring.inbox WHERE event_type = 'initiative.registered'",
    );
    expect(Number(inbox[0].n)).toBe(COUNT);

    const viewer = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer']));
    const sample = await viewer.get<{ posture: { posture: string } | null }>(`/api/v1/initiatives/${ids[COUNT - 1]}`);
    expect(sample.body.posture?.posture).toBe('pause');
  });

  it('should hold the Idempotency-Key of a request that timed out, and apply the request once when it is sent again', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    const stamp = Date.now();
    const name = `Sent while intake was stopped ${stamp}`;
    const send = () => pmo.request<{ id: string; title?: string }>('POST', '/api/v1/initiatives', {
      body: { name, businessUnit: 'Timeouts' },
      headers: { 'idempotency-key': `timeout-${stamp}` },
    });
    const intake = context.system.pidOf('intake');
    if (intake === undefined) throw new Error('intake is not running');
    // Stopped, not killed: the request waits in intake's socket and is applied when it runs again, after the gateway gave up.
    process.kill(intake, 'SIGSTOP');
    let first: Awaited<ReturnType<typeof send>>;
    let meanwhile: Awaited<ReturnType<typeof send>>;
    try {
      first = await send();
      meanwhile = await send();
    } finally {
      process.kill(intake, 'SIGCONT');
    }
    expect(first.status).toBe(504);
    // Released, the key would let this repeat through to race the first; held, it is told to wait.
    expect(meanwhile.status).toBe(409);

    const again = await pollUntil(async () => {
      const response = await send();
      return response.status === 201 ? response : undefined;
    }, { timeoutMs: 30_000, intervalMs: 500, what: 'the repeat to be answered once the key is no longer held' });
    const { rows } = await database.query<{ id: string }>('SELECT id FROM intake.initiatives WHERE name = $1', [name]);
    expect(rows).toEqual([{ id: again.body.id }]);
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(again.body.id);
  });
});
