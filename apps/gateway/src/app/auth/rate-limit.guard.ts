import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { bearerToken } from './auth.guard';
import type { AuthenticatedRequest } from './principal';

/**
 * Requests per caller per minute, counted per bearer credential (a token or an
 * API key, whoever it belongs to) or, on public routes, per address. Runs after
 * authentication, so only credentials that authenticated are counted here (and
 * kept in its store); failed ones are counted against their address by
 * `AuthFailures`. Counts are kept per gateway process (docs/operations.md).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const http = request as unknown as Request & AuthenticatedRequest;
    const credential = bearerToken(http);
    if (http.principal && credential) return `credential:${createHash('sha256').update(credential).digest('base64url').slice(0, 22)}`;
    return `address:${http.ip ?? 'unknown'}`;
  }
}
