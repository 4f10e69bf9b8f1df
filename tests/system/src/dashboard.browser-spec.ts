import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ApiClient, freePort, pollUntil, queryDatabase, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';
import { launchChromium, recordBreakage } from './chromium';
import { checkPage } from './page-check';

const ROOT = resolve(__dirname, '../../..');
const demo = JSON.parse(readFileSync(join(ROOT, 'tools/dev/demo-portfolio.json'), 'utf8')) as {
  initiatives: Record<string, unknown>[];
};

describe('dashboard', () => {
  let context: TestSystem;
  let browser: Browser;
  let page: Page;
  let pmoToken: string;
  const breakage: string[] = [];

  beforeAll(async () => {
    context = await startTestSystem(ROOT);
    const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin']));
    for (const initiative of demo.initiatives) {
      expect((await admin.post('/api/v1/initiatives', initiative)).status).toBe(201);
    }
    pmoToken = await tokenFor(context.jwtSecret, ['pmo'], 'pat');
    browser = await launchChromium(chromium);
    page = recordBreakage(await browser.newPage({ viewport: { width: 1440, height: 900 } }), breakage);
  });

  afterAll(async () => {
    await browser?.close();
    await context?.teardown();
  });

  /** A page of its own, signed in with a token for `roles` (and `capabilities`) as `subject`. */
  async function signedInPage(
    roles: Parameters<typeof tokenFor>[1],
    subject: string,
    options: { capabilities?: string[]; viewport?: { width: number; height: number }; timezoneId?: string } = {},
  ): Promise<Page> {
    const signedIn = recordBreakage(
      await browser.newPage({ ...(options.viewport ? { viewport: options.viewport } : {}), ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) }),
      breakage,
    );
    await signedIn.goto(`${context.system.gatewayUrl}/sign-in`);
    await signedIn.getByLabel('Token').fill(await tokenFor(context.jwtSecret, roles, subject, options.capabilities));
    await signedIn.getByRole('button', { name: 'Sign in' }).click();
    return signedIn;
  }

  it('should bring a link opened before signing in back to its page once signed in', async () => {
    const linked = recordBreakage(await browser.newPage(), breakage);
    try {
      await linked.goto(`${context.system.gatewayUrl}/decisions?asOf=2026-01-31`);
      await linked.waitForURL('**/sign-in');
      await linked.getByLabel('Token').fill(pmoToken);
      await linked.getByRole('button', { name: 'Sign in' }).click();
      await linked.waitForURL('**/decisions?asOf=2026-01-31');
      await pollUntil(async () => (await linked.getByTestId('as-of').inputValue()) === '2026-01-31' || undefined, { what: 'the linked moment on the page' });

      // A session the gateway no longer accepts (here, a token it never signed): back to sign in, saying why, then back
      // to the page.
      await linked.evaluate(() => sessionStorage.clear());
      await linked.goto(`${context.system.gatewayUrl}/decisions?asOf=2026-02-28`);
      await linked.waitForURL('**/sign-in');
      await linked.getByLabel('Token').fill(await tokenFor('not-the-gateways-secret-0123456789abcdef', ['pmo'], 'pat'));
      await linked.getByRole('button', { name: 'Sign in' }).click();
      await linked.getByRole('status').getByText('Your session has ended.', { exact: false }).waitFor();
      await linked.getByLabel('Token').fill(pmoToken);
      await linked.getByRole('button', { name: 'Sign in' }).click();
      await linked.waitForURL('**/decisions?asOf=2026-02-28');
    } finally {
      await linked.close();
    }
  });

  it('should sign in and show the demo initiatives with their postures', async () => {
    await page.goto(context.system.gatewayUrl);
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Token').waitFor();
    expect(await checkPage(page, 'sign-in', { fullPage: false })).toEqual([]);
    await page.getByLabel('Token').fill(pmoToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // PMO starts on the rollout plan, listed first.
    await page.waitForURL('**/rollout');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().textContent()).toBe('Rollout plan');
    await page.getByRole('link', { name: 'Portfolio' }).click();

    await page.getByRole('table', { name: 'Initiatives' }).waitFor();
    await pollUntil(async () => (await initiativeRows(page).count()) === demo.initiatives.length, {
      what: 'every demo initiative in the table',
    });
    await pollUntil(async () => (await page.locator('[data-posture="pause"]').count()) === demo.initiatives.length, {
      what: 'a posture on every demo initiative',
    });
    await expectText(page, '[data-testid="count-pause"] .count', String(demo.initiatives.length));
    // Readiness beside the list: a heatmap drawn by ECharts, its numbers in a table too.
    await page.getByRole('heading', { name: 'Readiness by domain' }).waitFor();
    await page.locator('cap-chart svg').first().waitFor();
    await page.getByText('Scores as a table').click();
    await pollUntil(async () => (await page.getByRole('table', { name: 'Readiness by domain' }).locator('tbody tr').count()) === demo.initiatives.length, {
      what: 'a heatmap row for every scored initiative',
    });
    await page.getByRole('heading', { name: 'Capital committed ahead of readiness' }).waitFor();
    await page.getByRole('heading', { name: 'Friction trends' }).waitFor();
    await pollUntil(async () => (await page.getByRole('table', { name: /Signals this week/ }).locator('tbody tr').count()) > 1, { what: 'this week’s signals' });
    expect(await checkPage(page, 'portfolio', { fullPage: false })).toEqual([]);
  });

  it('should show an initiative registered through the form without a reload', async () => {
    await page.getByLabel('Name').fill('Browser-registered assistant');
    await page.getByLabel('Business unit').fill('Operations');
    await page.getByRole('button', { name: 'Register' }).click();
    const row = initiativeRows(page).filter({ hasText: 'Browser-registered assistant' });
    await row.waitFor();
    await row.locator('[data-posture="pause"]').waitFor({ timeout: 30_000 });
  });

  it('should show an initiative registered through the API live, over server-sent events', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, pmoToken);
    expect((await pmo.post('/api/v1/initiatives', { name: 'API-registered forecaster', businessUnit: 'Payments' })).status).toBe(201);
    const row = initiativeRows(page).filter({ hasText: 'API-registered forecaster' });
    await row.locator('[data-posture="pause"]').waitFor({ timeout: 30_000 });
    await pollUntil(async () => (await initiativeRows(page).count()) === demo.initiatives.length + 2, { what: 'both new rows' });

    // A filtered, sorted view is a link.
    await page.goto(`${context.system.gatewayUrl}/?q=registered&sort=name&dir=desc`);
    await pollUntil(async () => (await initiativeRows(page).count()) === 2, { what: 'the filter from the URL' });
    expect(await initiativeRows(page).first().textContent()).toContain('Browser-registered assistant');
    await page.getByRole('button', { name: 'Initiative' }).click();
    await page.waitForURL(/dir=asc/);
    // The URL changes before the list is read again in the new order.
    await initiativeRows(page).first().filter({ hasText: 'API-registered forecaster' }).waitFor();
    expect(await page.getByRole('table', { name: 'Initiatives' }).getByRole('columnheader', { name: /Initiative/ }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('searchbox', { name: 'Filter' }).fill('');
    await pollUntil(async () => (await initiativeRows(page).count()) === demo.initiatives.length + 2, { what: 'the whole list again' });
  });

  it('should read the list anew when the live stream comes back, with what was registered while it was down', async () => {
    // A second gateway takes the registration while the page's gateway is down: its event goes to no stream the page has.
    const replica = await context.system.startReplica('gateway', await freePort());
    try {
      await context.system.stop('gateway', 'SIGKILL');
      const pmo = new ApiClient(replica.url as string, pmoToken);
      const created = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Registered while the stream was down', businessUnit: 'Payments' });
      expect(created.status).toBe(201);
      // Scored before the page's gateway is back, so no later event of it can bring the row instead.
      await pollUntil(async () => (await pmo.get<{ posture: unknown }>(`/api/v1/initiatives/${created.body.id}`)).body.posture, { what: 'its first posture' });
      context.system.start('gateway');
      await context.system.waitHealthy();
      const row = initiativeRows(page).filter({ hasText: 'Registered while the stream was down' });
      await row.locator('[data-posture="pause"]').waitFor({ timeout: 60_000 });
    } finally {
      await context.system.stop(replica.instance);
    }
  });

  it('should open an initiative and show its posture, conditions, domains and owner gaps', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, pmoToken);
    const created = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Detail subject', businessUnit: 'Insurance', stage: 'scaling' });
    await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/owners/accountable_owner`, { body: { person: 'Ana Ruiz', team: 'Claims' } });
    await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/criteria/resilience.rollback`, {
      body: { status: 'partial', attestedBy: 'Ops lead', expiresAt: '2030-01-01' },
    });
    const engineering = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['engineering'], 'ops-bot'));
    for (const [start, incidents] of [['2026-11-09', 1], ['2026-11-16', 3]] as const) {
      expect((await engineering.post(`/api/v1/initiatives/${created.body.id}/telemetry`, { period: { kind: 'week', start }, incidents, supportBacklog: 4 })).status).toBe(201);
    }
    const row = initiativeRows(page).filter({ hasText: 'Detail subject' });
    await row.waitFor();
    await row.getByRole('link', { name: 'Detail subject' }).click();
    await page.waitForURL(`**/initiatives/${created.body.id}`);
    await page.getByRole('heading', { name: /Detail subject/ }).waitFor();
    await page.locator('[data-posture="pause"]').first().waitFor();
    await pollUntil(async () => (await page.getByText('Ana Ruiz · Claims').count()) === 1, { what: 'the owner' });
    expect(await page.getByText('Gap — no owner').count()).toBe(5);
    expect(await page.getByRole('meter').count()).toBe(6);
    expect(await page.locator('.conditions li').first().textContent()).toContain('assign an approval_authority owner');
    expect(await page.getByText('rollback conditions understood').count()).toBeGreaterThan(0);
    // Its economics and its history.
    await page.getByRole('heading', { name: 'Economics', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Spend by phase' }).getByText('No costs recorded yet.').waitFor();
    await page.getByRole('list', { name: 'Audit history' }).getByText('owner.assigned').first().waitFor();
    await page.getByText('Figures as a table').click();
    await pollUntil(async () => (await page.getByRole('table', { name: 'Telemetry' }).locator('tbody tr').count()) === 2, { what: 'two weeks of telemetry' });
    // Escalations and rollbacks were never reported: shown as unknown, not as none.
    expect(await page.getByRole('table', { name: 'Telemetry' }).locator('tbody tr').first().locator('td').allTextContents()).toEqual(['1', '—', '—', '4', '—']);
    expect(await checkPage(page, 'initiative')).toEqual([]);

    // Following a dependency opens that initiative; going back shows this one again, not the last one seen.
    const upstream = await pmo.post<{ id: string; key: string }>('/api/v1/initiatives', { name: 'Upstream subject', businessUnit: 'Insurance', stage: 'pilot' });
    expect((await pmo.post(`/api/v1/initiatives/${created.body.id}/dependencies`, { dependsOn: upstream.body.id })).status).toBe(201);
    await page.getByRole('link', { name: upstream.body.key }).click();
    await page.waitForURL(`**/initiatives/${upstream.body.id}`);
    await page.getByRole('heading', { name: /Upstream subject/ }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: /Detail subject/ }).waitFor();
    // A mistaken dependency is taken away from here.
    await page.getByRole('button', { name: `Remove the dependency on ${upstream.body.key}` }).click();
    await page.getByText('No dependencies.').waitFor();

    // A save the API refuses says why, naming the field.
    await page.getByLabel('Business unit').fill('   ');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const failure = page.getByTestId('edit-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/^Not saved: .*Business unit: /);
    await page.getByLabel('Business unit').fill('Insurance');

    // Two people edit at once: the later save is refused and explained, and nothing either typed is lost.
    await page.getByLabel('Sponsor').fill('Dana Reyes');
    const opened = await pmo.get(`/api/v1/initiatives/${created.body.id}`);
    const meanwhile = await pmo.request('PATCH', `/api/v1/initiatives/${created.body.id}`, {
      body: { summary: 'Summarizes claims for adjusters' },
      headers: { 'if-match': opened.headers.get('etag') ?? '' },
    });
    expect(meanwhile.status).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByTestId('edit-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Summary: now “Summarizes claims for adjusters”');
    expect(await page.getByLabel('Sponsor').inputValue()).toBe('Dana Reyes');
    expect(await checkPage(page, 'initiative-edit-conflict')).toEqual([]);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await pmo.get(`/api/v1/initiatives/${created.body.id}`)).body).toMatchObject({ sponsor: 'Dana Reyes', summary: 'Summarizes claims for adjusters' });

    // Owners: a gap named, an owner removed (a gap again) — against the version on screen.
    const owners = page.getByRole('table', { name: 'Owners' });
    await owners.getByRole('button', { name: 'Assign production_support' }).click();
    await pollUntil(async () => (await page.evaluate(() => document.activeElement?.getAttribute('formcontrolname'))) === 'person', { what: "focus in the owner's name" });
    await page.getByRole('button', { name: 'Save owner' }).click();
    await page.getByText('A name is required').waitFor();
    await page.getByLabel("Owner's name").fill('Li Wei');
    await page.getByLabel("Owner's team").fill('Claims Support');
    expect(await checkPage(page, 'initiative-owner-form')).toEqual([]);
    await page.getByRole('button', { name: 'Save owner' }).click();
    await owners.getByText('Li Wei · Claims Support').waitFor();
    await pollUntil(async () => (await owners.getByText('Gap — no owner').count()) === 4, { what: 'the gap to close' });
    await owners.getByRole('button', { name: 'Remove accountable_owner' }).click();
    await owners.getByText('Remove Ana Ruiz as accountable_owner?').waitFor();
    await pollUntil(async () => (await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Remove owner', { what: 'focus on the confirmation' });
    await page.getByRole('button', { name: 'Remove owner' }).click();
    await pollUntil(async () => (await owners.getByText('Ana Ruiz · Claims').count()) === 0, { what: 'the owner to go' });
    expect(await owners.getByText('Gap — no owner').count()).toBe(5);
    const owned = (await pmo.get<{ owners: Record<string, { person: string }> }>(`/api/v1/initiatives/${created.body.id}`)).body.owners;
    expect(Object.fromEntries(Object.entries(owned).map(([responsibility, owner]) => [responsibility, owner.person]))).toEqual({ production_support: 'Li Wei' });
    await page.getByRole('list', { name: 'Audit history' }).getByText('owner.removed').first().waitFor();

    // Evidence: the criterion's record filled in, a date to come refused and named, then recorded.
    await page.getByLabel('Criterion').click();
    await page.getByRole('option', { name: 'rollback conditions understood (resilience.rollback)' }).click();
    expect(await page.getByLabel('Attested by').inputValue()).toBe('Ops lead');
    expect(await page.getByLabel('Expires on').inputValue()).toBe('2030-01-01');
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'established', exact: true }).click();
    await page.getByRole('textbox', { name: 'Evidence', exact: true }).fill('https://wiki.example/runbooks/claims-rollback');
    // An expiry before the attestation is stopped in the form; an attestation to come, by the API.
    await page.getByLabel('Expires on').fill('2026-01-01');
    await page.getByRole('button', { name: 'Record evidence' }).click();
    const refused = page.getByTestId('attest-failure');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Expires on must be after today');
    await page.getByLabel('Expires on').fill('');
    await page.getByLabel('Attested on').fill('2099-01-01');
    await page.getByRole('button', { name: 'Record evidence' }).click();
    await pollUntil(async () => ((await refused.textContent()) ?? '').includes('Attested on: is in the future'), { what: 'the API to refuse the date' });
    await page.getByLabel('Attested on').fill('');
    await page.getByLabel('Expires on').fill('2030-01-01');
    await page.getByRole('button', { name: 'Record evidence' }).click();
    await page.getByText('Recorded: rollback conditions understood established.').waitFor();
    const rollback = page.getByRole('table', { name: 'Evidence' }).locator('tr', { hasText: 'rollback conditions understood' });
    await pollUntil(async () => ((await rollback.textContent()) ?? '').includes('claims-rollback'), { what: 'the evidence recorded' });
    expect(await rollback.textContent()).toContain('established');
    expect(await checkPage(page, 'initiative-attest-evidence')).toEqual([]);
    await page.getByRole('link', { name: '← Portfolio' }).click();
    await page.getByRole('table', { name: 'Initiatives' }).waitFor();
  });

  it('should compute a rollout plan, show who contests which pool and why, and publish it', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, pmoToken);
    const ids: string[] = [];
    for (const [name, businessUnit, value] of [['Teller copilot', 'Retail Banking', '900000'], ['Claims summarizer', 'Insurance', '100000']]) {
      const { body } = await pmo.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit });
      ids.push(body.id);
      for (const responsibility of ['accountable_owner', 'production_support', 'approval_authority']) {
        await pmo.request('PUT', `/api/v1/initiatives/${body.id}/owners/${responsibility}`, { body: { person: 'Ana', team: 'Ops' } });
      }
      for (const criterion of ['governance.approval_pathways', 'economics.cost_visibility']) {
        await pmo.request('PUT', `/api/v1/initiatives/${body.id}/criteria/${criterion}`, { body: { status: 'established', attestedBy: 'PMO' } });
      }
      await pollUntil(async () => ((await pmo.get<{ posture: string }>(`/api/v1/initiatives/${body.id}/posture`)).body.posture === 'controlled_investment' ? true : undefined), {
        what: `${name} in controlled investment`,
      });
      await pmo.request('PUT', '/api/v1/capacity-pools/platform', { body: { name: 'AI platform team', capacityPerWeek: 3 } });
      await pollUntil(async () => {
        const rollout = { value, waves: [{ key: 'w1', name: `${businessUnit} pilot teams`, durationWeeks: 4, demand: { platform: 2 }, withinControlledScope: true }] };
        return (await pmo.request('PUT', `/api/v1/initiatives/${body.id}/rollout`, { body: rollout })).status === 200 ? true : undefined;
      }, { what: `the rollout of ${name}` });
    }

    await page.getByRole('link', { name: 'Rollout plan' }).click();
    await page.getByText('No published plan yet.').waitFor();
    await page.getByRole('button', { name: 'Compute a draft' }).click();
    await page.getByRole('table', { name: 'Scheduled waves' }).waitFor();
    const late = page.locator('tr[data-wave]', { hasText: 'Claims summarizer' });
    await late.getByText('4 week(s) later:').waitFor();
    expect(await late.textContent()).toContain('platform is fully used');
    const contest = page.locator('[data-testid="contest"]');
    await contest.waitFor();
    expect(await contest.textContent()).toMatch(/Won .*Retail Banking.*higher priority/s);
    expect(await contest.textContent()).toMatch(/Lost .*Insurance/s);
    await page.getByTestId('against-published').getByText('No plan is published yet: this draft would be v1').waitFor();
    expect(await checkPage(page, 'rollout-plan')).toEqual([]);

    // What if an initiative not yet registered joined, needing the platform team? Looked at, never published.
    await page.getByLabel('Kind of change', { exact: true }).selectOption('add');
    await page.getByLabel('Name of the initiative added').fill('Fraud triage');
    await page.getByLabel('Business unit of the initiative added').fill('Payments');
    await page.getByLabel('Value of the initiative added').fill('900000');
    await page.getByLabel('Weeks its rollout takes').fill('6');
    await page.getByLabel('Pool it needs').selectOption('platform');
    await page.getByLabel('Units per week it needs').fill('2');
    await page.getByRole('button', { name: 'See the difference' }).click();
    const joined = page.getByTestId('scenario-diff');
    await joined.getByText('WHAT-IF w1 (Payments): added').waitFor();
    expect(await joined.textContent()).toContain('an initiative is registered in intake: the draft made from this what-if can be looked at, not published');
    // Made the draft, it says why it cannot be published and offers no publishing; a draft computed again can be.
    await page.getByRole('button', { name: 'Make this the draft' }).click();
    await page.getByTestId('unpublishable').waitFor();
    expect(await page.getByTestId('unpublishable').textContent()).toMatch(/not published: it was promoted from what-if ".+", which adds initiative WHAT-IF/);
    expect(await page.getByTestId('publish').count()).toBe(0);
    await page.getByRole('button', { name: 'Compute a draft' }).click();
    await page.getByTestId('publish').waitFor();
    expect(await page.getByTestId('unpublishable').count()).toBe(0);

    // What if the claims rollout came first? The diff shows it before anything changes.
    await page.getByLabel('Kind of change', { exact: true }).selectOption('priority');
    await page.getByLabel('Initiative', { exact: true }).selectOption(ids[1]);
    await page.getByLabel('Priority', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'See the difference' }).click();
    const diff = page.getByTestId('scenario-diff');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('2 wave(s) move: 4 week(s) gained, 4 lost');
    expect(await checkPage(page, 'rollout-scenario')).toEqual([]);
    await page.getByRole('button', { name: 'Make this the draft' }).click();
    await page.locator('tr[data-wave]', { hasText: 'Teller copilot' }).getByText('4 week(s) later:').waitFor();
    expect(await page.locator('tr[data-wave]', { hasText: 'Claims summarizer' }).textContent()).toContain('override');

    await page.getByTestId('publish').click();
    await expectText(page, '[data-testid="plan-kind"]', 'v1');
    const [waves] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the waves as CSV' }).click()]);
    expect(waves.suggestedFilename()).toBe('capstan-plan-v1-waves.csv');
    expect(readFileSync(await waves.path(), 'utf8')).toContain(ids[1]);
    expect(ids).toHaveLength(2);

    // A contest has a link of its own: opened, it is marked and in view.
    await page.locator('[data-testid="contest"]').getByRole('link', { name: /Link to the contest for platform/ }).click();
    await page.waitForURL(/contest=platform/);
    await page.goto(page.url());
    const selected = page.locator('[data-testid="contest"][aria-current="true"]');
    await selected.waitFor();
    expect(await selected.textContent()).toContain('▶ Selected');

    // PMO records that the claims wave began today: the next draft has it under way from that day.
    const today = new Date().toISOString().slice(0, 10);
    const claims = page.locator('tr[data-wave]', { hasText: 'Claims summarizer' });
    await claims.getByText('Record progress').click();
    await claims.getByLabel('Started on').fill(today);
    await claims.getByRole('button', { name: 'Record', exact: true }).click();
    // The days can be typed only once what is on record is read (CI once saw a typed start overwritten by that read).
    await claims.getByRole('status').filter({ hasText: `Recorded: began ${today}, still running.` }).waitFor();
    // Opened again after a reload, the form starts from what is on record, not from the published plan (which has no start for it).
    await page.reload();
    const again = page.locator('tr[data-wave]', { hasText: 'Claims summarizer' });
    await again.getByText('Record progress').click();
    await pollUntil(async () => ((await again.getByLabel('Started on').inputValue()) === today ? true : undefined), { what: 'the recorded start in the form' });
    await pollUntil(async () => {
      const { body } = await pmo.get<{ items: { trigger: string }[] }>('/api/v1/plans?kind=draft&limit=1');
      return body.items[0]?.trigger.includes('progress of') ? true : undefined;
    }, { what: 'a draft recomputed from the recorded progress' });
    await page.getByRole('tab', { name: 'Latest draft' }).click();
    await page.locator('tr[data-wave]', { hasText: 'Claims summarizer' }).getByText(`under way since ${today}`).waitFor();
    // Before publishing it, what it changes in the published plan.
    const against = page.getByTestId('against-published');
    await against.getByText('Publishing this draft, against the published v1').waitFor();
    expect(await against.textContent()).toMatch(/\d+ wave\(s\) move: \d+ week\(s\) gained, \d+ lost/);
    expect(await checkPage(page, 'rollout-draft-against-published')).toEqual([]);
  });

  it('should keep a promoted priority as an override, and let PMO pin a wave with its reason and revoke it', async () => {
    // The priority what-if made the draft above is now a PMO override naming it.
    const overrides = page.getByRole('region', { name: 'PMO overrides' });
    const inForce = overrides.getByTestId('override');
    await inForce.first().waitFor();
    expect(await inForce.count()).toBe(1);
    expect(await inForce.first().textContent()).toMatch(/Claims summarizer: priority 100.*what-if "What if .*Claims summarizer had priority 100" made the draft/s);

    // Pin the teller rollout's first wave eight weeks out: the recomputed draft starts it then.
    const now = new Date();
    const pinned = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7) + 56)).toISOString().slice(0, 10);
    await overrides.getByLabel('Kind of override').selectOption('pin');
    const teller = await overrides.getByLabel('Override initiative').locator('option', { hasText: 'Teller copilot' }).getAttribute('value');
    await overrides.getByLabel('Override initiative').selectOption(teller ?? '');
    await overrides.getByLabel('Pinned wave').selectOption('w1');
    await overrides.getByLabel('Pinned start').fill(pinned);
    await overrides.getByLabel('Reason for the override').fill('Launch with the spring campaign');
    await overrides.getByRole('button', { name: 'Record override' }).click();
    // Said once the list shows it.
    await overrides.getByRole('status').getByText(`Teller copilot w1 starts on ${pinned}`).waitFor();
    expect(await inForce.count()).toBe(2);
    await page.getByRole('tab', { name: 'Latest draft' }).click();
    await page.locator('tr[data-wave]', { hasText: 'Teller copilot' }).getByText(`${pinned} →`).waitFor();
    expect(await page.locator('tr[data-wave]', { hasText: 'Teller copilot' }).textContent()).toContain('pinned by PMO');
    expect(await checkPage(page, 'rollout-overrides')).toEqual([]);

    // Revoked with a reason, it leaves the plan and stays on record.
    await overrides.getByRole('button', { name: `Revoke ${(await inForce.nth(1).locator('td').first().textContent())?.trim()}` }).click();
    await overrides.getByLabel('Why revoke it').fill('Campaign moved to the autumn');
    await overrides.getByRole('button', { name: 'Revoke', exact: true }).click();
    await overrides.getByRole('status').getByText('Revoked:').waitFor();
    await overrides.getByText('Revoked (1)').waitFor();
    expect(await inForce.count()).toBe(1);
    await overrides.getByText('Revoked (1)').click();
    expect(await overrides.locator('.revoked').textContent()).toContain('Campaign moved to the autumn');
    await pollUntil(async () => ((await page.locator('tr[data-wave]', { hasText: 'Teller copilot' }).textContent())?.includes(`${pinned} →`) ? undefined : true), {
      what: 'the draft recomputed without the pin',
    });

    // An order override's selects show what the form would send: "then" defaults to the second initiative, and shows it
    // (a select's value bound before its options existed showed the first while the form held the second).
    const defaultKind = await overrides.getByLabel('Kind of override').inputValue();
    await overrides.getByLabel('Kind of override').selectOption('order');
    const then = overrides.getByLabel('Then initiative', { exact: true });
    expect(await then.inputValue()).toBe(await then.locator('option').nth(1).getAttribute('value'));
    expect(await overrides.getByLabel('First initiative', { exact: true }).inputValue()).toBe(await then.locator('option').nth(0).getAttribute('value'));
    await overrides.getByLabel('Kind of override').selectOption(defaultKind);

    // The platform team hires: PMO gives the pool a fourth slot from a date, and the draft is recomputed for it.
    const pools = page.getByRole('region', { name: 'Capacity pools' });
    await pools.getByRole('button', { name: 'Change AI platform team' }).click();
    await pools.getByLabel('Change from').fill(pinned);
    await pools.getByLabel('Change to').fill('2099-12-31');
    await pools.getByLabel('Capacity per week from then').fill('4');
    await pools.getByLabel('Why the capacity changes').fill('Two engineers join');
    await pools.getByRole('button', { name: 'Add the change' }).click();
    await pools.getByRole('button', { name: 'Save the pool' }).click();
    await pools.getByRole('status').getByText('Saved AI platform team: 3 per week, 1 change(s) by date.').waitFor();
    expect(await pools.locator('tr[data-pool="platform"]').textContent()).toContain(`${pinned} → 2099-12-31: 4/week (Two engineers join)`);
    await page.getByText('Computed because: capacity pool platform changed').waitFor();
    expect(await checkPage(page, 'rollout-pools')).toEqual([]);

    // Two PMO users at one pool: the save made from a version someone replaced meanwhile is refused, theirs shown.
    await pools.getByRole('button', { name: 'Change AI platform team' }).click();
    const pmo = new ApiClient(context.system.gatewayUrl, pmoToken);
    const stored = (await pmo.get<{ items: { id: string; name: string; capacityPerWeek: number; adjustments: unknown[]; version: number }[] }>('/api/v1/capacity-pools')).body.items.find((p) => p.id === 'platform');
    const theirs = await pmo.request<{ version: number }>('PUT', '/api/v1/capacity-pools/platform', {
      body: { name: stored?.name, capacityPerWeek: 4, adjustments: stored?.adjustments },
      headers: { 'if-match': `"${stored?.version}"` },
    });
    expect(theirs.status).toBe(200);
    await pools.getByLabel('Capacity per week of the pool').fill('9');
    await pools.getByRole('button', { name: 'Save the pool' }).click();
    await pools.getByRole('alert').getByText(`Capacity pool platform has changed since version ${stored?.version}`).waitFor();
    // The list was read again: the other's 4, not the 9 refused nor the 3 the form was opened at.
    expect(await pools.locator('tr[data-pool="platform"] td.num').textContent()).toBe('4');
    // The 9 stays in the form, now over their version: saved again, it replaces theirs knowingly.
    expect(await pools.getByLabel('Capacity per week of the pool').inputValue()).toBe('9');
    await pools.getByRole('button', { name: 'Save the pool' }).click();
    await pools.getByRole('status').getByText('Saved AI platform team: 9 per week', { exact: false }).waitFor();
    expect(await pools.locator('tr[data-pool="platform"] td.num').textContent()).toBe('9');
    const mine = (await pmo.get<{ items: { id: string; version: number }[] }>('/api/v1/capacity-pools')).body.items.find((p) => p.id === 'platform');
    expect(mine?.version).toBe(theirs.body.version + 1);
    const restored = await pmo.request('PUT', '/api/v1/capacity-pools/platform', {
      body: { name: stored?.name, capacityPerWeek: 3, adjustments: stored?.adjustments },
      headers: { 'if-match': `"${mine?.version}"` },
    });
    expect(restored.status).toBe(200);

    // A business unit's freeze windows: PMO sets them here, everyone sees them.
    const freezes = page.getByRole('region', { name: 'Freeze windows' });
    await freezes.getByRole('button', { name: 'Freeze a business unit…' }).click();
    await freezes.getByLabel('Business unit', { exact: true }).fill('Treasury');
    await freezes.getByLabel('Freeze from').fill('2099-12-20');
    await freezes.getByLabel('Freeze to').fill('2099-12-31');
    await freezes.getByLabel('Why the unit is frozen').fill('Year-end close');
    await freezes.getByRole('button', { name: 'Add the window' }).click();
    await freezes.getByRole('button', { name: 'Save the windows' }).click();
    await freezes.getByRole('status').getByText('Saved 1 freeze window(s) for Treasury.').waitFor();
    expect(await freezes.locator('tr[data-unit="Treasury"]').textContent()).toContain('2099-12-20 → 2099-12-31 (Year-end close)');
    expect(await page.getByRole('region', { name: 'Rollout budgets' }).getByRole('button').count()).toBe(0);

    // The initiative's page shows its rollout as described, beside where the published plan puts each wave.
    await page.locator('tr[data-wave]', { hasText: 'Teller copilot' }).getByRole('link').click();
    const wave = page.locator('tr[data-rollout-wave="w1"]');
    await wave.waitFor();
    expect(await wave.textContent()).toMatch(/Retail Banking pilot teams.*in controlled scope.*platform: 2\/week.*\d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}.*4 week\(s\) later/s);
    expect(await page.getByRole('region', { name: 'Rollout' }).textContent()).toContain('Published plan v1.');

    // PMO adds a second wave there: what it cannot read is said before anything is sent.
    const rollout = page.getByRole('region', { name: 'Rollout' });
    await rollout.getByRole('button', { name: 'Edit the rollout' }).click();
    await rollout.getByRole('button', { name: 'Add a wave' }).click();
    await rollout.getByLabel('Name of wave 2').fill('Branches');
    await rollout.getByLabel('Demand of wave 2').fill('platform two');
    await rollout.getByRole('button', { name: 'Save the rollout' }).click();
    await rollout.getByRole('alert').getByText('demand "platform two" is not "pool: units"').waitFor();
    await rollout.getByLabel('Demand of wave 2').fill('platform: 1');
    await rollout.getByLabel('Deadline of wave 2').fill('2027-12-27');
    await rollout.getByRole('button', { name: 'Save the rollout' }).click();
    await rollout.getByRole('status').getByText('Saved: 2 wave(s).').waitFor();
    const second = page.locator('tr[data-rollout-wave="w2"]');
    await second.waitFor();
    expect(await second.textContent()).toMatch(/w2 — Branches.*platform: 1\/week.*— \/ 2027-12-27.*not in it/s);
    expect(await checkPage(page, 'initiative-rollout')).toEqual([]);

    // Someone publishes the draft recomputed from it: the card follows, with no reload, and the new wave, "not in" v1, is in v2 (placed or held).
    const recomputed = await pollUntil(async () => {
      const { body } = await pmo.get<{ items: { id: string; trigger: string }[] }>('/api/v1/plans?kind=draft&limit=1');
      return body.items[0]?.trigger.includes('rollout of') ? body.items[0] : undefined;
    }, { what: 'a draft recomputed from the saved rollout' });
    expect((await pmo.post(`/api/v1/plans/${recomputed.id}/publish`, {})).status).toBe(200);
    await rollout.getByText('Published plan v2.').waitFor();
    expect(await second.textContent()).not.toContain('not in it');
    expect(await second.textContent()).toMatch(/held: |\d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}/);
  });

  it('should let finance import a FOCUS export and see the spend, unallocated included, exactly', async () => {
    const financePage = await signedInPage(['finance'], 'fran', { viewport: { width: 1440, height: 900 } });
    // Finance starts on economics.
    await financePage.waitForURL('**/economics');
    await financePage.getByRole('heading', { name: 'Production economics' }).waitFor();
    const csv = [
      'BilledCost,EffectiveCost,ChargePeriodStart,BillingCurrency,ServiceCategory',
      '1200.123456789,1100.5,2026-10-01T00:00:00Z,USD,AI and Machine Learning',
      '-0.123456789,-0.5,2026-10-02,USD,AI and Machine Learning',
      'oops,1,2026-10-03,USD,Compute',
    ].join('\n');
    await financePage.locator('input[type="file"]').setInputFiles({ name: 'october.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The pilot's export, booked as pilot spend.
    await financePage.getByLabel('Its spend is').selectOption('pilot');
    await financePage.getByRole('button', { name: 'Import', exact: true }).click();
    await pollUntil(async () => ((await financePage.getByTestId('import-status').textContent()) ?? '').trim().startsWith('completed'), { what: 'the import to complete' });
    expect(await financePage.getByTestId('import-status').textContent()).toContain('(pilot spend) — 2 rows imported, 1 rejected, 2 unallocated');
    expect(await financePage.getByText('Row 4: BilledCost "oops" is not a number').count()).toBe(1);
    // The import joins the list every finance user sees, with who sent it and how it went.
    const listed = financePage.getByRole('table', { name: 'Billing imports' }).locator('tbody tr').first();
    await pollUntil(async () => ((await listed.textContent()) ?? '').includes('completed'), { what: 'the import to be listed as completed' });
    expect((await listed.locator('td').allTextContents()).map((cell) => cell.trim())).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), 'fran', 'pilot', 'completed', '2', '1', '2', expect.stringMatching(/^Reverse…\s*Map again…$/)]);
    const unallocated = financePage.locator('tr[data-initiative="unallocated"]');
    await unallocated.waitFor();
    // 1200.123456789 − 0.123456789 and 1100.5 − 0.5, summed exactly, grouped by thousands for reading.
    expect(await unallocated.locator('td.num').allTextContents()).toEqual(['1,200', '1,100']);
    expect(await financePage.getByRole('table', { name: 'Spend by phase' }).locator('tbody tr', { hasText: 'USD' }).allTextContents()).toEqual(['pilotUSD1,2001,100']);
    // The table as the gateway exports it: exact amounts, not the rounded figures shown.
    const [exported] = await Promise.all([financePage.waitForEvent('download'), financePage.getByRole('button', { name: 'Download spend by initiative as CSV' }).click()]);
    expect(readFileSync(await exported.path(), 'utf8')).toMatch(/^unallocated,1200(\.0+)?,1100(\.0+)?,USD\r?$/m);
    // In the reporting currency, the dollars wait for a rate: said, not counted as zero.
    const waiting = financePage.getByTestId('unconverted');
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('2 USD entries (1,200 USD) wait for an exchange rate');
    expect(await checkPage(financePage, 'economics')).toEqual([]);
    // Beside the waiting dollars, finance is offered to record their rate, the currency filled in.
    await waiting.getByRole('button', { name: 'Record a USD rate…' }).click();
    const rateForm = financePage.getByRole('form', { name: 'Exchange rate' });
    expect(await rateForm.getByLabel('Rate currency', { exact: true }).inputValue()).toBe('USD');
    await rateForm.getByRole('button', { name: 'Cancel' }).click();

    // The dollars' rate arrives while the database refuses their conversion: the page says it is under way, and why it stalls.
    const database = (sql: string) => queryDatabase(context.databaseUrl, sql);
    try {
      await database(`CREATE OR REPLACE FUNCTION cost_tracking.refuse_dollars() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT currency FROM cost_tracking.cost_entries WHERE id = NEW.entry_id) = 'USD' THEN RAISE EXCEPTION 'dollars refused for the test'; END IF;
          RETURN NEW;
        END $$`);
      await database(`CREATE TRIGGER refuse_dollars BEFORE INSERT ON cost_tracking.entry_conversions FOR EACH ROW EXECUTE FUNCTION cost_tracking.refuse_dollars()`);
      const finance = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['finance']));
      const rated = await finance.post<{ conversionPending: boolean }>('/api/v1/fx-rates', {
        // The next rate shows the days between had none of their own: they take the first.
        rates: [{ currency: 'USD', date: '2026-10-01', rate: '0.9' }, { currency: 'USD', date: '2026-10-05', rate: '0.91' }],
      });
      expect([rated.status, rated.body.conversionPending]).toEqual([201, true]);
      await financePage.reload();
      const converting = financePage.getByTestId('conversion');
      await converting.waitFor();
      expect(await converting.textContent()).toContain('Converting USD entries of 2026-10-01 to 2026-10-11 at the rates recorded');
      expect(await converting.textContent()).toContain('dollars refused for the test');
    } finally {
      await database(`DROP TRIGGER IF EXISTS refuse_dollars ON cost_tracking.entry_conversions`);
      await database(`DROP FUNCTION IF EXISTS cost_tracking.refuse_dollars()`);
    }
    // Tried again, it converts them: the page, watching while a conversion is under way, drops the note and the
    // waiting dollars, and counts them in the totals.
    await pollUntil(async () => ((await financePage.getByTestId('conversion').count()) + (await financePage.getByTestId('unconverted').count()) === 0 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 500,
      what: 'the conversion tried again',
    });
    await financePage.getByRole('heading', { name: 'All currencies, in EUR' }).waitFor();
    expect(await checkPage(financePage, 'economics')).toEqual([]);
    const rates = financePage.getByRole('table', { name: 'Exchange rates' });
    await pollUntil(async () => ((await rates.locator('tr[data-currency="USD"]').count()) === 0 ? undefined : true), { what: 'the dollar rates listed' });
    // Finance records a day's rate on the page; one that would change a recorded day's is refused, saying why.
    await financePage.getByRole('button', { name: 'Record a rate…' }).click();
    await rateForm.getByLabel('Rate currency', { exact: true }).fill('gbp');
    await rateForm.getByLabel('Rate day', { exact: true }).fill('2026-10-01');
    await rateForm.getByLabel('Rate', { exact: true }).fill('0,0');
    await rateForm.getByRole('button', { name: 'Record the rate' }).click();
    await financePage.getByRole('alert').getByText('(not "0,0")').waitFor();
    await rateForm.getByLabel('Rate', { exact: true }).fill('1.15');
    await rateForm.getByLabel('Rate source', { exact: true }).fill('ECB');
    await rateForm.getByRole('button', { name: 'Record the rate' }).click();
    await financePage.getByRole('status').getByText('Recorded the GBP rate of 2026-10-01: 1 GBP = 1.15 EUR, 0 entries converted.').waitFor();
    expect((await rates.locator('tr[data-currency="GBP"] td').allTextContents()).map((cell) => cell.trim())).toEqual(['GBP', '2026-10-01', '1.15', 'ECB', 'fran']);
    await financePage.getByRole('button', { name: 'Record a rate…' }).click();
    await rateForm.getByLabel('Rate currency', { exact: true }).fill('GBP');
    await rateForm.getByLabel('Rate day', { exact: true }).fill('2026-10-01');
    await rateForm.getByLabel('Rate', { exact: true }).fill('1.2');
    await rateForm.getByRole('button', { name: 'Record the rate' }).click();
    await financePage.getByRole('alert').getByText(/The GBP rate of 2026-10-01 is recorded already as 1.15/).waitFor();
    await rateForm.getByRole('button', { name: 'Cancel' }).click();

    // Finance adds an allocation rule on the page; made after the import, it maps its unallocated spend when asked, saying why.
    const financeApi = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['finance']));
    const { body: portfolio } = await financeApi.get<{ items: { id: string; key: string; name: string }[] }>('/api/v1/initiatives?limit=1');
    const owner = portfolio.items[0];
    const newRule = financePage.getByRole('form', { name: 'New allocation rule' });
    await newRule.getByLabel('Name').fill('Every resource');
    await newRule.getByLabel('Priority').fill('900');
    await newRule.getByLabel('Matching', { exact: true }).selectOption('resourceIdPattern');
    await newRule.getByLabel('Value', { exact: true }).fill('*');
    await newRule.getByLabel('Maps to', { exact: true }).selectOption(owner.id);
    await newRule.getByRole('button', { name: 'Add the rule' }).click();
    const ruleRow = financePage.getByRole('table', { name: 'Allocation rules' }).locator('tr[data-rule="Every resource"]');
    await ruleRow.waitFor();
    expect((await ruleRow.locator('td').allTextContents()).map((cell) => cell.trim()).slice(0, 5)).toEqual(['900', 'Every resource', 'resource id *', `${owner.key} ${owner.name}`, 'fran']);
    const history = financePage.getByRole('table', { name: 'Billing imports' });
    try {
      await history.getByRole('button', { name: /^Map again the unallocated spend of the import of/ }).first().click();
      await history.getByLabel('Why').fill('the platform rule');
      await history.getByRole('button', { name: 'Map its unallocated spend' }).click();
      await pollUntil(async () => ((await history.getByTestId('reallocation').first().textContent()) ?? '').includes('mapped again by fran'), { what: 'the re-allocation to show' });
      expect(await history.getByTestId('reallocation').first().textContent()).toMatch(/the platform rule\s+\(2 entries mapped, 0 still unallocated\)/);
      const mapped = financePage.locator(`tr[data-initiative="${owner.id}"]`);
      await pollUntil(async () => ((await mapped.locator('td.num').allTextContents()).join('|') === '1,200|1,100' ? true : undefined), { what: 'the spend on its initiative' });
      expect((await unallocated.locator('td.num').allTextContents()).join('|')).toBe('0|0');
      // Nothing is left to map: only the reversal is offered.
      expect(await history.getByRole('button', { name: /^Map again/ }).count()).toBe(0);
      expect(await checkPage(financePage, 'economics-reallocated')).toEqual([]);
    } finally {
      // Retired on the page, so later imports are not mapped by it.
      await ruleRow.getByRole('button', { name: 'Retire the rule Every resource' }).click();
      // It cannot be undone: the page asks first, and the confirmation has the focus.
      const confirm = ruleRow.getByRole('group', { name: 'Retire the rule Every resource?' }).getByRole('button', { name: 'Retire it' });
      await pollUntil(async () => (await confirm.evaluate((button) => button === document.activeElement)) || undefined, { what: 'the confirmation to take the focus' });
      await confirm.click();
      await ruleRow.waitFor({ state: 'detached' });
    }

    // The file was the wrong one: finance reverses the import, saying why, and its spend nets to zero.
    await history.getByRole('button', { name: /^Reverse the import of/ }).first().click();
    await history.getByLabel('Why').fill('the wrong month');
    await history.getByRole('button', { name: 'Reverse this import' }).click();
    await pollUntil(async () => ((await history.getByTestId('reversal').first().textContent()) ?? '').includes('reversed by fran'), { what: 'the reversal to show' });
    expect(await history.getByTestId('reversal').first().textContent()).toContain('the wrong month (2 entries)');
    await pollUntil(async () => ((await financePage.locator(`tr[data-initiative="${owner.id}"] td.num`).allTextContents()).join('|') === '0|0' ? true : undefined), {
      what: 'the mapped spend to net to zero',
    });
    expect(await checkPage(financePage, 'economics-reversed')).toEqual([]);

    // Finance sets an initiative's monthly budget on the page; what the API would refuse is said before anything is sent.
    await financePage.getByRole('button', { name: 'Set a budget…' }).click();
    const budgetForm = financePage.getByRole('form', { name: 'Budget' });
    await budgetForm.getByLabel('Initiative', { exact: true }).selectOption(owner.id);
    await budgetForm.getByLabel('Month', { exact: true }).fill('2030-01');
    await budgetForm.getByLabel('Category', { exact: true }).selectOption('monitoring');
    await budgetForm.getByLabel('Budget amount', { exact: true }).fill('2,000.50');
    await budgetForm.getByLabel('Currency', { exact: true }).fill('usd');
    await budgetForm.getByLabel('Alerts at', { exact: true }).fill('80, eighty');
    await budgetForm.getByRole('button', { name: 'Save the budget' }).click();
    await financePage.getByRole('alert').getByText('(not "eighty")').waitFor();
    await budgetForm.getByLabel('Alerts at', { exact: true }).fill('50, 112.5');
    await budgetForm.getByRole('button', { name: 'Save the budget' }).click();
    await financePage.getByRole('status').getByText(`Saved the monitoring budget of ${owner.key} ${owner.name} for 2030-01: 2,000.5 USD, 0 % spent.`).waitFor();
    const budgetRow = financePage.getByRole('table', { name: 'Budgets' }).locator('tbody tr', { hasText: '2030-01' });
    expect((await budgetRow.locator('td').allTextContents()).map((cell) => cell.trim()).slice(1, 6)).toEqual(['2030-01', 'monitoring', '2,000.5 USD', '0 USD', '0 %']);
    // Changed to euros, it says it replaces the dollar budget before it does.
    await budgetRow.getByRole('button', { name: /^Change the monitoring budget of/ }).click();
    expect(await budgetForm.getByLabel('Alerts at', { exact: true }).inputValue()).toBe('50, 112.5');
    await budgetForm.getByLabel('Currency', { exact: true }).fill('EUR');
    expect(await budgetForm.getByTestId('budget-replaces').textContent()).toContain("2030-01's monitoring budget is 2,000.5 USD: set in EUR, it replaces that one, its alerts with it.");
    await budgetForm.getByRole('button', { name: 'Replace the budget' }).click();
    await financePage.getByRole('status').getByText(/2,000.5 EUR, 0 % spent\.$/).waitFor();
    await pollUntil(async () => ((await budgetRow.count()) === 1 && ((await budgetRow.textContent()) ?? '').includes('2,000.5 EUR') ? true : undefined), { what: 'one budget, in euros' });
    expect(await checkPage(financePage, 'economics-budget')).toEqual([]);

    // Finance sets a quarter's rollout budget on the rollout page; a malformed amount is said before anything is sent.
    await financePage.getByRole('link', { name: 'Rollout plan' }).click();
    const budgets = financePage.getByRole('region', { name: 'Rollout budgets' });
    await budgets.getByRole('button', { name: "Set a quarter's budget…" }).click();
    await budgets.getByLabel('Quarter', { exact: true }).fill('2099-Q4');
    await budgets.getByLabel('Rollout budget', { exact: true }).fill('12.345');
    await budgets.getByRole('button', { name: 'Save the budget' }).click();
    await budgets.getByRole('alert').getByText('at most two decimals').waitFor();
    await budgets.getByLabel('Rollout budget', { exact: true }).fill('1,250,000.50');
    await budgets.getByRole('button', { name: 'Save the budget' }).click();
    await budgets.getByRole('status').getByText('Saved the rollout budget of 2099-Q4: 1,250,000.50.').waitFor();
    expect(await budgets.locator('tr[data-quarter="2099-Q4"]').textContent()).toContain('1,250,000.50');
    expect(await financePage.getByRole('region', { name: 'Freeze windows' }).getByRole('button').count()).toBe(0);
    expect(await checkPage(financePage, 'rollout-budgets')).toEqual([]);
    await financePage.close();
  });

  it("should let finance record a cost by hand and a business volume on an initiative's page, and correct the cost by a reversal", async () => {
    const financePage = await signedInPage(['finance'], 'fran', { viewport: { width: 1440, height: 900 } });
    await financePage.waitForURL('**/economics');
    const financeApi = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['finance']));
    const { body: portfolio } = await financeApi.get<{ items: { id: string; key: string; name: string }[] }>('/api/v1/initiatives?limit=1');
    const initiative = portfolio.items[0];
    await financePage.goto(`${context.system.gatewayUrl}/initiatives/${initiative.id}`);
    const ledger = financePage.getByRole('region', { name: 'Cost ledger' });
    await ledger.getByRole('button', { name: 'Record a cost…' }).click();
    const form = ledger.getByRole('form', { name: 'Cost entry' });
    await form.getByLabel('Charged on', { exact: true }).fill('2026-11-30');
    await form.getByLabel('Cost category', { exact: true }).selectOption('support_staffing');
    await form.getByLabel('Amount', { exact: true }).fill('12,500.0o5');
    await form.getByLabel('Entry currency', { exact: true }).fill('eur');
    await form.getByLabel('Reference', { exact: true }).fill('November support rota');
    await form.getByRole('button', { name: 'Record the cost' }).click();
    await ledger.getByRole('alert').getByText('(not "12,500.0o5")').waitFor();
    await form.getByLabel('Amount', { exact: true }).fill('12,500.005');
    await form.getByRole('button', { name: 'Record the cost' }).click();
    await ledger.getByRole('status').getByText('Recorded 12,500.005 EUR of support_staffing (production) charged on 2026-11-30.').waitFor();
    const recorded = ledger.locator('tbody tr', { hasText: 'November support rota' });
    expect((await recorded.locator('td').allTextContents()).map((cell) => cell.trim())).toEqual([
      '2026-11-30',
      'support_staffing',
      'production',
      '12,500.005 EUR',
      'manual (an estimate)',
      'November support rota',
      'fran',
      'Reverse…',
    ]);
    // With the month's business volume beside it, the spend gives a cost per unit.
    const economics = financePage.getByRole('region', { name: 'Economics' });
    await economics.getByRole('button', { name: 'Record a business volume…' }).click();
    const volume = economics.getByRole('form', { name: 'Business volume' });
    await volume.getByLabel('Volume month', { exact: true }).fill('2026-11');
    await volume.getByLabel('Metric', { exact: true }).fill('Transactions');
    await volume.getByLabel('Volume', { exact: true }).fill('1,000');
    await volume.getByRole('button', { name: 'Record the volume' }).click();
    await economics.getByRole('alert').getByText('(not "Transactions")').waitFor();
    await volume.getByLabel('Metric', { exact: true }).fill('transactions');
    await volume.getByRole('button', { name: 'Record the volume' }).click();
    await economics.getByRole('status').getByText('Recorded 1,000 transactions in 2026-11 (production).').waitFor();
    const perTransaction = economics.getByRole('table', { name: 'Cost per unit' }).locator('tbody tr', { hasText: 'transactions (EUR' });
    await perTransaction.waitFor();
    expect((await perTransaction.locator('td.num').allTextContents()).map((cell) => cell.trim()).slice(0, 2)).toEqual(['unknown', '12.500005']);

    // A budget set on the same page, the initiative chosen already, burns that spend.
    await economics.getByRole('button', { name: 'Set a budget…' }).click();
    const budget = economics.getByRole('form', { name: 'Budget' });
    await budget.getByLabel('Month', { exact: true }).fill('2026-11');
    await budget.getByLabel('Category', { exact: true }).selectOption('support_staffing');
    await budget.getByLabel('Budget amount', { exact: true }).fill('20000');
    await budget.getByLabel('Currency', { exact: true }).fill('EUR');
    await budget.getByRole('button', { name: 'Save the budget' }).click();
    await economics.getByRole('status').getByText(`Saved the support_staffing budget of ${initiative.key} ${initiative.name} for 2026-11: 20,000 EUR, 62 % spent.`).waitFor();
    const budgetRow = economics.getByRole('table', { name: 'Budgets of this initiative' }).locator('tbody tr', { hasText: 'support_staffing' });
    await pollUntil(async () => (((await budgetRow.textContent()) ?? '').includes('62 %') ? true : undefined), { what: 'the budget listed with its burn' });

    // A mistake is corrected by a reversing entry that says why; the original stays, marked.
    await recorded.getByRole('button', { name: /^Reverse the support_staffing entry of 2026-11-30/ }).click();
    await recorded.getByLabel('Why', { exact: true }).fill('charged to the wrong initiative');
    await recorded.getByRole('button', { name: 'Reverse this entry' }).click();
    await ledger.getByRole('status').getByText('Reversed the support_staffing entry of 2026-11-30 (12,500.005 EUR).').waitFor();
    const reversal = ledger.locator('tbody tr', { hasText: 'reversal: charged to the wrong initiative' });
    expect(await reversal.locator('td.num').textContent()).toBe('-12,500.005 EUR');
    expect(await recorded.textContent()).toContain('November support rota (reversed)');
    expect(await recorded.getByRole('button').count()).toBe(0);
    await pollUntil(async () => ((await budgetRow.locator('td').allTextContents()).map((cell) => cell.trim()).join('|').startsWith('2026-11|support_staffing|20,000 EUR|0 EUR|0 %') ? true : undefined), {
      what: 'the budget burn after the reversal',
    });
    expect(await checkPage(financePage, 'initiative-ledger')).toEqual([]);
    await financePage.close();
  });

  it('should preview a CSV inventory, import its valid rows with progress and show the bad row with its reason', async () => {
    await page.getByRole('link', { name: 'Intake' }).click();
    await page.getByRole('heading', { name: 'Import initiatives from CSV' }).waitFor();
    const csv = ['name,businessUnit,stage,riskTier', 'CSV triage bot,Claims,pilot,limited', 'CSV underwriting aid,Claims,someday,limited', 'CSV fraud screen,Payments,scaling,high'].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'inventory.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expectText(page, '[data-testid="preview-summary"]', '3 row(s) in inventory.csv; the first 3 below.');
    expect(await page.getByRole('table', { name: 'Preview of the CSV file' }).locator('tbody tr').count()).toBe(3);
    await page.getByRole('radio', { name: 'Import the valid rows, report the others' }).check();
    await page.getByRole('button', { name: 'Import 3 row(s)' }).click();
    await pollUntil(async () => (await page.getByTestId('import-progress').textContent())?.includes('Imported') === true, { what: 'the import to finish' });
    expect(await page.getByTestId('import-progress').textContent()).toContain('2 imported');
    const bad = page.getByRole('table', { name: 'Rows that could not be imported' }).locator('tbody tr');
    expect(await bad.count()).toBe(1);
    expect(await bad.textContent()).toMatch(/^3\s*stage/);
    expect(await checkPage(page, 'intake')).toEqual([]);

    // A spreadsheet saved in Windows-1252 (ü as the byte 0xFC): previewed and imported as written.
    const legacy = Buffer.concat([Buffer.from('name,businessUnit,stage,riskTier\nZ', 'latin1'), Buffer.from([0xfc]), Buffer.from('rich claims desk,Claims,pilot,limited\n', 'latin1')]);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'legacy.csv', mimeType: 'text/csv', buffer: legacy });
    await expectText(page, '[data-testid="preview-summary"]', '1 row(s) in legacy.csv; the first 1 below.');
    expect(await page.getByRole('table', { name: 'Preview of the CSV file' }).textContent()).toContain('Zürich claims desk');
    await page.getByRole('button', { name: 'Import 1 row(s)' }).click();
    await pollUntil(async () => (await page.getByTestId('import-progress').textContent())?.includes('1 imported') === true, { what: 'the legacy file imported' });
    const pmo = new ApiClient(context.system.gatewayUrl, pmoToken);
    const names = (await pmo.get<{ items: { name: string }[] }>('/api/v1/initiatives?limit=500')).body.items.map((item) => item.name);
    expect(names).toContain('Zürich claims desk');
  });

  it('should set committee decisions beside the recommendations, now and as of a date, and filter the audit trail from the URL', async () => {
    const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin'], 'committee-chair'));
    const { body: list } = await admin.get<{ items: { id: string; name: string }[] }>('/api/v1/initiatives?limit=500');
    const subject = list.items.find((initiative) => initiative.name === String(demo.initiatives[0]['name']));
    expect(subject).toBeDefined();
    const decided = await admin.post(`/api/v1/initiatives/${subject?.id}/decisions`, { decision: 'authorize_deployment', rationale: 'Board wants it live this quarter' });
    expect(decided.status).toBe(201);

    await page.getByRole('link', { name: 'Decisions & audit' }).click();
    const row = page.getByRole('table', { name: 'Committee decisions' }).locator(`tr[data-initiative="${subject?.id}"]`);
    await row.waitFor();
    // Scoring says pause; the committee authorized: shown as text and icon, not colour alone.
    await row.locator('[data-agreement="diverges"]', { hasText: 'Diverges' }).waitFor();
    expect(await row.textContent()).toContain('committee-chair');
    expect(await checkPage(page, 'decisions')).toEqual([]);

    // Before the decision was made there was none.
    await page.goto(`${context.system.gatewayUrl}/decisions?asOf=2020-01-01`);
    await page.getByText('No committee decision had been recorded by 2020-01-01.').waitFor();

    // A filtered audit trail is a link.
    await page.goto(`${context.system.gatewayUrl}/decisions?action=decision.recorded`);
    const audit = page.getByRole('table', { name: 'Audit trail' }).locator('tbody tr');
    await audit.first().waitFor();
    expect(await audit.count()).toBe(1);
    expect(await audit.first().textContent()).toContain('decision.recorded');

    // The export holds every record the filters select, not only the page shown.
    await page.goto(`${context.system.gatewayUrl}/decisions?action=initiative.registered`);
    const registered = page.getByRole('table', { name: 'Audit trail' }).locator('tbody tr');
    await pollUntil(async () => ((await registered.count()) === 25 ? true : undefined), { what: 'the first page of registrations' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const exported = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    const { body: all } = await admin.get<{ items: unknown[]; nextCursor: string | null }>('/api/v1/audit?action=initiative.registered&limit=500');
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(25);
    expect(exported).toHaveLength(all.items.length + 1);
    expect(exported[0]).toBe('at,initiativeId,initiative,action,actor,changes');
  });

  it("should let the committee record a decision with its scope envelope on the initiative's page", async () => {
    const admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin']));
    const subject = (await admin.post<{ id: string }>('/api/v1/initiatives', { name: 'Decided on screen', businessUnit: 'Claims', stage: 'scaling' })).body;
    const committeePage = await signedInPage(['viewer'], 'chair', { capabilities: ['committee'], viewport: { width: 1440, height: 900 } });
    await committeePage.getByRole('table', { name: 'Initiatives' }).waitFor();
    await committeePage.goto(`${context.system.gatewayUrl}/initiatives/${subject.id}`);
    const form = committeePage.getByRole('form', { name: 'Record a committee decision' });
    await form.waitFor();
    await form.getByLabel('Business units (comma-separated)').fill('Claims, Motor');
    await form.getByLabel('Users').fill('2000000000');
    await form.getByLabel('Monthly spend cap').fill('15000.00');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByLabel('Rationale').fill('Claims and Motor only until support staffing is confirmed.');
    // The gateway refuses what the form cannot know: the field is named, nothing is recorded.
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByTestId('decision-failure').filter({ hasText: 'Users: at most a billion users' }).waitFor();
    await form.getByLabel('Users').fill('300');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByRole('status').getByText('Recorded: controlled_investment').waitFor();
    await committeePage.locator('.decision', { hasText: 'controlled_investment by chair' }).getByText('scope Claims, Motor, 300 users').waitFor();
    const { body } = await admin.get<{ decisions: { decision: string; scopeEnvelope: unknown }[] }>(`/api/v1/initiatives/${subject.id}`);
    expect(body.decisions).toEqual([expect.objectContaining({ decision: 'controlled_investment', scopeEnvelope: { businessUnits: ['Claims', 'Motor'], users: 300, monthlySpendCap: '15000', currency: 'EUR' } })]);
    expect(await checkPage(committeePage, 'initiative')).toEqual([]);
    await committeePage.close();
  });

  it("should keep evidence's days where the user is, and check a retry after a refused save against the version reloaded", async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, pmoToken);
    const { body } = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Dated evidence', businessUnit: 'Claims' });
    // East of UTC: midnight where the user is falls on the day before in UTC.
    const berlin = await signedInPage(['pmo'], 'pat', { timezoneId: 'Europe/Berlin', viewport: { width: 1440, height: 900 } });
    await berlin.goto(`${context.system.gatewayUrl}/initiatives/${body.id}`);
    const choose = async () => {
      await berlin.getByLabel('Criterion').click();
      await berlin.getByRole('option', { name: 'rollback conditions understood (resilience.rollback)' }).click();
    };
    const evidenceOnRecord = async () =>
      (await pmo.get<{ evidence: { criterionId: string; evidence: string; expiresAt: string | null }[] }>(`/api/v1/initiatives/${body.id}`)).body.evidence.find(
        (e) => e.criterionId === 'resilience.rollback',
      );
    await choose();
    await berlin.getByLabel('Attested by').fill('Ops lead');
    await berlin.getByRole('textbox', { name: 'Evidence', exact: true }).fill('runbook v1');
    await berlin.getByLabel('Expires on').fill('2030-06-01');
    await berlin.getByRole('button', { name: 'Record evidence' }).click();
    await berlin.getByText('Recorded: rollback conditions understood established.').waitFor();
    expect((await evidenceOnRecord())?.expiresAt).toBe('2030-05-31T22:00:00.000Z');
    const row = berlin.getByRole('table', { name: 'Evidence' }).locator('tr', { hasText: 'rollback conditions understood' });
    await pollUntil(async () => ((await row.textContent()) ?? '').includes('2030-06-01'), { what: 'the expiry shown on the day it was entered' });
    // Changed again: the day it shows is the day it keeps.
    await choose();
    expect(await berlin.getByLabel('Expires on').inputValue()).toBe('2030-06-01');
    await berlin.getByRole('textbox', { name: 'Evidence', exact: true }).fill('runbook v2');

    // Meanwhile someone else records the criterion: the save is refused and the page reloaded.
    const attest = (evidence: string) => pmo.request('PUT', `/api/v1/initiatives/${body.id}/criteria/resilience.rollback`, { body: { status: 'partial', attestedBy: 'Auditor', evidence } });
    expect((await attest('seen by the auditor')).status).toBe(200);
    await berlin.getByRole('button', { name: 'Record evidence' }).click();
    await berlin.getByText('someone changed this initiative meanwhile').waitFor();
    await pollUntil(async () => ((await row.textContent()) ?? '').includes('seen by the auditor'), { what: 'the reload to show the change' });
    // A second change after the reload: the retry is checked against the version reloaded, so it is refused too.
    expect((await attest('seen twice')).status).toBe(200);
    const retried = berlin.waitForResponse((response) => response.url().endsWith('/criteria/resilience.rollback') && response.request().method() === 'PUT');
    await berlin.getByRole('button', { name: 'Record evidence' }).click();
    expect((await retried).status()).toBe(412);
    await pollUntil(async () => ((await row.textContent()) ?? '').includes('seen twice'), { what: 'the second reload' });
    expect((await evidenceOnRecord())?.evidence).toBe('seen twice');
    // Recorded again once the user has seen what changed: what they typed is kept, the day included.
    await berlin.getByRole('button', { name: 'Record evidence' }).click();
    await berlin.getByText('Recorded: rollback conditions understood established.').waitFor();
    expect(await evidenceOnRecord()).toMatchObject({ evidence: 'runbook v2', expiresAt: '2030-05-31T22:00:00.000Z' });
    await berlin.close();
  });

  it('should show a viewer no write controls', async () => {
    const viewerPage = await signedInPage(['viewer'], 'vera');
    await viewerPage.getByRole('table', { name: 'Initiatives' }).waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Register' }).count()).toBe(0);
    await viewerPage.getByRole('table', { name: 'Initiatives' }).locator('tbody tr a').first().click();
    await viewerPage.getByRole('table', { name: 'Owners' }).waitFor();
    expect(await viewerPage.getByRole('button', { name: /^(Assign|Change|Remove|Reverse) |^(Record evidence|Save changes|Record decision|Record a cost…|Record a business volume…)$/ }).count()).toBe(0);
    await viewerPage.goBack();
    await viewerPage.getByRole('table', { name: 'Initiatives' }).waitFor();
    await viewerPage.getByRole('link', { name: 'Rollout plan' }).click();
    await viewerPage.getByTestId('plan-kind').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Compute a draft' }).count()).toBe(0);
    expect(await viewerPage.getByText('Record progress').count()).toBe(0);
    // Overrides explain the plan to everyone; only PMO records or revokes them.
    await viewerPage.getByRole('region', { name: 'PMO overrides' }).getByTestId('override').first().waitFor();
    expect(await viewerPage.getByRole('button', { name: /^(Record override|Revoke|Change |Add the pool)/ }).count()).toBe(0);
    expect(await viewerPage.getByRole('region', { name: 'Capacity pools' }).locator('tr[data-pool="platform"]').textContent()).toContain('Two engineers join');
    // Allocation rules and budgets are listed for everyone; only finance adds, changes or retires them.
    await viewerPage.getByRole('link', { name: 'Economics' }).click();
    await viewerPage.getByRole('table', { name: 'Allocation rules' }).waitFor();
    expect(await viewerPage.getByRole('form', { name: 'New allocation rule' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: /^(Add the rule|Retire|Reverse|Map again|Set a budget|Change the)/ }).count()).toBe(0);
    await viewerPage.close();
  });

  it('should have broken no Content-Security-Policy rule and thrown nothing uncaught on any page above', () => {
    expect(breakage).toEqual([]);
  });
});

/** The portfolio's initiatives table (the page has other tables). */
function initiativeRows(page: Page) {
  return page.getByRole('table', { name: 'Initiatives' }).locator('tbody tr');
}

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await pollUntil(async () => (await page.locator(selector).textContent())?.trim() === text, { what: `${selector} to read ${text}` });
}
