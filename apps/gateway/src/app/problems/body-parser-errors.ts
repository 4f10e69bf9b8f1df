import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, instanceOf, problem, type Problem } from './problem';

/** Answers a request refused before Nest sees it (no filter runs there) as problem+json, naming the request. */
export function answerProblem(request: Request, response: Response, body: Problem): void {
  response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...body, instance: instanceOf(request.originalUrl) }));
}

interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

/**
 * Express middleware errors (malformed JSON, a body over the limit) happen
 * before Nest's filters see the request: answer them as problem+json here.
 */
export function bodyParserErrors(error: BodyParserError, request: Request, response: Response, next: NextFunction): void {
  if (!error?.type) return next(error);
  const body =
    error.type === 'entity.too.large'
      ? problem(413, 'payload-too-large', 'The request body is larger than the limit')
      : error.type === 'entity.parse.failed'
        ? problem(400, 'malformed-body', 'The request body is not valid JSON')
        : problem(error.status && error.status < 500 ? error.status : 400, 'bad-request', error.message);
  answerProblem(request, response, body);
}
