import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { fieldErrorsOf } from '@capstan/contracts';
import { RpcError, isDatabaseOutage } from '@capstan/messaging';
import type { AuthenticatedRequest } from '../auth/principal';
import { PROBLEM_CONTENT_TYPE, instanceOf, problem, statusOfRpcError, type Problem } from './problem';
import { type ZodError } from 'zod';

/** Every error leaves the gateway as problem+json; nothing leaks a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const body = { ...this.toProblem(exception), instance: instanceOf(request.originalUrl), correlationId: request.correlationId };
    if (response.headersSent) {
      // Part of the answer is out (a streamed export, say): ending it cleanly would pass the part off as
      // the whole. Breaking the connection tells the client the transfer failed.
      this.logger.warn(`${request.method} ${body.instance} broke off after its answer began: ${body.detail ?? body.title}`);
      response.destroy();
      return;
    }
    // Refused before its whole body arrived (a streamed upload, say): close the connection after the
    // answer, or the client would send its next request down a socket still holding the rest of this one.
    if (!request.complete) response.setHeader('Connection', 'close');
    // Unavailable for a moment (a service or its database away): say when to try again, unless the route did.
    if (body.status === 503 && !response.hasHeader('Retry-After')) response.setHeader('Retry-After', '5');
    // RFC 9110 §15.5.2: a 401 names the scheme it wants.
    if (body.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="capstan"');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof ZodValidationException) {
      return problem(400, 'validation-failed', 'The request is not valid', {
        errors: fieldErrorsOf(exception.getZodError() as ZodError),
      });
    }
    if (exception instanceof RpcError) {
      const status = statusOfRpcError(exception.code);
      if (status >= 500) this.logger.warn(`Upstream ${exception.code}: ${exception.message}`);
      return problem(status, exception.code.replace(/_/g, '-'), exception.message, exception.errors ? { errors: exception.errors } : {});
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isProblem(payload)) return payload;
      const detail = typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return problem(status, slugOf(status), detail);
    }
    // The gateway's own store (API keys, idempotency keys, webhooks) out of reach: a moment's wait, not a fault of the request.
    if (isDatabaseOutage(exception)) {
      this.logger.warn(`The gateway's database is unavailable: ${String(exception)}`);
      return problem(503, 'unavailable', 'The gateway cannot reach its database just now; try again shortly');
    }
    this.logger.error('Unhandled error', exception instanceof Error ? exception.stack : String(exception));
    return problem(500, 'internal', 'An unexpected error occurred');
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'type' in value && 'status' in value && 'title' in value;
}

function slugOf(status: number): string {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'internal' : 'bad-request';
  }
}
