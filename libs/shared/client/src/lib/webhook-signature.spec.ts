import { createHmac } from 'node:crypto';
import { verifyWebhook } from './webhook-signature';

const secret = 'whsec_test-secret';
const body = '{"id":"0b6f3a52-8c1e-4d7a-9f25-3e8a1c4b7d90","type":"posture.changed"}';
const now = new Date('2026-11-30T09:00:00Z');
const at = Math.floor(now.getTime() / 1000);
const sign = (timestamp: number, text: string, key = secret) => `v1=${createHmac('sha256', key).update(`${timestamp}.${text}`).digest('hex')}`;

describe(verifyWebhook.name, () => {
  it('should accept a fresh request signed with the secret', () => {
    expect(verifyWebhook(secret, { body, timestamp: String(at), signature: sign(at, body) }, { now })).toBe(true);
  });

  it('should refuse another secret, a changed body or a changed timestamp', () => {
    expect(verifyWebhook(secret, { body, timestamp: String(at), signature: sign(at, body, 'whsec_other') }, { now })).toBe(false);
    expect(verifyWebhook(secret, { body: body.replace('posture', 'score'), timestamp: String(at), signature: sign(at, body) }, { now })).toBe(false);
    expect(verifyWebhook(secret, { body, timestamp: String(at + 1), signature: sign(at, body) }, { now })).toBe(false);
  });

  it('should refuse a replay outside the tolerance, and missing headers', () => {
    const old = at - 301;
    expect(verifyWebhook(secret, { body, timestamp: String(old), signature: sign(old, body) }, { now })).toBe(false);
    expect(verifyWebhook(secret, { body, timestamp: undefined, signature: sign(at, body) }, { now })).toBe(false);
    expect(verifyWebhook(secret, { body, timestamp: String(at), signature: null }, { now })).toBe(false);
  });
});
