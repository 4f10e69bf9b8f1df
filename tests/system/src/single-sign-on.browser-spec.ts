import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { chromium, type Browser } from 'playwright-core';
import { freePort, startTestSystem, type TestSystem } from '@capstan/testing';
import { launchChromium } from './chromium';
import { checkPage } from './page-check';

const ROOT = resolve(__dirname, '../../..');

/**
 * A minimal OpenID provider on localhost: discovery, JWKS, an authorization
 * endpoint that signs the configured user straight in, and a token endpoint
 * that checks the PKCE verifier against the challenge it was given.
 */
class LocalOpenIdProvider {
  issuer = '';
  user: { email: string; groups: string[] } = { email: 'pat@example.com', groups: ['capstan-pmo'] };
  readonly verifiedCodes: string[] = [];
  private readonly codes = new Map<string, { challenge: string; redirectUri: string }>();
  private server?: Server;

  async start(): Promise<void> {
    const keys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'browser-key', alg: 'RS256', use: 'sig' };
    const port = await freePort();
    this.issuer = `http://127.0.0.1:${port}`;
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', this.issuer);
      const json = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
      if (url.pathname === '/.well-known/openid-configuration') {
        json(200, { issuer: this.issuer, jwks_uri: `${this.issuer}/jwks`, authorization_endpoint: `${this.issuer}/authorize`, token_endpoint: `${this.issuer}/token` });
      } else if (url.pathname === '/jwks') {
        json(200, { keys: [jwk] });
      } else if (url.pathname === '/authorize') {
        const code = randomBytes(16).toString('hex');
        const redirectUri = url.searchParams.get('redirect_uri') ?? '';
        this.codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri });
        response.writeHead(302, { location: `${redirectUri}?code=${code}&state=${encodeURIComponent(url.searchParams.get('state') ?? '')}` }).end();
      } else if (url.pathname === '/token' && request.method === 'POST') {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          const form = new URLSearchParams(body);
          const issued = this.codes.get(form.get('code') ?? '');
          const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
          if (!issued || issued.challenge !== challenge || issued.redirectUri !== form.get('redirect_uri')) {
            json(400, { error: 'invalid_grant' });
            return;
          }
          this.codes.delete(form.get('code') ?? '');
          this.verifiedCodes.push(form.get('code') ?? '');
          void new SignJWT({ email: this.user.email, groups: this.user.groups })
            .setProtectedHeader({ alg: 'RS256', kid: 'browser-key' })
            .setIssuer(this.issuer)
            .setSubject(`user-${this.user.email}`)
            .setAudience('capstan')
            .setIssuedAt()
            .setExpirationTime('10m')
            .sign(keys.privateKey)
            .then((token) => json(200, { access_token: token, token_type: 'Bearer', expires_in: 600 }));
        });
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => this.server?.listen(port, '127.0.0.1', done));
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done));
  }
}

describe('dashboard sign-in with single sign-on', () => {
  const provider = new LocalOpenIdProvider();
  let context: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    await provider.start();
    context = await startTestSystem(ROOT, {
      OIDC_ISSUER: provider.issuer,
      OIDC_AUDIENCE: 'capstan',
      OIDC_CLIENT_ID: 'capstan-dashboard',
      OIDC_ROLE_MAP: 'capstan-pmo=pmo',
      OIDC_SUBJECT_CLAIM: 'email',
    });
    browser = await launchChromium(chromium);
  });

  afterAll(async () => {
    await browser?.close();
    await context?.teardown();
    await provider.stop();
  });

  it('should offer the provider, go there and back with PKCE, and sign in with the roles the gateway maps', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${context.system.gatewayUrl}/sign-in`);
    const button = page.getByRole('button', { name: 'Sign in with single sign-on' });
    await button.waitFor();
    expect(await checkPage(page, 'sign-in-sso', { fullPage: false })).toEqual([]);
    await button.click();

    await page.getByTestId('principal').waitFor();
    expect(await page.getByTestId('principal').textContent()).toContain('pat@example.com · pmo');
    expect(provider.verifiedCodes).toHaveLength(1);
    // A pmo starts on the rollout plan and may register: the write controls are there.
    await page.waitForURL('**/rollout');
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('button', { name: 'Register' }).waitFor();
    await page.close();
  });

  it('should explain a sign-in whose account has no Capstan role', async () => {
    provider.user = { email: 'nobody@example.com', groups: ['unrelated'] };
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${context.system.gatewayUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('no Capstan role');
    expect(page.url()).toContain('/sign-in/callback');
    await page.close();
  });
});
