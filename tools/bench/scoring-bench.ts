/**
 * npm run bench:scoring [-- --initiatives 10000 --events 5000 --rate 1000]
 *
 * 1. The scoring core alone: evaluate a generated portfolio, no server.
 * 2. The service: a full re-score of the portfolio after a model activation.
 * 3. Event to posture: evidence events published to JetStream at a fixed rate;
 *    the time from each event to its initiative's new evaluation.
 * Starts the built system against the local Postgres and NATS; prints JSON.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connect, headers } from 'nats';
import { Client } from 'pg';
import { subjectsFor } from '@capstan/contracts';
import { CRITERION_IDS, EVIDENCE_STATUSES, RESPONSIBILITIES } from '@capstan/domain';
import { DEFAULT_MODEL, evaluate, type ScoringInputs } from '@capstan/scoring-core';
import { ApiClient, pollUntil, startTestSystem, tokenFor } from '@capstan/testing';
import { report, round } from './measure';

const { values } = parseArgs({
  options: {
    initiatives: { type: 'string', default: '10000' },
    events: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '1000' },
  },
});
const INITIATIVES = Number(values.initiatives);
const EVENTS = Number(values.events);
const RATE = Number(values.rate);

function generatedInputs(i: number): ScoringInputs {
  const owners = Object.fromEntries(RESPONSIBILITIES.filter((_, r) => (i + r) % 3 !== 0).map((r) => [r, { person: `P${i % 50}`, team: `T${(i + r.length) % 9}` }]));
  const evidence = Object.fromEntries(
    CRITERION_IDS.filter((_, c) => (i * 7 + c) % 4 !== 0).map((c, k) => [
      c,
      { status: EVIDENCE_STATUSES[(i + k) % 3], attestedAt: '2026-09-01T00:00:00Z', expiresAt: (i + k) % 11 === 0 ? '2026-10-01T00:00:00Z' : null },
    ]),
  );
  const telemetry = Array.from({ length: 6 }, (_, w) => ({
    periodKind: 'week' as const,
    periodStart: new Date(Date.UTC(2026, 9, 5 + w * 7)).toISOString().slice(0, 10),
    supportBacklog: 10 + ((i + w * (i % 3)) % 20),
    incidents: (i + w) % 5 === 0 ? 1 : 0,
    crossTeamEscalations: (i + w) % 4,
    rollbacks: (i + w) % 13 === 0 ? 1 : 0,
  }));
  return { initiativeId: randomUUID(), owners, evidence, telemetry, stage: (['pilot', 'scaling', 'production'] as const)[i % 3] };
}

function coreBenchmark(): Record<string, number> {
  const portfolio = Array.from({ length: INITIATIVES }, (_, i) => generatedInputs(i));
  const asOf = new Date('2026-11-24T00:00:00Z');
  const timings: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (const inputs of portfolio) evaluate(inputs, DEFAULT_MODEL, asOf, { gatesHeldSince: null });
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { initiatives: INITIATIVES, medianMs: round(timings[1]), perSecond: round((INITIATIVES / timings[1]) * 1000) };
}

async function main(): Promise<Record<string, unknown>> {
  const core = coreBenchmark();
  const context = await startTestSystem(resolve(__dirname, '../..'), { SCORING_REVIEW_INTERVAL_MS: '3600000' });
  const database = new Client({ connectionString: context.databaseUrl });
  await database.connect();
  const count = async (sql: string, params: unknown[] = []) => Number((await database.query<{ n: string }>(sql, params)).rows[0].n);
  try {
    const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin'], 'bench'));
    const csv = ['name,businessUnit,stage'].concat(Array.from({ length: INITIATIVES }, (_, i) => `Scored ${i},Unit ${i % 10},${['pilot', 'scaling', 'production'][i % 3]}`)).join('\n');
    const started = await admin.request<{ id: string }>('POST', '/api/v1/initiative-imports?mode=valid-rows', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
    await pollUntil(async () => (await admin.get<{ status: string }>(`/api/v1/initiative-imports/${started.body.id}`)).body.status === 'completed', {
      timeoutMs: 900_000,
      intervalMs: 500,
      what: 'the import',
    });
    await pollUntil(async () => (await count(`SELECT count(*)::text AS n FROM scoring.subjects WHERE evaluation_id IS NOT NULL`)) >= INITIATIVES, {
      timeoutMs: 900_000,
      intervalMs: 500,
      what: 'first postures',
    });

    // 2. Full re-score after activating a model.
    const models = await admin.get<{ items: { status: string; definition: Record<string, unknown> }[] }>('/api/v1/scoring-models');
    const active = models.body.items.find((m) => m.status === 'active')?.definition ?? {};
    await admin.post('/api/v1/scoring-models', { ...active, version: 'bench-rescore', domainThreshold: 75 });
    const rescoreStarted = performance.now();
    await admin.request('POST', '/api/v1/scoring-models/bench-rescore/activate');
    await pollUntil(
      async () =>
        (await count(
          `SELECT count(*)::text AS n FROM scoring.subjects s JOIN scoring.evaluations e ON e.id = s.evaluation_id WHERE e.model_version = 'bench-rescore'`,
        )) >= INITIATIVES,
      { timeoutMs: 1_800_000, intervalMs: 500, what: 'the full re-score' },
    );
    const rescoreSeconds = (performance.now() - rescoreStarted) / 1000;

    // 3. Event to posture at a fixed rate.
    const { rows } = await database.query<{ initiative_id: string }>(`SELECT initiative_id FROM scoring.subjects ORDER BY initiative_id LIMIT $1`, [EVENTS]);
    const subjects = subjectsFor(context.namespace);
    const nc = await connect({ servers: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
    const js = nc.jetstream();
    const encoder = new TextEncoder();
    const published = new Map<string, number>();
    const publishStarted = Date.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < rows.length; i++) {
      const due = publishStarted + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const initiativeId = rows[i].initiative_id;
      const envelope = {
        id: randomUUID(),
        type: 'evidence.recorded',
        version: 1,
        source: 'bench',
        occurredAt: new Date().toISOString(),
        payload: {
          initiativeId,
          criterionId: 'resilience.rollback',
          status: 'established',
          attestedAt: new Date().toISOString(),
          expiresAt: null,
          initiativeVersion: 1_000,
          actor: 'bench',
        },
      };
      published.set(initiativeId, Date.now());
      pending.push(js.publish(subjects.event('evidence.recorded'), encoder.encode(JSON.stringify(envelope)), { msgID: envelope.id, headers: headers() }));
    }
    await Promise.all(pending);
    const publishSeconds = (Date.now() - publishStarted) / 1000;
    await pollUntil(
      async () =>
        (await count(`SELECT count(*)::text AS n FROM scoring.subjects WHERE applied_versions ? 'criterion:resilience.rollback'`)) >= rows.length,
      { timeoutMs: 1_800_000, intervalMs: 250, what: 'every event applied' },
    );
    const drainSeconds = (Date.now() - publishStarted) / 1000;
    await nc.close();
    const { rows: evaluations } = await database.query<{ initiative_id: string; at: Date }>(
      `SELECT e.initiative_id, min(e.evaluated_at) AS at FROM scoring.evaluations e
       WHERE e.evaluated_at >= $1 AND e.model_version = 'bench-rescore' AND e.initiative_id = ANY($2)
         AND (e.inputs->'evidence') ? 'resilience.rollback'
       GROUP BY e.initiative_id`,
      [new Date(publishStarted), rows.map((r) => r.initiative_id)],
    );
    const latencies = evaluations.map((row) => new Date(row.at).getTime() - (published.get(row.initiative_id) ?? 0)).sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];

    return {
      core,
      fullRescore: { initiatives: INITIATIVES, seconds: round(rescoreSeconds), perSecond: round(INITIATIVES / rescoreSeconds) },
      eventToPosture: {
        events: rows.length,
        targetRate: RATE,
        achievedPublishRate: round(rows.length / publishSeconds),
        allAppliedAfterSeconds: round(drainSeconds),
        sustainedPerSecond: round(rows.length / drainSeconds),
        latencyMs: { measured: latencies.length, p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] },
      },
    };
  } finally {
    await database.end();
    await context.teardown();
  }
}

report(main);
