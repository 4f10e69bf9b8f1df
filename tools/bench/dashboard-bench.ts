/**
 * npm run bench:dashboard [-- --initiatives 500 --loads 5]
 *
 * The production build of the dashboard, in Debian's Chromium against the
 * built system (local Postgres and NATS):
 * - the initial bundle: the scripts and styles index.html loads before any
 *   route, raw and gzip-compressed;
 * - first contentful paint of the sign-in page from localhost, cold (a fresh
 *   browser context each time), median of `--loads`;
 * - a published plan of `--initiatives` initiatives (each in controlled
 *   investment, with two waves competing for four shared pools): time from
 *   navigation to every wave's row on screen, median of `--loads`; then frame
 *   times while the plan scrolls from top to bottom.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ApiClient, pollUntil, startTestSystem, tokenFor } from '@capstan/testing';
import { launchChromium } from '../../tests/system/src/chromium';
import { report, round } from './measure';

const { values } = parseArgs({ options: { initiatives: { type: 'string', default: '500' }, loads: { type: 'string', default: '5' } } });
const INITIATIVES = Number(values.initiatives);
const LOADS = Number(values.loads);
const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist/apps/dashboard/browser');
const POOLS = {
  'deployment-engineering': { name: 'Deployment engineering', capacityPerWeek: 40 },
  platform: { name: 'AI platform team', capacityPerWeek: 30 },
  'change-management': { name: 'Change management', capacityPerWeek: 30 },
  'support-onboarding': { name: 'Support onboarding', capacityPerWeek: 20 },
};

/** What index.html loads up front: its module scripts, module preloads and stylesheets. */
function initialBundle(): Record<string, number> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const sizes = files.map((file) => readFileSync(join(DIST, file)));
  const kB = (bytes: number) => round(bytes / 1000);
  return {
    files: files.length,
    rawKB: kB(sizes.reduce((sum, content) => sum + content.length, 0)),
    gzipKB: kB(sizes.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0)),
  };
}

async function inParallel<T>(items: T[], workers: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  }));
}

async function expectOk(response: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
}

