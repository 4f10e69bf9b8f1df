import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** How many credentials the gateway remembers as having authenticated (the oldest are forgotten first). */
const REMEMBERED = 10_000;

/**
 * The bearer credentials this gateway has seen authenticate, by fingerprint.
 * The rate limit runs before authentication: it counts a vouched credential
 * on its own and anything else against the caller's address, so a flood of
 * made-up tokens shares one budget instead of each getting a fresh one.
 */
@Injectable()
export class VouchedCredentials {
  private readonly fingerprints = new Set<string>();

  vouch(credential: string): void {
    const fingerprint = fingerprintOf(credential);
    // Re-inserted, a credential in use moves to the back of the forgetting order.
    this.fingerprints.delete(fingerprint);
    this.fingerprints.add(fingerprint);
    if (this.fingerprints.size > REMEMBERED) this.fingerprints.delete(this.fingerprints.values().next().value as string);
  }

  /** The credential's fingerprint if it has authenticated here, else undefined. */
  vouched(credential: string): string | undefined {
    const fingerprint = fingerprintOf(credential);
    return this.fingerprints.has(fingerprint) ? fingerprint : undefined;
  }
}

function fingerprintOf(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url').slice(0, 22);
}
