import type { NextFunction, Request, Response } from 'express';
import { answerProblem } from './body-parser-errors';
import { problem } from './problem';

/** Deeper than any body the API takes (a scenario's changes are about six levels). */
export const MAX_BODY_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `limit`; iterative, so no depth overflows the stack. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const inner of Object.values(item)) pending.push([inner, depth + 1]);
  }
  return false;
}

/**
 * A JSON body parses at any depth, but what walks it next (the text check, the
 * idempotency key's hash, validation) recurses: thousands of nested brackets
 * in 10 KB would overflow the stack and answer 500. Refused here as a bad request.
 */
export function refuseDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (!nestsDeeperThan(request.body, MAX_BODY_DEPTH)) return next();
  answerProblem(request, response, problem(400, 'malformed-body', `The request body nests deeper than ${MAX_BODY_DEPTH} levels`));
}
