import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { ApiClient, freePort, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * A stand-in for the organisation's identity provider: OpenID discovery and a
 * JWKS this test controls (to rotate keys), on localhost.
 */
class LocalIdentityProvider {
  readonly keys: (JWK & { kid: string })[] = [];
  /** While set, the JWKS answers 502, as a provider behind a failing proxy would. */
  failing = false;
  private server?: Server;
  issuer = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.issuer = `http://127.0.0.1:${port}`;
    this.server = createServer((request, response) => {
      const send = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.url === '/.well-known/openid-configuration') {
        send({ issuer: this.issuer, jwks_uri: `${this.issuer}/jwks`, authorization_endpoint: `${this.issuer}/authorize`, token_endpoint: `${this.issuer}/token` });
      } else if (request.url === '/jwks') {
        if (this.failing) response.writeHead(502).end('Bad Gateway');
        else send({ keys: this.keys });
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => this.server?.listen(port, '127.0.0.1', done));
  }

  async publish(kid: string, pair: KeyPair): Promise<void> {
    this.keys.push({ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' });
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done));
  }
}

describe('service identity: API keys and single sign-on', () => {
  const idp = new LocalIdentityProvider();
  let context: TestSystem;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let current: KeyPair;

  const ssoToken = async (claims: Record<string, unknown>, options: { pair?: KeyPair; kid?: string; audience?: string; expiresAt?: number } = {}) =>
    new SignJWT({ groups: ['capstan-pmo'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
      .setIssuer(idp.issuer)
      .setSubject('sso-user-1')
      .setAudience(options.audience ?? 'capstan')
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? '10m')
      .sign((options.pair ?? current).privateKey);

  beforeAll(async () => {
    await idp.start();
    current = await generateKeyPair('RS256');
    await idp.publish('k1', current);
    context = await startTestSystem(resolve(__dirname, '../../..'), {
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: 'capstan',
      OIDC_CLIENT_ID: 'capstan-dashboard',
      OIDC_ROLES_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'capstan-pmo=pmo,finance-team=finance,ai-committee=viewer',
      OIDC_COMMITTEE_GROUPS: 'ai-committee',
      OIDC_SUBJECT_CLAIM: 'email',
      OIDC_JWKS_COOLDOWN_MS: '0',
    });
    anonymous = new ApiClient(context.system.gatewayUrl);
    admin = anonymous.withToken(await tokenFor(context.jwtSecret, ['admin'], 'ada'));
  });

  afterAll(async () => {
    await context?.teardown();
    await idp.stop();
  });

  describe('single sign-on', () => {
    it('should tell the dashboard where to sign in', async () => {
      const config = await anonymous.get<{ oidc: { issuer: string; clientId: string; authorizationEndpoint: string } }>('/api/v1/auth/config');
      expect(config.status).toBe(200);
      expect(config.body.oidc).toMatchObject({ issuer: idp.issuer, clientId: 'capstan-dashboard', authorizationEndpoint: `${idp.issuer}/authorize` });
    });

    it('should accept a token signed by a key from the JWKS and map its groups to roles', async () => {
      const pmo = anonymous.withToken(await ssoToken({ email: 'pat@example.com' }));
      const created = await pmo.post<{ id: string; createdBy?: string }>('/api/v1/initiatives', { name: 'SSO registered', businessUnit: 'Claims' });
      expect(created.status).toBe(201);
      const audit = await pmo.get<{ items: { actor: string }[] }>(`/api/v1/initiatives/${created.body.id}/audit`);
      expect(audit.body.items.map((entry) => entry.actor)).toContain('pat@example.com');

      const finance = anonymous.withToken(await ssoToken({ email: 'fin@example.com', groups: ['finance-team', 'unrelated'] }));
      expect((await finance.get('/api/v1/costs/summary?groupBy=category')).status).toBe(200);
      expect((await finance.post('/api/v1/initiatives', { name: 'Not allowed', businessUnit: 'Claims' })).status).toBe(403);

      const nobody = anonymous.withToken(await ssoToken({ email: 'no@example.com', groups: ['unrelated'] }));
      expect((await nobody.get('/api/v1/initiatives')).status).toBe(403);
      // With a role map, a group merely named like a role (anyone may create one at some providers) grants nothing.
      const namedAdmin = anonymous.withToken(await ssoToken({ email: 'mallory@example.com', groups: ['admin'] }));
      expect((await namedAdmin.get('/api/v1/service-accounts')).status).toBe(403);

      // The committee's group grants the capability to decide; a PMO member without it is refused.
      const chair = anonymous.withToken(await ssoToken({ email: 'chair@example.com', groups: ['ai-committee'] }));
      expect((await chair.get<{ roles: string[]; capabilities: string[] }>('/api/v1/auth/me')).body).toMatchObject({ roles: ['viewer'], capabilities: ['committee'] });
      const decision = { decision: 'pause', rationale: 'Not before its owners are named.' };
      expect((await pmo.post(`/api/v1/initiatives/${created.body.id}/decisions`, decision)).status).toBe(403);
      expect((await chair.post(`/api/v1/initiatives/${created.body.id}/decisions`, decision)).status).toBe(201);
    });

    it('should reject a wrong audience, an expired token and a key the JWKS does not hold', async () => {
      const wrongAudience = await ssoToken({ email: 'a@example.com' }, { audience: 'another-app' });
      const expired = await ssoToken({ email: 'a@example.com' }, { expiresAt: Math.floor(Date.now() / 1000) - 60 });
      const stranger = await ssoToken({ email: 'a@example.com' }, { pair: await generateKeyPair('RS256'), kid: 'k-unknown' });
      for (const token of [wrongAudience, expired, stranger]) {
        const response = await anonymous.withToken(token).get<{ status: number }>('/api/v1/initiatives');
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    });

    it('should follow a key rotation: a token signed by a newly published key is accepted', async () => {
      const next = await generateKeyPair('RS256');
      const before = await ssoToken({ email: 'r@example.com' }, { pair: next, kid: 'k2' });
      expect((await anonymous.withToken(before).get('/api/v1/initiatives')).status).toBe(401);
      await idp.publish('k2', next);
      expect((await anonymous.withToken(before).get('/api/v1/initiatives')).status).toBe(200);
    });

    it('should answer 503, not 401, while the identity provider cannot be asked for a key it has not sent yet', async () => {
      const next = await generateKeyPair('RS256');
      const token = await ssoToken({ email: 'o@example.com' }, { pair: next, kid: 'k3' });
      await idp.publish('k3', next);
      idp.failing = true;
      try {
        const refused = await anonymous.withToken(token).get<{ status: number; detail: string }>('/api/v1/initiatives');
        expect([refused.status, refused.body.detail]).toEqual([503, 'The identity provider could not be reached to check the token: try again shortly']);
      } finally {
        idp.failing = false;
      }
      expect((await anonymous.withToken(token).get('/api/v1/initiatives')).status).toBe(200);
    });
  });

  describe('service accounts', () => {
    interface Account {
      id: string;
      key?: string;
      keyPrefix: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
    }

    it('should let only admins create keys, show a key once and keep its last use', async () => {
      const pmo = anonymous.withToken(await tokenFor(context.jwtSecret, ['pmo'], 'paula'));
      expect((await pmo.post('/api/v1/service-accounts', { name: 'telemetry-feed', roles: ['engineering'] })).status).toBe(403);
      const invalid = await admin.post<{ errors: { field: string }[] }>('/api/v1/service-accounts', { name: 'X', roles: ['overlord'] });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((e) => e.field).sort()).toEqual(['name', 'roles.0']);

      const created = await admin.post<Account>('/api/v1/service-accounts', { name: 'telemetry-feed', roles: ['engineering'] });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^cap_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      expect(created.body.key?.startsWith(created.body.keyPrefix)).toBe(true);
      expect((await admin.post('/api/v1/service-accounts', { name: 'telemetry-feed', roles: ['viewer'] })).status).toBe(409);

      const feed = anonymous.withToken(created.body.key);
      expect((await feed.get('/api/v1/initiatives')).status).toBe(200);
      expect((await feed.post('/api/v1/initiatives', { name: 'By a key', businessUnit: 'Claims' })).status).toBe(403);

      const listed = await admin.get<{ items: Account[] }>('/api/v1/service-accounts');
      const account = listed.body.items.find((item) => item.id === created.body.id);
      expect(account?.key).toBeUndefined();
      expect(account?.lastUsedAt).not.toBeNull();
    });

    it('should refuse a revoked key at once, and a forged one', async () => {
      const created = await admin.post<Account>('/api/v1/service-accounts', { name: 'cost-loader', roles: ['finance'] });
      const loader = anonymous.withToken(created.body.key);
      expect((await loader.get('/api/v1/costs/summary?groupBy=category')).status).toBe(200);
      const forged = `${created.body.keyPrefix}_${'A'.repeat(43)}`;
      expect((await anonymous.withToken(forged).get('/api/v1/costs/summary?groupBy=category')).status).toBe(401);

      const revoked = await admin.post<Account>(`/api/v1/service-accounts/${created.body.id}/revocation`, {});
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).not.toBeNull();
      const refused = await loader.get<{ detail: string }>('/api/v1/costs/summary?groupBy=category');
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toContain('revoked');
    });

    it('should end an event stream when its token expires or its key is revoked', async () => {
      /** Reads a server-sent-event stream until the gateway ends it; false if it is still open after `withinMs`. */
      const ends = async (response: Response, withinMs: number): Promise<boolean> => {
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const deadline = Date.now() + withinMs;
        for (;;) {
          const next = await Promise.race([reader.read(), new Promise<null>((done) => setTimeout(() => done(null), Math.max(0, deadline - Date.now())))]);
          if (next === null) break;
          if (next.done) return true;
        }
        await reader.cancel();
        return false;
      };
      const open = (credential: string) => fetch(`${context.system.gatewayUrl}/api/v1/events`, { headers: { authorization: `Bearer ${credential}` } });
      const created = await admin.post<Account>('/api/v1/service-accounts', { name: 'event-reader', roles: ['viewer'] });
      const lastingToken = await tokenFor(context.jwtSecret, ['viewer'], 'lasting');
      // Signed last, just before the streams open: it holds for 8 s, time enough to open on a busy machine.
      const shortLived = await new SignJWT({ roles: ['viewer'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('brief')
        .setIssuer('capstan')
        .setAudience('capstan-api')
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + 8)
        .sign(new TextEncoder().encode(context.jwtSecret));
      const [byToken, byKey, lasting] = await Promise.all([open(shortLived), open(created.body.key as string), open(lastingToken)]);
      expect([byToken.status, byKey.status, lasting.status]).toEqual([200, 200, 200]);
      expect((await admin.post(`/api/v1/service-accounts/${created.body.id}/revocation`, {})).status).toBe(200);
      // The token at its expiry; the key at the next keep-alive after its revocation (every 15 s); the rest run on.
      expect(await Promise.all([ends(byToken, 30_000), ends(byKey, 45_000), ends(lasting, 5_000)])).toEqual([true, true, false]);
    }, 90_000);

    it('should keep a key scoped to business units to their initiatives', async () => {
      const pmo = anonymous.withToken(await tokenFor(context.jwtSecret, ['pmo'], 'paula'));
      const elsewhere = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Other unit', businessUnit: 'Retail' });
      const created = await admin.post<Account>('/api/v1/service-accounts', { name: 'claims-pipeline', roles: ['pmo', 'engineering'], businessUnits: ['Claims'] });
      const scoped = anonymous.withToken(created.body.key);

      const own = await scoped.post<{ id: string }>('/api/v1/initiatives', { name: 'Claims by pipeline', businessUnit: 'Claims' });
      expect(own.status).toBe(201);
      expect((await scoped.post('/api/v1/initiatives', { name: 'Retail by pipeline', businessUnit: 'Retail' })).status).toBe(403);
      expect((await scoped.get(`/api/v1/initiatives/${own.body.id}`)).status).toBe(200);
      expect((await scoped.get(`/api/v1/initiatives/${elsewhere.body.id}`)).status).toBe(403);
      expect((await scoped.get('/api/v1/initiatives?businessUnit=Claims')).status).toBe(200);
      const unfiltered = await scoped.get<{ detail: string }>('/api/v1/initiatives');
      expect(unfiltered.status).toBe(403);
      expect(unfiltered.body.detail).toContain('Claims');
      expect((await scoped.get('/api/v1/portfolio/readiness')).status).toBe(403);
      const telemetry = { period: { kind: 'week', start: '2026-11-23' }, supportBacklog: 3, incidents: 0, crossTeamEscalations: 1, rollbacks: 0 };
      expect((await scoped.post(`/api/v1/initiatives/${own.body.id}/telemetry`, telemetry)).status).toBe(201);
      expect((await scoped.post(`/api/v1/initiatives/${elsewhere.body.id}/telemetry`, telemetry)).status).toBe(403);

      // Only routes that act on the initiative they name are open to it: an initiativeId a route does not take
      // changes nothing (it once let the check through, and with a malformed one anything went).
      for (const path of ['/api/v1/portfolio/readiness', '/api/v1/events', '/api/v1/plans', '/api/v1/audit', '/api/v1/initiatives/export']) {
        expect([path, (await scoped.get(`${path}?initiativeId=${own.body.id}`)).status]).toEqual([path, 403]);
        expect([path, (await scoped.get(`${path}?initiativeId=x`)).status]).toEqual([path, 403]);
      }
      expect((await scoped.get(`/api/v1/costs/summary?groupBy=category&initiativeId=${own.body.id}`)).status).toBe(200);
      expect((await scoped.get(`/api/v1/costs/summary?groupBy=category&initiativeId=${elsewhere.body.id}`)).status).toBe(403);
      expect((await scoped.get('/api/v1/costs/summary?groupBy=category')).status).toBe(403);
      expect((await scoped.get('/api/v1/auth/me')).status).toBe(200);
      // The refusal names the request without the key an EventSource sent in its query.
      const viaQuery = await anonymous.get<{ instance: string }>(`/api/v1/events?access_token=${created.body.key}`);
      expect([viaQuery.status, viaQuery.body.instance]).toEqual([403, '/api/v1/events']);
      // Nor tie one of its initiatives to another unit's, which the answer would name.
      const tied = await scoped.post(`/api/v1/initiatives/${own.body.id}/dependencies`, { dependsOn: elsewhere.body.id });
      expect(tied.status).toBe(403);
      // Nor take away another unit's prerequisite that an administrator set.
      expect((await admin.post(`/api/v1/initiatives/${own.body.id}/dependencies`, { dependsOn: elsewhere.body.id })).status).toBe(201);
      expect((await scoped.request('DELETE', `/api/v1/initiatives/${own.body.id}/dependencies/${elsewhere.body.id}`)).status).toBe(403);
      expect((await admin.get<{ dependencies: unknown[] }>(`/api/v1/initiatives/${own.body.id}`)).body.dependencies).toHaveLength(1);
      // Nor may it hand one of its initiatives to another unit.
      const moved = await scoped.request('PATCH', `/api/v1/initiatives/${own.body.id}`, { body: { businessUnit: 'Retail' }, headers: { 'if-match': '"1"' } });
      expect(moved.status).toBe(403);
      expect((await scoped.get<{ businessUnit: string }>(`/api/v1/initiatives/${own.body.id}`)).body.businessUnit).toBe('Claims');
      // An admin key bounded by units would not be bounded (keys, webhooks): refused.
      const boundedAdmin = await admin.post<{ errors: { field: string; message: string }[] }>('/api/v1/service-accounts', { name: 'claims-admin', roles: ['admin'], businessUnits: ['Claims'] });
      expect([boundedAdmin.status, boundedAdmin.body.errors]).toEqual([400, [{ field: 'roles', message: 'a key scoped to business units cannot hold the admin role' }]]);
    });
  });
});

describe('the rate limit per caller', () => {
  let context: TestSystem;
  let other: ApiClient;

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'), { CAPSTAN_RATE_LIMIT: '20' });
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should answer 429 problem+json with Retry-After once a token used its minute, and count others apart', async () => {
    const busy = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'busy'));
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await busy.get('/api/v1/scoring-models')).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    const limited = await busy.get<{ status: number; title: string }>('/api/v1/scoring-models');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    other = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'calm'));
    expect((await other.get('/api/v1/scoring-models')).status).toBe(200);
    // Health probes are never limited.
    expect((await fetch(`${context.system.gatewayUrl}/api/v1/health`)).status).toBe(200);
  });

  it('should count made-up tokens against their address, however many there are', async () => {
    // Each a new one: counted apart, every one would have had a minute of its own.
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await new ApiClient(context.system.gatewayUrl, `made-up-${i}`).get('/api/v1/scoring-models')).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20);
    // A token that authenticates keeps its own count, even a new one from the address the made-up ones came from.
    expect((await other.get('/api/v1/scoring-models')).status).toBe(200);
    const newcomer = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer'], 'newcomer'));
    expect((await newcomer.get('/api/v1/scoring-models')).status).toBe(200);
  });
});
