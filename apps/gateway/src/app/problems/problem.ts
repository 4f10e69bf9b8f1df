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

/**
 * A request's path and query as a problem's `instance` or a log line may show
 * them: never the event stream's `access_token`, however its name is encoded
 * (`access%5Ftoken` reaches the guard as the same parameter). Never throws:
 * it also serves the answer to a request line no URL parser accepts.
 */
export function instanceOf(originalUrl: string): string {
  const at = originalUrl.indexOf('?');
  if (at < 0) return originalUrl;
  const query = new URLSearchParams(originalUrl.slice(at + 1));
  if (!query.has('access_token')) return originalUrl;
  query.delete('access_token');
  const rest = query.toString();
  return `${originalUrl.slice(0, at)}${rest ? `?${rest}` : ''}`;
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
