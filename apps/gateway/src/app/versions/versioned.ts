import { Injectable, UseInterceptors, applyDecorators, createParamDecorator, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeaders } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { expectedVersion, setETag } from './if-match';

/** Answers a view's `version` as its ETag. */
@Injectable()
class VersionETag implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(tap((view) => typeof (view as { version?: unknown } | null)?.version === 'number' && setETag(response, (view as { version: number }).version)));
  }
}

/**
 * A route reading or writing an input set whole (a pool, a rollout, freeze windows, a quarter's budget): its view's
 * version is the ETag, and a write takes `If-Match` (412 if someone else's came first) or `If-None-Match: *` (creates
 * only what nobody has yet), as `ExpectedVersion` reads them.
 */
export function Versioned(options: { write: boolean }): MethodDecorator {
  const headers = [
    { name: 'If-Match', required: false, description: 'The ETag (version) of what is being replaced, e.g. "3": 412 if it has changed since' },
    { name: 'If-None-Match', required: false, description: '`*`: only if there is none yet (412 otherwise)' },
  ];
  return applyDecorators(UseInterceptors(VersionETag), ...(options.write ? [ApiHeaders(headers)] : []));
}

/** The version the write expects to replace, from `If-Match` / `If-None-Match` (see `expectedVersion`). */
export const ExpectedVersion = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  return expectedVersion(request.header('if-match'), request.header('if-none-match'));
});
