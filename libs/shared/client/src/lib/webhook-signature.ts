import { createHmac, timingSafeEqual } from 'node:crypto';

export interface WebhookRequest {
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string;
  /** The `Capstan-Timestamp` header. */
  timestamp: string | null | undefined;
  /** The `Capstan-Signature` header. */
  signature: string | null | undefined;
}

/**
 * Checks that a webhook request came from Capstan: the signature is the
 * subscription secret's HMAC-SHA256 of `<timestamp>.<body>`, and the timestamp
 * is recent (default ±5 minutes), so a captured request cannot be replayed.
 * De-duplicate on `Capstan-Event-Id`: delivery is at least once.
 */
export function verifyWebhook(secret: string, request: WebhookRequest, options: { toleranceSeconds?: number; now?: Date } = {}): boolean {
  const timestamp = Number(request.timestamp);
  if (!request.timestamp || !Number.isInteger(timestamp) || !request.signature?.startsWith('v1=')) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest();
  const given = Buffer.from(request.signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
