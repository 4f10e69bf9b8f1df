import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Requests per caller per minute, counted per bearer credential (a token or an
 * API key, whoever it belongs to) or, without one, per address. Runs before
 * authentication, so a flood of bad tokens is limited too. Counts are kept per
 * gateway process (docs/operations.md).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const authorization = (request as unknown as Request).headers.authorization;
    if (authorization?.startsWith('Bearer ')) return `credential:${createHash('sha256').update(authorization.slice(7).trim()).digest('base64url').slice(0, 22)}`;
    return `address:${(request as unknown as Request).ip ?? 'unknown'}`;
  }
}
