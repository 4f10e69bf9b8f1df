import { jwtVerify } from 'jose';
import { isRole } from '@capstan/domain';
import type { Principal } from './principal';

export const TOKEN_ISSUER = 'capstan';
export const TOKEN_AUDIENCE = 'capstan-api';

/** Verifies a bearer token: HS256 only, issuer, audience and expiry enforced. */
export async function verifyToken(token: string, secret: Uint8Array): Promise<Principal> {
  const { payload } = await jwtVerify(token, secret, {
    algorithms: ['HS256'],
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    requiredClaims: ['sub', 'exp'],
  });
  const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
  const capabilities = Array.isArray(payload['capabilities']) ? payload['capabilities'].map(String) : [];
  return { subject: String(payload.sub), roles, capabilities, expiresAt: Number(payload.exp) * 1000 };
}
