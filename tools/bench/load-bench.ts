/**
 * npm run bench:load [-- --duration 5 --initiatives 200]
 *
 * autocannon against the gateway of the built system (local Postgres and
 * NATS): the main read routes (initiative list, posture, current plan, cost
 * summary) and one write route (assigning an owner), at 10, 50 and 200
 * connections — p50/p99 latency and requests per second; then the initiative
 * list against a bare NestJS route serving the same JSON from memory, for the
 * cost of the round trip (HTTP → gateway → NATS → service → Postgres).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ApiClient, freePort, pollUntil, startTestSystem, tokenFor } from '@capstan/testing';
import { report, round } from './measure';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, initiatives: { type: 'string', default: '200' } } });
const DURATION = Number(values.duration);
const INITIATIVES = Number(values.initiatives);
const CONNECTIONS = [10, 50, 200];

interface Figures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, options: { token?: string; method?: 'GET' | 'PUT'; body?: string; connections: number }): Promise<Figures> {
  const result = await autocannon({
    url,
    method: options.method ?? 'GET',
    connections: options.connections,
    duration: DURATION,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body ? { 'content-type': 'application/json' } : {}) },
    body: options.body,
  });
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main(): Promise<Record<string, unknown>> {
  const root = resolve(__dirname, '../..');
  const context = await startTestSystem(root);
  try {
    const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin'], 'load'));
    const viewer = await tokenFor(context.jwtSecret, ['viewer'], 'load-reader');
    const pmo = await tokenFor(context.jwtSecret, ['pmo'], 'load-writer');
    const csv = ['name,businessUnit,stage'].concat(Array.from({ length: INITIATIVES }, (_, i) => `Loaded ${i},Unit ${i % 8},${['pilot', 'scaling', 'production'][i % 3]}`)).join('\n');
    const started = await admin.request<{ id: string }>('POST', '/api/v1/initiative-imports?mode=valid-rows', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
    await pollUntil(async () => (await admin.get<{ status: string }>(`/api/v1/initiative-imports/${started.body.id}`)).body.status === 'completed', { timeoutMs: 300_000, what: 'the import' });
    const list = await pollUntil(
      async () => {
        const page = await admin.get<{ items: { id: string; posture: unknown }[] }>('/api/v1/initiatives?limit=50');
        return page.body.items.length === 50 && page.body.items.every((item) => item.posture) ? page.body : undefined;
      },
      { timeoutMs: 300_000, what: 'postures on the first page' },
    );
    const id = list.items[0].id;
    await pollUntil(async () => (await admin.post('/api/v1/cost-entries', { initiativeId: id, chargeDate: '2026-10-15', category: 'inference', phase: 'production', amount: '120.50', currency: 'EUR' })).status === 201, {
      what: 'a cost entry',
    });
    // The initiatives need rollouts for the plan to hold waves; an empty published plan still exercises the route.
    const plan = await admin.post<{ id: string }>('/api/v1/plans', {});
    await admin.post(`/api/v1/plans/${plan.body.id}/publish`, {});
    await pollUntil(async () => (await admin.get('/api/v1/plans/current')).status === 200, { what: 'a published plan' });

    const base = context.system.gatewayUrl;
    const routes: Record<string, (connections: number) => Promise<Figures>> = {
      'GET /api/v1/initiatives?limit=50': (connections) => load(`${base}/api/v1/initiatives?limit=50`, { token: viewer, connections }),
      'GET /api/v1/initiatives/{id}/posture': (connections) => load(`${base}/api/v1/initiatives/${id}/posture`, { token: viewer, connections }),
      'GET /api/v1/plans/current': (connections) => load(`${base}/api/v1/plans/current`, { token: viewer, connections }),
      'GET /api/v1/costs/summary?groupBy=category': (connections) => load(`${base}/api/v1/costs/summary?groupBy=category`, { token: viewer, connections }),
      'PUT /api/v1/initiatives/{id}/owners/accountable_owner': (connections) =>
        load(`${base}/api/v1/initiatives/${id}/owners/accountable_owner`, { token: pmo, method: 'PUT', body: JSON.stringify({ person: 'Load Tester', team: 'Ops' }), connections }),
    };
    const figures: Record<string, Record<string, Figures>> = {};
    for (const [route, run] of Object.entries(routes)) {
      figures[route] = {};
      for (const connections of CONNECTIONS) figures[route][`${connections} connections`] = await run(connections);
    }

    // The same JSON as the first list page, from memory, through a bare NestJS route.
    const dir = mkdtempSync(join(tmpdir(), 'capstan-bare-'));
    writeFileSync(join(dir, 'page.json'), JSON.stringify((await admin.get('/api/v1/initiatives?limit=50')).body));
    const port = await freePort();
    const bare = spawn(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, 'bare-route.ts'), String(port), join(dir, 'page.json')], {
      cwd: root,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.typecheck.json' },
      stdio: 'ignore',
    });
    try {
      await pollUntil(async () => (await fetch(`http://127.0.0.1:${port}/bare`)).status === 200, { what: 'the bare route' });
      const yardstick: Record<string, Figures & { gatewayToBare: number }> = {};
      for (const connections of CONNECTIONS) {
        const bareFigures = await load(`http://127.0.0.1:${port}/bare`, { connections });
        const gateway = figures['GET /api/v1/initiatives?limit=50'][`${connections} connections`];
        yardstick[`${connections} connections`] = { ...bareFigures, gatewayToBare: round((gateway.requestsPerSecond / bareFigures.requestsPerSecond) * 1000) / 1000 };
      }
      return { durationSeconds: DURATION, initiatives: INITIATIVES, routes: figures, bareNestRouteSameJson: yardstick };
    } finally {
      bare.kill();
    }
  } finally {
    await context.teardown();
  }
}

report(main);
