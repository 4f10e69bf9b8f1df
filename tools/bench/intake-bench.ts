/**
 * npm run bench:intake [-- --initiatives 10000 --requests 300 --concurrency 4]
 *
 * Starts the built system against the local Postgres and NATS (DATABASE_URL /
 * NATS_URL), imports a generated inventory through the CSV import (rows/s),
 * waits until every initiative is scored, then measures list and filter
 * latency through the gateway. Prints a JSON report.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { ApiClient, pollUntil, startTestSystem, tokenFor } from '@capstan/testing';
import { measureLatency, report, round } from './measure';

const { values } = parseArgs({
  options: {
    initiatives: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '4' },
  },
});
const INITIATIVES = Number(values.initiatives);
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const UNITS = ['Retail Banking', 'Commercial Banking', 'Insurance', 'Payments', 'Wealth', 'Operations', 'People', 'Markets', 'Treasury', 'Risk'];
const STAGES = ['pilot', 'scaling', 'production'];
const TIERS = ['minimal', 'limited', 'high'];

function inventory(): string {
  const lines = ['name,summary,businessUnit,sponsor,useCaseCategory,stage,riskTier,tags'];
  for (let i = 0; i < INITIATIVES; i++) {
    lines.push(
      `Initiative ${i},"Generated initiative ${i} for the benchmark",${UNITS[i % UNITS.length]},COO ${i % 17},category ${i % 12},` +
        `${STAGES[i % 3]},${TIERS[(i >> 2) % 3]},bench;g${i % 20}`,
    );
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<Record<string, unknown>> {
  const root = resolve(__dirname, '../..');
  const context = await startTestSystem(root);
  const database = new Client({ connectionString: context.databaseUrl });
  await database.connect();
  try {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'bench'));
    const csv = inventory();

    const importStarted = performance.now();
    const started = await pmo.request<{ id: string }>('POST', '/api/v1/initiative-imports?mode=valid-rows', {
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
    const finished = await pollUntil(
      async () => {
        const view = await pmo.get<{ status: string; rowsImported: number }>(`/api/v1/initiative-imports/${started.body.id}`);
        return view.body.status === 'completed' ? view.body : undefined;
      },
      { timeoutMs: 900_000, intervalMs: 200, what: 'the import' },
    );
    const importSeconds = (performance.now() - importStarted) / 1000;

    // Owners for a filter to find: every 25th initiative has a named risk owner.
    const { rows: ids } = await database.query<{ id: string }>(`SELECT id FROM intake.initiatives ORDER BY created_at LIMIT $1`, [INITIATIVES]);
    for (let i = 0; i < ids.length; i += 25) {
      await pmo.request('PUT', `/api/v1/initiatives/${ids[i].id}/owners/risk_owner`, { body: { person: `Owner ${i % 7}`, team: 'Model Risk' } });
    }
    const scoredStarted = performance.now();
    await pollUntil(
      async () => {
        const { rows } = await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM intake.initiatives WHERE posture IS NOT NULL`);
        return Number(rows[0].n) >= INITIATIVES;
      },
      { timeoutMs: 900_000, intervalMs: 500, what: 'every initiative scored and projected' },
    );
    const scoredAfterImportSeconds = (performance.now() - scoredStarted) / 1000;

    const viewer = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'bench'));
    const firstPage = await viewer.get<{ nextCursor: string }>('/api/v1/initiatives?limit=100&sort=name');
    const queries: Record<string, string> = {
      'first page (100, newest first)': '/api/v1/initiatives?limit=100',
      'business unit filter (100)': '/api/v1/initiatives?limit=100&businessUnit=Payments',
      'stage + risk tier (100)': '/api/v1/initiatives?limit=100&stage=scaling&riskTier=high',
      'posture filter (100)': '/api/v1/initiatives?limit=100&posture=pause',
      'owner filter': '/api/v1/initiatives?limit=100&owner=owner%203',
      'text search': '/api/v1/initiatives?limit=100&q=initiative%20777',
      'sorted by name, second page (cursor)': `/api/v1/initiatives?limit=100&sort=name&cursor=${firstPage.body.nextCursor}`,
      'one initiative with posture': `/api/v1/initiatives/${ids[INITIATIVES >> 1].id}`,
    };
    const latency: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(queries)) {
      latency[name] = await measureLatency(
        async () => {
          const response = await viewer.get(path);
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        },
        { count: REQUESTS, concurrency: CONCURRENCY },
      );
    }

    return {
      initiatives: INITIATIVES,
      import: {
        rows: finished.rowsImported,
        seconds: round(importSeconds),
        rowsPerSecond: round(finished.rowsImported / importSeconds),
        everyPostureProjectedSecondsAfter: round(scoredAfterImportSeconds),
      },
      listLatencyMs: { requests: REQUESTS, concurrency: CONCURRENCY, ...latency },
    };
  } finally {
    await database.end();
    await context.teardown();
  }
}

report(main);
