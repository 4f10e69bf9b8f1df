import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import Decimal from 'decimal.js';
import { Client } from 'pg';
import { ApiClient, SYSTEM_SERVICES, freePort, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

const INITIATIVES = 40;
const CONCURRENCY = 8;

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * Two processes of every service against one Postgres and one NATS, with load
 * through both gateways: every write lands once, every event takes effect once
 * (request/reply in queue groups, shared durable consumers, outbox relays and
 * webhook senders claiming with SKIP LOCKED). One replica leads each relay and
 * consumer; here the others join a consumer as soon as one event waits
 * (CONSUMER_OVERFLOW_PENDING=1), so consumers really are shared under load.
 */
describe('two replicas of every service', () => {
  let context: TestSystem;
  let database: Client;
  let gateways: ApiClient[];
  let receiver: Server;
  const received: string[] = [];

  const count = async (sql: string, params: unknown[] = []) => Number((await database.query<{ n: string }>(sql, params)).rows[0].n);

  beforeAll(async () => {
    const receiverPort = await freePort();
    receiver = createServer((request, response) => {
      received.push(String(request.headers['capstan-event-id']));
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((done) => receiver.listen(receiverPort, '127.0.0.1', done));

    context = await startTestSystem(resolve(__dirname, '../../..'), { CAPSTAN_WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100', CONSUMER_OVERFLOW_PENDING: '1' });
    for (const service of SYSTEM_SERVICES) if (service !== 'gateway') await context.system.startReplica(service);
    const second = await context.system.startReplica('gateway', await freePort());
    database = new Client({ connectionString: context.databaseUrl });
    await database.connect();

    const token = await tokenFor(context.jwtSecret, ['admin'], 'replica-load');
    gateways = [new ApiClient(context.system.gatewayUrl, token), new ApiClient(second.url ?? '', token)];
    const subscribed = await gateways[0].post('/api/v1/webhooks', { url: `http://127.0.0.1:${receiverPort}/`, eventTypes: ['initiative.registered'] });
    expect(subscribed.status).toBe(201);
  });

  afterAll(async () => {
    await database?.end();
    await context?.teardown();
    await new Promise((done) => receiver?.close(done));
  });

  it('should apply every write and every event once under load through both gateways', async () => {
    const ids: string[] = [];
    const amounts: string[] = [];
    await inParallel(Array.from({ length: INITIATIVES }, (_, i) => i), CONCURRENCY, async (i) => {
      const created = await gateways[i % 2].post<{ id: string }>('/api/v1/initiatives', { name: `Replicated ${i}`, businessUnit: `Unit ${i % 4}`, stage: 'production' });
      expect(created.status).toBe(201);
      ids[i] = created.body.id;
    });
    await inParallel(ids, CONCURRENCY, async (id, i) => {
      const owner = await gateways[(i + 1) % 2].request('PUT', `/api/v1/initiatives/${id}/owners/accountable_owner`, { body: { person: `Owner ${i}`, team: 'Ops' } });
      expect(owner.status).toBe(200);
      amounts[i] = `${100 + i}.${String(i).padStart(10, '0')}`;
      // Cost tracking learns of the initiative from intake's event; until then the entry is refused, and retried here.
      const recorded = await pollUntil(
        async () => {
          const response = await gateways[i % 2].post('/api/v1/cost-entries', {
            initiativeId: id,
            chargeDate: '2026-10-15',
            category: 'inference',
            phase: 'production',
            amount: amounts[i],
            currency: 'EUR',
          });
          return response.status === 201 ? response : undefined;
        },
        { what: `the cost entry of initiative ${i}` },
      );
      expect(recorded.status).toBe(201);
    });

    // Every event reached each consumer once: one inbox row per event, none missing.
    await pollUntil(async () => (await count(`SELECT count(*)::text AS n FROM scoring.inbox WHERE consumer = 'scoring__owner_assigned'`)) === INITIATIVES, {
      what: 'scoring to apply every owner assignment',
    });
    expect(await count(`SELECT count(*)::text AS n FROM scoring.inbox WHERE consumer = 'scoring__initiative_registered'`)).toBe(INITIATIVES);
    expect(await count(`SELECT count(*)::text AS n FROM cost_tracking.inbox WHERE consumer = 'cost-tracking__initiative_registered'`)).toBe(INITIATIVES);
    // Scoring holds each initiative once, with the owner it was given.
    const subjects = await database.query<{ owners: Record<string, unknown> }>(`SELECT inputs->'owners' AS owners FROM scoring.subjects WHERE initiative_id = ANY($1)`, [ids]);
    expect(subjects.rows).toHaveLength(INITIATIVES);
    for (const row of subjects.rows) expect(Object.keys(row.owners)).toEqual(['accountable_owner']);

    // Every acknowledged write is there once.
    expect(await count(`SELECT count(*)::text AS n FROM intake.initiatives WHERE name LIKE 'Replicated %'`)).toBe(INITIATIVES);
    expect(await count(`SELECT count(*)::text AS n FROM intake.audit_trail WHERE action = 'initiative.registered'`)).toBe(INITIATIVES);
    expect(await count(`SELECT count(*)::text AS n FROM cost_tracking.cost_entries`)).toBe(INITIATIVES);
    const summary = await gateways[0].get<{ groups: { key: string; billedCost: string }[] }>('/api/v1/costs/summary?groupBy=category');
    const total = amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0));
    expect(new Decimal(summary.body.groups.find((group) => group.key === 'inference')?.billedCost ?? '0').equals(total)).toBe(true);

    // Nothing left unpublished in any outbox.
    for (const schema of ['intake', 'scoring', 'cost_tracking']) {
      await pollUntil(async () => (await count(`SELECT count(*)::text AS n FROM ${schema}.outbox WHERE published_at IS NULL`)) === 0, { what: `${schema}'s outbox to drain` });
    }

    // Webhooks: each registration delivered once, though two gateways fan out and send.
    await pollUntil(() => new Set(received).size >= INITIATIVES, { what: 'every registration delivered by webhook' });
    expect(received).toHaveLength(new Set(received).size);
  });

  it('should carry on, losing nothing, when the replicas leading the work crash', async () => {
    // The first process of each service started first: it leads its service's relay and consumers.
    await context.system.stop('intake', 'SIGKILL');
    await context.system.stop('scoring', 'SIGKILL');
    const more = 12;
    const ids: string[] = [];
    await inParallel(Array.from({ length: more }, (_, i) => i), 4, async (i) => {
      const created = await gateways[i % 2].post<{ id: string }>('/api/v1/initiatives', { name: `After the crash ${i}`, businessUnit: 'Unit 1' });
      expect(created.status).toBe(201);
      ids[i] = created.body.id;
    });
    // The survivors took the leases over: intake's events were relayed, scoring applied each once and scored it.
    await pollUntil(async () => (await count(`SELECT count(*)::text AS n FROM scoring.subjects WHERE initiative_id = ANY($1) AND evaluation_id IS NOT NULL`, [ids])) === more, {
      what: 'every initiative registered after the crash to be scored',
    });
    expect(await count(`SELECT count(*)::text AS n FROM scoring.inbox WHERE consumer = 'scoring__initiative_registered'`)).toBe(INITIATIVES + more);
    expect(await count(`SELECT count(*)::text AS n FROM intake.initiatives WHERE name LIKE 'After the crash %'`)).toBe(more);
    for (const schema of ['intake', 'scoring']) {
      await pollUntil(async () => (await count(`SELECT count(*)::text AS n FROM ${schema}.outbox WHERE published_at IS NULL`)) === 0, { what: `${schema}'s outbox to drain` });
    }
  });
});
