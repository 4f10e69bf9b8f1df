import { resolve } from 'node:path';
import { Client } from 'pg';
import { ApiClient, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

const COUNT = 200;

describe('event durability', () => {
  let context: TestSystem;
  let database: Client;

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'));
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
});
