import { SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, verifyToken } from './tokens';

const secret = new TextEncoder().encode('a-test-secret-of-thirty-two-bytes!');

function token(overrides: { issuer?: string; audience?: string; alg?: string; expires?: string | number | null; issued?: number | null; key?: Uint8Array } = {}): Promise<string> {
  const jwt = new SignJWT({ roles: ['finance', 'not-a-role'], capabilities: ['committee'] })
    .setProtectedHeader({ alg: overrides.alg ?? 'HS256', typ: 'JWT' })
    .setSubject('fiona')
    .setIssuer(overrides.issuer ?? TOKEN_ISSUER)
    .setAudience(overrides.audience ?? TOKEN_AUDIENCE);
  if (overrides.issued !== null) jwt.setIssuedAt(overrides.issued);
  if (overrides.expires !== null) jwt.setExpirationTime(overrides.expires ?? '1h');
  return jwt.sign(overrides.key ?? secret);
}

describe('verifyToken', () => {
  it('should accept a token of this deployment and keep only the roles it knows', async () => {
    const expires = Math.floor(Date.now() / 1000) + 3600;
    // Its expiry too, in milliseconds: the event stream ends then.
    expect(await verifyToken(await token({ expires }), secret)).toEqual({ subject: 'fiona', roles: ['finance'], capabilities: ['committee'], expiresAt: expires * 1000 });
  });

  it.each([
    ['another issuer', { issuer: 'someone-else' }],
    ['another audience', { audience: 'another-api' }],
    ['another algorithm', { alg: 'HS512' }],
    ['another key', { key: new TextEncoder().encode('another-secret-of-thirty-two-bytes') }],
    ['no expiry', { expires: null }],
    ['an expiry past', { expires: Math.floor(Date.now() / 1000) - 60 }],
    ['no issue time', { issued: null }],
    ['a lifetime past the longest allowed', { expires: '25h' }],
    ['an issue time past the longest lifetime, though not expired', { issued: Math.floor(Date.now() / 1000) - 25 * 3600, expires: '1h' }],
    ['an issue time ahead', { issued: Math.floor(Date.now() / 1000) + 3600, expires: '2h' }],
  ])('should refuse a token with %s', async (_, overrides) => {
    await expect(verifyToken(await token(overrides), secret)).rejects.toThrow();
  });

  it('should take the longest lifetime it is given', async () => {
    const week = await token({ expires: '7d' });
    await expect(verifyToken(week, secret)).rejects.toThrow();
    expect((await verifyToken(week, secret, 8 * 24 * 3600)).subject).toBe('fiona');
  });
});
