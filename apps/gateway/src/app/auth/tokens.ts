import { jwtVerify, SignJWT } from 'jose';
import { isRole, type Role } from '@capstan/domain';
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
  return { subject: String(payload.sub), roles };
}

export async function signToken(subject: string, roles: Role[], secret: Uint8Array, ttl = '12h'): Promise<string> {
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(secret);
}
