import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `cap_<prefix>_<secret>`: the prefix finds the account (and
 * is safe to show), the secret proves it. The secret has 256 random bits, so a
 * plain SHA-256 of it is what is stored; a slow password hash adds nothing.
 */
export interface ApiKey {
  prefix: string;
  secret: string;
}

const PATTERN = /^cap_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function isApiKey(credential: string): boolean {
  return credential.startsWith('cap_');
}

export function newApiKey(): ApiKey & { key: string } {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secret, key: `cap_${prefix}_${secret}` };
}

export function parseApiKey(key: string): ApiKey | undefined {
  const match = PATTERN.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : undefined;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, hash: Buffer): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}
