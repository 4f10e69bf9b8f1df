import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SignJWT } from 'jose';

// The development signing secret lives beside the embedded databases, never in the repository.
export const DEV_SECRET_FILE = resolve(process.env.CAPSTAN_DATA_DIR ?? '.capstan/data', '..', 'dev-jwt-secret');

export function readDevSecret() {
  return existsSync(DEV_SECRET_FILE) ? readFileSync(DEV_SECRET_FILE, 'utf8').trim() : undefined;
}

export function ensureDevSecret() {
  const existing = readDevSecret();
  if (existing) return existing;
  mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(DEV_SECRET_FILE, secret + '\n', { mode: 0o600 });
  return secret;
}

/** The longest a token may live for the gateway (`CAPSTAN_TOKEN_MAX_AGE_HOURS`, 24 by default), in hours. */
export function tokenMaxAgeHours(env = process.env) {
  const text = env.CAPSTAN_TOKEN_MAX_AGE_HOURS ?? '24';
  const hours = Number(text);
  if (!/^\d+$/.test(text) || hours < 1 || hours > 8760) throw new Error(`CAPSTAN_TOKEN_MAX_AGE_HOURS must be a whole number of hours from 1 to 8760, not "${text}"`);
  return hours;
}

export async function signDevToken(secretText, subject, roles, ttl = `${Math.min(12, tokenMaxAgeHours())}h`, capabilities = []) {
  return new SignJWT({ roles, capabilities })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer('capstan')
    .setAudience('capstan-api')
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secretText));
}
