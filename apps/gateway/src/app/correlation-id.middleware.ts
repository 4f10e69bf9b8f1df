import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { withCorrelation } from '@capstan/messaging';
import type { AuthenticatedRequest } from './auth/principal';

const HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[\w.:-]{1,100}$/;

/** Takes the caller's correlation id (or makes one) and echoes it; it travels on to every service. */
export function correlationId(request: Request & AuthenticatedRequest, response: Response, next: NextFunction): void {
  const given = request.header(HEADER);
  request.correlationId = given && ACCEPTABLE.test(given) ? given : randomUUID();
  response.setHeader(HEADER, request.correlationId);
  // Everything done for this request — calls, events, log lines — carries the id.
  withCorrelation(request.correlationId, next);
}
