import type { FieldError, RpcErrorCode } from '@capstan/contracts';

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  correlationId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A request's path and query as a problem's `instance` or a log line may show them: never the event stream's `access_token`. */
export function instanceOf(originalUrl: string): string {
  if (!originalUrl.includes('access_token')) return originalUrl;
  const url = new URL(originalUrl, 'http://gateway');
  url.searchParams.delete('access_token');
  return `${url.pathname}${url.search}`;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function problem(status: number, slug: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${slug}`, title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

export function statusOfRpcError(code: RpcErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'unprocessable':
      return 422;
    case 'unavailable':
      return 503;
    case 'timeout':
      return 504;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
