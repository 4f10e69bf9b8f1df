import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { VouchedCredentials } from './vouched-credentials';

/**
 * Requests per caller per minute: per bearer credential (a token or an API
 * key, whoever it belongs to) once it has authenticated at this gateway, else
 * per address. Runs before authentication, so a flood of bad tokens — the
 * same one or each one new — is limited too. Counts are kept per gateway
 * process (docs/operations.md).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly credentials: VouchedCredentials,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { headers, ip } = request as unknown as Request;
    const credential = headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice(7).trim() : undefined;
    const vouched = credential ? this.credentials.vouched(credential) : undefined;
    return vouched ? `credential:${vouched}` : `address:${ip ?? 'unknown'}`;
  }
}
