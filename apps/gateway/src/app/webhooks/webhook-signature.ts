import { createHmac, randomBytes } from 'node:crypto';

/** A subscription's signing secret: shown once, at creation. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed with
 * the body, so a captured request cannot be replayed later with a fresh one.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
