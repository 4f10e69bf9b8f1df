import { createHash } from 'node:crypto';
import {
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, of, switchMap, throwError, type Observable } from 'rxjs';
import { RpcError } from '@capstan/messaging';
import type { AuthenticatedRequest } from '../auth/principal';
import { IdempotencyStore } from './idempotency.store';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Applies `Idempotency-Key` to the POST routes it decorates. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) throw new BadRequestException('Idempotency-Key must be 1–255 visible ASCII characters');

    // Nest applies the route's status after interceptors run: read it from the route instead.
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    const scope = `${request.principal?.subject ?? 'anonymous'} ${request.method} ${request.path} ${key}`;
    const hash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    request.requestId = requestIdOf(scope);
    return from(this.store.reserve(scope, hash)).pipe(
      switchMap((reservation) => {
        switch (reservation.kind) {
          case 'mismatch':
            throw new UnprocessableEntityException('This Idempotency-Key was used with a different request body');
          case 'in_flight':
            throw new ConflictException('A request with this Idempotency-Key is still being processed');
          case 'replay':
            if (reservation.location) response.setHeader('Location', reservation.location);
            if (reservation.etag) response.setHeader('ETag', reservation.etag);
            response.setHeader('Idempotent-Replayed', 'true');
            return of(reservation.body);
          case 'reserved':
            return next.handle().pipe(
              switchMap((body) => {
                const [location, etag] = [response.getHeader('Location'), response.getHeader('ETag')];
                const headers = { location: location ? String(location) : null, etag: etag ? String(etag) : null };
                return from(this.store.complete(scope, status, body, headers)).pipe(
                  switchMap(() => of(body)),
                );
              }),
              // A request that failed is free to be sent again. One that timed out may still be applied: its key stays
              // held until the hold lapses (a repeat meanwhile gets 409), then the service recognises the repeat.
              catchError((error: unknown) =>
                error instanceof RpcError && error.code === 'timeout' ? throwError(() => error) : from(this.store.release(scope)).pipe(switchMap(() => throwError(() => error))),
              ),
            );
        }
      }),
    );
  }
}

/**
 * A UUID fixed by the key's scope (caller, route, key). The gateway's record of
 * the first answer can be lost with the gateway (a crash after the service
 * committed, before the answer was stored); the service then recognises the
 * repeated request by this id and does not apply it twice.
 */
function requestIdOf(scope: string): string {
  const hex = createHash('sha256').update(`capstan-request ${scope}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
