import { BadRequestException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Refuses an `Idempotency-Key` on a POST that does not honour it. Ignored, the
 * key would tell the caller (and the typed client, which repeats such POSTs
 * after a lost answer) that a repeat is safe when it may apply twice.
 */
@Injectable()
export class IdempotencyKeyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'POST' || request.header('idempotency-key') === undefined) return true;
    const interceptors = this.reflector.get<unknown[] | undefined>(INTERCEPTORS_METADATA, context.getHandler()) ?? [];
    if (interceptors.includes(IdempotencyInterceptor)) return true;
    throw new BadRequestException(`${request.path} does not take an Idempotency-Key: send it without one, and do not repeat it blindly`);
  }
}
