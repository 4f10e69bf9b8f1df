import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Decimal from 'decimal.js';
import { Client } from 'pg';
import { NatsServerProcess, PostgresServerProcess, SYSTEM_SERVICES, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

const ROOT = resolve(__dirname, '../../..');
const WORKERS = 4;

/** What the load generator sent, and what the system acknowledged. */
interface Ledger {
  attempted: number;
  acknowledged: number;
  /** Key → what was written, for each acknowledged write. */
  written: Map<string, string>;
}

/**
 * The fault suite (npm run test:faults): load runs while each service is
 * killed with SIGKILL and restarted, NATS is restarted, Postgres cuts every
 * connection and then crashes and restarts; afterwards every acknowledged write is there exactly once, every
 * event took effect once, and the derived views equal a recomputation.
 */
describe('faults under load', () => {
  // A NATS server of the suite's own, so it can be stopped and started without touching anyone else's.
  const nats = new NatsServerProcess({ args: ['-js'] });
  // And a Postgres of its own, to crash and restart.
  const postgres = new PostgresServerProcess();
  let context: TestSystem;
  let database: Client;
  let token: string;
  let costInitiative: string;
  const registrations: Ledger = { attempted: 0, acknowledged: 0, written: new Map() };
  const costs: Ledger = { attempted: 0, acknowledged: 0, written: new Map() };
  const statusesSeen = new Map<number | string, number>();

  const count = async (sql: string, params: unknown[] = []) => Number((await database.query<{ n: string }>(sql, params)).rows[0].n);
  const health = async () => {
    try {
      return (await fetch(`${context.system.gatewayUrl}/api/v1/health`, { signal: AbortSignal.timeout(3_000) })).status;
    } catch {
      return 0;
    }
  };

  /** Sends one write until it is acknowledged, always with the same Idempotency-Key, as a careful client does. */
  async function untilAcknowledged(ledger: Ledger, key: string, what: string, method: string, path: string, body: unknown, stop: () => boolean): Promise<void> {
    ledger.attempted++;
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${context.system.gatewayUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        statusesSeen.set(response.status, (statusesSeen.get(response.status) ?? 0) + 1);
        if (response.status === 201) {
          ledger.acknowledged++;
          ledger.written.set(key, what);
          return;
        }
        // 4xx other than "busy" or "not yet known" would be a bug in the generator: fail loudly.
        if (response.status < 500 && ![409, 422, 429].includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      } catch (error) {
        if (error instanceof Error && error.message.includes('answered')) throw error;
        statusesSeen.set('network', (statusesSeen.get('network') ?? 0) + 1);
      }
      if (stop() && Date.now() > deadline - 150_000) return;
      await new Promise((done) => setTimeout(done, 250));
    }
  }

  beforeAll(async () => {
    await Promise.all([nats.start(), postgres.start()]);
    context = await startTestSystem(ROOT, { CAPSTAN_IDEMPOTENCY_LOCK_SECONDS: '3', RPC_TIMEOUT_MS: '3000' }, { natsUrl: nats.url, adminDatabaseUrl: postgres.adminUrl });
    database = await connectTo(context.databaseUrl);
    token = await tokenFor(context.jwtSecret, ['admin'], 'fault-load');
    const created = await fetch(`${context.system.gatewayUrl}/api/v1/initiatives`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Fault ledger', businessUnit: 'Faults', stage: 'production' }),
    });
    costInitiative = ((await created.json()) as { id: string }).id;
    await pollUntil(async () => (await count(`SELECT count(*)::text AS n FROM cost_tracking.initiatives WHERE id = $1`, [costInitiative])) === 1, {
      what: 'cost tracking to know the initiative',
    });
  });

  afterAll(async () => {
    await database?.end();
    await context?.teardown();
    await Promise.all([nats.dispose(), postgres.dispose()]);
  });

  it('should lose no acknowledged write and apply every event once through crashes of every part', async () => {
    let stopping = false;
    const load = Array.from({ length: WORKERS }, async (_, worker) => {
      for (let i = 0; !stopping; i++) {
        const key = `w${worker}-${i}-${randomUUID()}`;
        if (i % 2 === 0) {
          await untilAcknowledged(registrations, key, `Fault ${key}`, 'POST', '/api/v1/initiatives', { name: `Fault ${key}`, businessUnit: `Unit ${worker}` }, () => stopping);
        } else {
          const amount = `${worker + 1}.${String(i).padStart(4, '0')}000001`;
          await untilAcknowledged(
            costs,
            key,
            amount,
            'POST',
            '/api/v1/cost-entries',
            { initiativeId: costInitiative, chargeDate: '2026-10-15', category: 'inference', phase: 'production', amount, currency: 'EUR', reference: key },
            () => stopping,
          );
        }
      }
    });

    const faults: string[] = [];
    const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
    await pause(1_500);
    for (const service of SYSTEM_SERVICES) {
      await context.system.stop(service, 'SIGKILL');
      faults.push(`SIGKILL ${service}`);
      await pause(500);
      context.system.start(service);
      await pollUntil(async () => (await health()) === 200, { timeoutMs: 90_000, intervalMs: 250, what: `${service} back` });
      await pause(1_000);
    }
    await nats.stop();
    faults.push('NATS stopped');
    const whileDown = await pollUntil(async () => ((await health()) === 503 ? 503 : undefined), { timeoutMs: 30_000, what: 'health to report the outage' });
    await pause(1_000);
    await nats.start();
    faults.push('NATS started');
    await pollUntil(async () => (await health()) === 200, { timeoutMs: 90_000, intervalMs: 250, what: 'every service to reconnect to NATS' });
    await pause(1_000);
    const cut = await database.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    faults.push(`Postgres connections cut: ${cut.rows[0].n}`);
    await pollUntil(async () => (await health()) === 200, { timeoutMs: 60_000, intervalMs: 250, what: 'every service to reconnect to Postgres' });
    await pause(1_000);
    await database.end();
    await postgres.stop('immediate');
    faults.push('Postgres crashed (immediate shutdown)');
    const whilePostgresDown = await pollUntil(async () => ((await health()) === 503 ? 503 : undefined), { timeoutMs: 30_000, what: 'health to report the database outage' });
    // A read the service cannot make is a 503 to wait out, not a 500.
    const readWhilePostgresDown = await fetch(`${context.system.gatewayUrl}/api/v1/initiatives/${costInitiative}`, { headers: { authorization: `Bearer ${token}` } });
    const readWhileDown = { status: readWhilePostgresDown.status, retryAfter: readWhilePostgresDown.headers.get('retry-after'), body: (await readWhilePostgresDown.json()) as { type: string } };
    await pause(1_000);
    await postgres.start();
    faults.push('Postgres started (crash recovery)');
    database = await connectTo(context.databaseUrl);
    await pollUntil(async () => (await health()) === 200, { timeoutMs: 90_000, intervalMs: 250, what: 'every service to reconnect to Postgres after its restart' });
    await pause(1_500);
    stopping = true;
    await Promise.all(load);

    // Let every event take effect.
    await pollUntil(
      async () =>
        (await count(
          `SELECT ((SELECT count(*) FROM intake.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM scoring.outbox WHERE published_at IS NULL)
                 + (SELECT count(*) FROM cost_tracking.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM sequencing.outbox WHERE published_at IS NULL))::text AS n`,
        )) === 0 &&
        (await count(`SELECT count(*)::text AS n FROM scoring.subjects`)) === (await count(`SELECT count(*)::text AS n FROM intake.initiatives`)) &&
        (await count(`SELECT count(*)::text AS n FROM cost_tracking.initiatives`)) === (await count(`SELECT count(*)::text AS n FROM intake.initiatives`)),
      { timeoutMs: 120_000, intervalMs: 500, what: 'every event applied' },
    );

    // Every acknowledged write is present exactly once; nothing else was written.
    const names = (await database.query<{ name: string; n: string }>(`SELECT name, count(*)::text AS n FROM intake.initiatives WHERE name LIKE 'Fault w%' GROUP BY name`)).rows;
    const present = new Map(names.map((row) => [row.name, Number(row.n)]));
    const registered = [...registrations.written.values()];
    const lostRegistrations = registered.filter((name) => !present.has(name)).length;
    const duplicateRegistrations = [...present.values()].filter((n) => n > 1).length;
    const entries = (await database.query<{ reference: string; n: string }>(`SELECT reference, count(*)::text AS n FROM cost_tracking.cost_entries WHERE reference LIKE 'w%' GROUP BY reference`)).rows;
    const recorded = new Map(entries.map((row) => [row.reference, Number(row.n)]));
    const lostEntries = [...costs.written.keys()].filter((key) => !recorded.has(key)).length;
    const duplicateEntries = [...recorded.values()].filter((n) => n > 1).length;

    // Every event took effect once: each initiative once in scoring and in cost tracking.
    const initiatives = await count(`SELECT count(*)::text AS n FROM intake.initiatives`);
    const inScoring = await count(`SELECT count(*)::text AS n FROM scoring.subjects`);
    const inCostTracking = await count(`SELECT count(*)::text AS n FROM cost_tracking.initiatives`);

    // Derived views equal a recomputation: postures against the active model, the cost summary against the writes.
    const dryRun = (await (
      await fetch(`${context.system.gatewayUrl}/api/v1/scoring-models`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { version: string; status: string }[] };
    const active = dryRun.items.find((model) => model.status === 'active')?.version ?? '';
    const recomputed = (await (
      await fetch(`${context.system.gatewayUrl}/api/v1/scoring-models/${active}/dry-run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    ).json()) as { evaluated: number; changes: unknown[] };
    const summary = (await (
      await fetch(`${context.system.gatewayUrl}/api/v1/costs/summary?groupBy=initiative`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { groups: { key: string; billedCost: string }[] };
    const expectedTotal = [...costs.written.values()].reduce((sum, amount) => sum.plus(amount), new Decimal(0));
    const summarised = new Decimal(summary.groups.find((group) => group.key === costInitiative)?.billedCost ?? '0');

    const report = {
      faults,
      healthWhileNatsDown: whileDown,
      healthWhilePostgresDown: whilePostgresDown,
      readWhilePostgresDown: readWhileDown.status,
      registrations: { attempted: registrations.attempted, acknowledged: registrations.acknowledged, present: registered.length - lostRegistrations, duplicates: duplicateRegistrations, lost: lostRegistrations },
      costEntries: { attempted: costs.attempted, acknowledged: costs.acknowledged, present: costs.written.size - lostEntries, duplicates: duplicateEntries, lost: lostEntries },
      events: { initiatives, inScoring, inCostTracking },
      recomputation: { posturesEvaluated: recomputed.evaluated, posturesThatWouldChange: recomputed.changes.length, costSummary: summarised.toFixed(), costWrites: expectedTotal.toFixed() },
      answersSeen: Object.fromEntries(statusesSeen),
    };
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test-artifacts', 'faults-report.json'), JSON.stringify(report, null, 2));
    console.log(`Fault suite report: ${JSON.stringify(report, null, 2)}`);

    expect(registrations.acknowledged).toBeGreaterThan(10);
    expect(costs.acknowledged).toBeGreaterThan(10);
    expect(report.registrations).toMatchObject({ duplicates: 0, lost: 0 });
    expect(report.costEntries).toMatchObject({ duplicates: 0, lost: 0 });
    expect(inScoring).toBe(initiatives);
    expect(inCostTracking).toBe(initiatives);
    expect(recomputed.changes).toEqual([]);
    expect(summarised.equals(expectedTotal)).toBe(true);
    expect(whileDown).toBe(503);
    expect(whilePostgresDown).toBe(503);
    expect(readWhileDown).toMatchObject({ status: 503, retryAfter: '5', body: { type: '/problems/unavailable' } });
  }, 900_000);
});

async function connectTo(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}
