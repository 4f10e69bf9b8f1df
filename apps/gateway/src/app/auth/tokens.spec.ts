import { SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, verifyToken } from './tokens';

const secret = new TextEncoder().encode('a-test-secret-of-thirty-two-bytes!');

function token(overrides: { issuer?: string; audience?: string; alg?: string; expires?: string | number | null; key?: Uint8Array } = {}): Promise<string> {
  const jwt = new SignJWT({ roles: ['finance', 'not-a-role'], capabilities: ['committee'] })
    .setProtectedHeader({ alg: overrides.alg ?? 'HS256', typ: 'JWT' })
    .setSubject('fiona')
    .setIssuer(overrides.issuer ?? TOKEN_ISSUER)
    .setAudience(overrides.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt();
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
  ])('should refuse a token with %s', async (_, overrides) => {
    await expect(verifyToken(await token(overrides), secret)).rejects.toThrow();
  });
});
