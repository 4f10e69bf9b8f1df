import { jwtVerify } from 'jose';
import { isRole } from '@capstan/domain';
import type { Principal } from './principal';

export const TOKEN_ISSUER = 'capstan';
export const TOKEN_AUDIENCE = 'capstan-api';

/** How far the signer's clock may run ahead of or behind the gateway's. */
export const TOKEN_CLOCK_TOLERANCE_SECONDS = 30;

/** The longest a token Capstan signed may live, unless configured (`CAPSTAN_TOKEN_MAX_AGE_HOURS`). */
export const DEFAULT_TOKEN_MAX_AGE_SECONDS = 24 * 3600;

/**
 * Verifies a bearer token: HS256 only, issuer, audience and expiry enforced,
 * and a lifetime of at most `maxAgeSeconds` from when it was issued: a token
 * minted to last for years is refused outright, not honoured until it leaks.
 */
export async function verifyToken(token: string, secret: Uint8Array, maxAgeSeconds = DEFAULT_TOKEN_MAX_AGE_SECONDS): Promise<Principal> {
  const { payload } = await jwtVerify(token, secret, {
    algorithms: ['HS256'],
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    requiredClaims: ['sub', 'exp', 'iat'],
    maxTokenAge: maxAgeSeconds,
    // Tokens signed on another host: its clock may run a little ahead of this one.
    clockTolerance: TOKEN_CLOCK_TOLERANCE_SECONDS,
  });
  if (Number(payload.exp) - Number(payload.iat) > maxAgeSeconds) throw new Error(`The token lives longer than ${maxAgeSeconds} s`);
  const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
  const capabilities = Array.isArray(payload['capabilities']) ? payload['capabilities'].map(String) : [];
  return { subject: String(payload.sub), roles, capabilities, expiresAt: Number(payload.exp) * 1000 };
}
