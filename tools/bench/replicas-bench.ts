/**
 * npm run bench:replicas [-- --initiatives 1000 --concurrency 16 --rounds 5 --rate 0 --replicate gateway,intake,…]
 *
 * The main write path — register an initiative through the gateway, intake
 * stores it and publishes the event, scoring gives it its first posture — with
 * one process per service, then with two of each (and two gateways sharing the
 * load). Throughput is initiatives per second registered with every effect
 * applied: scored, every outbox relayed and every durable consumer caught up
 * (work a round leaves behind would otherwise be done, uncounted, between
 * rounds — one setup lagging more than the other would look faster).
 * The setups take turns for `--rounds` rounds each (a shared machine's speed
 * drifts by tens of percent within minutes); the second processes are
 * started for each of their rounds and warmed up by a round of their own.
 * The report gives every round, the CPU each kind of process used, and the
 * ratio of the medians. `--rate N` paces registrations at N per second (0:
 * as fast as they are answered), to compare the CPU each setup spends per
 * initiative at the same load rather than at its most. `--replicate` names
 * the services that get a second process (default: all), to see which
 * service's second process costs what. Starts the built
 * system against the local Postgres and NATS; prints JSON.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from 'nats';
import { Client } from 'pg';
import { subjectsFor } from '@capstan/contracts';
import { ApiClient, SYSTEM_SERVICES, freePort, pollUntil, startTestSystem, tokenFor } from '@capstan/testing';
import { report, round } from './measure';
import { cpuSecondsByKind, cpuSpent } from './process-cpu';

const { values } = parseArgs({
  options: {
    initiatives: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '5' },
    rate: { type: 'string', default: '0' },
    replicate: { type: 'string', default: SYSTEM_SERVICES.join(',') },
  },
});
const INITIATIVES = Number(values.initiatives);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const RATE = Number(values.rate);
const REPLICATED = values.replicate.split(',').map((name) => name.trim()).filter(Boolean);
const unknown = REPLICATED.filter((name) => !(SYSTEM_SERVICES as readonly string[]).includes(name));
if (unknown.length || !REPLICATED.length) {
  console.error(`--replicate takes services from: ${SYSTEM_SERVICES.join(', ')} (got ${values.replicate})`);
  process.exit(2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function until(moment: number): Promise<void> {
  const wait = moment - performance.now();
  return wait > 0 ? new Promise((done) => setTimeout(done, wait)) : Promise.resolve();
}

async function main(): Promise<Record<string, unknown>> {
  const context = await startTestSystem(resolve(__dirname, '../..'), { SCORING_REVIEW_INTERVAL_MS: '3600000' });
  const database = new Client({ connectionString: context.databaseUrl });
  await database.connect();
  const scored = async () => Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM scoring.subjects WHERE evaluation_id IS NOT NULL`)).rows[0].n);
  const nats = await connect({ servers: context.natsUrl });
  const streams = await nats.jetstreamManager();
  const { eventStream } = subjectsFor(context.namespace);
  const outboxes = (await database.query<{ schema: string }>(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1`)).rows;
  const unsent = outboxes.map(({ schema }) => `(SELECT count(*) FROM "${schema}".outbox WHERE published_at IS NULL)`).join(' + ');
  /** Events not yet relayed by an outbox, or not yet applied by a durable consumer. */
  const unapplied = async () => {
    let waiting = Number((await database.query<{ n: string }>(`SELECT (${unsent})::text AS n`)).rows[0].n);
    for await (const consumer of await streams.consumers.list(eventStream)) waiting += consumer.num_pending + consumer.num_ack_pending;
    return waiting;
  };
  try {
    const token = await tokenFor(context.jwtSecret, ['pmo'], 'bench');
    const gateways = [new ApiClient(context.system.gatewayUrl, token)];

    // Transactions committed in the database (all services): the cost that grows when work is split.
    const commits = async () => {
      await new Promise((done) => setTimeout(done, 1_500)); // statistics are flushed about once a second
      return Number((await database.query<{ n: string }>(`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0].n);
    };
    /** Registers `INITIATIVES` through the gateways in turn and waits until every one is scored. */
    const measureRound = async (label: string) => {
      const committedBefore = await commits();
      const before = await scored();
      const cpuBefore = cpuSecondsByKind();
      let next = 0;
      let failed = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < INITIATIVES) {
            const i = next++;
            if (RATE > 0) await until(started + (i * 1000) / RATE);
            const response = await gateways[i % gateways.length].post('/api/v1/initiatives', { name: `${label} ${i}`, businessUnit: `Unit ${i % 10}` });
            if (response.status !== 201) failed++;
          }
        }),
      );
      const registeredSeconds = (performance.now() - started) / 1000;
      await pollUntil(async () => (await scored()) - before >= INITIATIVES - failed, { timeoutMs: 600_000, intervalMs: 100, what: `${label}: every initiative scored` });
      const scoredSeconds = (performance.now() - started) / 1000;
      await pollUntil(async () => (await unapplied()) === 0, { timeoutMs: 600_000, intervalMs: 100, what: `${label}: every event relayed and applied` });
      const seconds = (performance.now() - started) / 1000;
      const cpuSecondsPerThousand = cpuSpent(cpuBefore, cpuSecondsByKind(), INITIATIVES);
      const transactions = (await commits()) - committedBefore;
      return {
        secondProcesses: replicas.length,
        initiatives: INITIATIVES,
        failed,
        registeredPerSecond: round(INITIATIVES / registeredSeconds),
        registeredAndScoredPerSecond: round(INITIATIVES / scoredSeconds),
        registeredAndAppliedPerSecond: round(INITIATIVES / seconds),
        transactionsPerInitiative: round(transactions / INITIATIVES),
        cpuSecondsPerThousand,
      };
    };

    const replicas: string[] = [];
    const startReplicas = async () => {
      for (const service of SYSTEM_SERVICES) if (service !== 'gateway' && REPLICATED.includes(service)) replicas.push((await context.system.startReplica(service)).instance);
      if (!REPLICATED.includes('gateway')) return;
      const second = await context.system.startReplica('gateway', await freePort());
      replicas.push(second.instance);
      gateways.push(new ApiClient(second.url ?? '', token));
    };
    const stopReplicas = async () => {
      gateways.splice(1);
      await Promise.all(replicas.splice(0).map((instance) => context.system.stop(instance)));
    };

    // The setups take turns, so a machine whose speed drifts (shared hosts do) slows both alike.
    // The first processes are warmed up once; the second ones, started fresh for each of their
    // rounds, get a warm-up round of their own first (JIT, connection pools, caches).
    for (let k = 1; k <= 2; k++) await measureRound(`warm-up ${k}, one replica`);
    const one: Awaited<ReturnType<typeof measureRound>>[] = [];
    const two: Awaited<ReturnType<typeof measureRound>>[] = [];
    for (let k = 1; k <= ROUNDS; k++) {
      one.push(await measureRound(`one replica, round ${k}`));
      await startReplicas();
      await measureRound(`warm-up, two replicas, round ${k}`);
      two.push(await measureRound(`two replicas, round ${k}`));
      await stopReplicas();
    }
    const oneMedian = median(one.map((r) => r.registeredAndAppliedPerSecond));
    const twoMedian = median(two.map((r) => r.registeredAndAppliedPerSecond));
    return {
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      rate: RATE || 'as fast as answered',
      replicated: REPLICATED,
      oneReplica: { registeredAndAppliedPerSecondMedian: oneMedian, rounds: one },
      twoReplicas: { registeredAndAppliedPerSecondMedian: twoMedian, rounds: two },
      ratio: Math.round((twoMedian / oneMedian) * 1000) / 1000,
      // Each round of two replicas against the round of one just before it.
      pairRatios: two.map((round, k) => Math.round((round.registeredAndAppliedPerSecond / one[k].registeredAndAppliedPerSecond) * 1000) / 1000),
    };
  } finally {
    await nats.close();
    await database.end();
    await context.teardown();
  }
}

report(main);
