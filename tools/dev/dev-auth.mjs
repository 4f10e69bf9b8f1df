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

export async function signDevToken(secretText, subject, roles, ttl = '12h', capabilities = []) {
  return new SignJWT({ roles, capabilities })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer('capstan')
    .setAudience('capstan-api')
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secretText));
}