/** N initiatives ready for controlled investment, each with a rollout; a plan computed and published. */
async function seedPlan(api: ApiClient): Promise<{ waves: number }> {
  const csv = ['name,businessUnit,stage'].concat(Array.from({ length: INITIATIVES }, (_, i) => `Planned ${i},Unit ${i % 12},scaling`)).join('\n');
  const started = await api.request<{ id: string }>('POST', '/api/v1/initiative-imports?mode=valid-rows', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
  await pollUntil(async () => (await api.get<{ status: string }>(`/api/v1/initiative-imports/${started.body.id}`)).body.status === 'completed', { timeoutMs: 300_000, what: 'the import' });
  const { body } = await api.get<{ items: { id: string; businessUnit: string }[] }>(`/api/v1/initiatives?limit=${INITIATIVES}`);
  for (const [id, pool] of Object.entries(POOLS)) await expectOk(api.request('PUT', `/api/v1/capacity-pools/${id}`, { body: pool }), `pool ${id}`);

  await inParallel(body.items, 8, async ({ id, businessUnit }, index) => {
    for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
      await expectOk(api.request('PUT', `/api/v1/initiatives/${id}/owners/${responsibility}`, { body: { person: `Owner ${index}`, team: businessUnit } }), 'owner');
    }
    for (const criterion of ['governance.approval_pathways', 'economics.cost_visibility']) {
      await expectOk(api.request('PUT', `/api/v1/initiatives/${id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'PMO' } }), 'criterion');
    }
    const rollout = {
      value: `${100_000 + ((index * 7919) % 900) * 1_000}.00`,
      waves: [
        { key: 'first', name: `${businessUnit}: first teams`, durationWeeks: 2 + (index % 4), demand: { 'deployment-engineering': 2, platform: 1 + (index % 2) }, withinControlledScope: true },
        { key: 'whole', name: `${businessUnit}: whole unit`, durationWeeks: 3 + (index % 3), demand: { 'change-management': 2, 'support-onboarding': 1 }, withinControlledScope: true, after: [{ wave: 'first' }] },
      ],
    };
    // Sequencing learns of an initiative from intake's event: a 422 means not yet.
    await pollUntil(async () => (await api.request('PUT', `/api/v1/initiatives/${id}/rollout`, { body: rollout })).status === 200, { timeoutMs: 60_000, what: `rollout ${index}` });
  });

  await pollUntil(
    async () => {
      const { body: list } = await api.get<{ items: { posture: { posture: string } | null }[] }>(`/api/v1/initiatives?limit=${INITIATIVES}`);
      return list.items.every((item) => item.posture?.posture === 'controlled_investment');
    },
    { timeoutMs: 300_000, intervalMs: 1_000, what: 'every initiative in controlled investment' },
  );
  // Sequencing hears of postures through events too: recompute until every initiative is scheduled.
  let plan: { id: string; waves: unknown[] } | undefined;
  await pollUntil(
    async () => {
      const computed = await api.post<{ id: string; waves: unknown[] }>('/api/v1/plans', { timeLimitMs: 5_000 });
      if (computed.status !== 201) throw new Error(`computing a plan: ${computed.status} ${JSON.stringify(computed.body)}`);
      plan = computed.body;
      return plan.waves.length === INITIATIVES * 2;
    },
    { timeoutMs: 300_000, intervalMs: 2_000, what: 'a plan scheduling every wave' },
  );
  if (!plan) throw new Error('No plan');
  await expectOk(api.post(`/api/v1/plans/${plan.id}/publish`, {}), 'publish');
  return { waves: plan.waves.length };
}

async function firstContentfulPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/sign-in`, { waitUntil: 'load' });
    return await page.evaluate(
      () =>
        new Promise<number>((done) => {
          new PerformanceObserver((entries) => {
            const paint = entries.getEntriesByName('first-contentful-paint')[0];
            if (paint) done(paint.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

/** Milliseconds from navigation to every wave's row in the document. */
async function planRender(page: Page, url: string, waves: number): Promise<number> {
  await page.goto(`${url}/rollout`);
  await page.waitForFunction((expected) => document.querySelectorAll('tr[data-wave]').length >= expected, waves, { timeout: 120_000, polling: 'raf' });
  return page.evaluate(() => performance.now());
}

/** Scrolls the plan to the bottom one step per frame; the time between frames. */
async function scrollFrames(page: Page): Promise<{ frames: number; p50Ms: number; p95Ms: number; maxMs: number; over50Ms: number }> {
  const gaps = await page.evaluate(
    () =>
      new Promise<number[]>((done) => {
        const gaps: number[] = [];
        let last = performance.now();
        const step = (now: number) => {
          gaps.push(now - last);
          last = now;
          window.scrollBy(0, 120);
          if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1) done(gaps.slice(1));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  gaps.sort((a, b) => a - b);
  const at = (q: number) => round(gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]);
  return { frames: gaps.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: round(gaps[gaps.length - 1]), over50Ms: gaps.filter((gap) => gap > 50).length };
}

const median = (samples: number[]) => round([...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]);

async function main(): Promise<Record<string, unknown>> {
  const bundle = initialBundle();
  const context = await startTestSystem(ROOT);
  let browser: Browser | undefined;
  try {
    const url = context.system.gatewayUrl;
    const api = new ApiClient(url, await tokenFor(context.jwtSecret, ['admin'], 'bench'));
    const seeded = await seedPlan(api);
    browser = await launchChromium(chromium);

    const paints: number[] = [];
    for (let i = 0; i < LOADS; i++) paints.push(await firstContentfulPaint(browser, url));

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Token').fill(await tokenFor(context.jwtSecret, ['pmo'], 'bench-pmo'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('principal').waitFor({ timeout: 60_000 });
    const renders: number[] = [];
    for (let i = 0; i < LOADS; i++) renders.push(await planRender(page, url, seeded.waves));
    const scrolling = await scrollFrames(page);

    return {
      initialBundle: bundle,
      firstContentfulPaintMs: { median: median(paints), samples: paints.map(round) },
      plan: { initiatives: INITIATIVES, waves: seeded.waves, renderedMs: { median: median(renders), samples: renders.map(round) }, scrolling },
    };
  } finally {
    await browser?.close();
    await context.teardown();
  }
}

report(main);
