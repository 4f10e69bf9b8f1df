/** Answers worth another try: the gateway or a service was briefly unavailable, or we were asked to slow down. */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export interface RetryOptions {
  /** Tries after the first (default 2). */
  retries: number;
  /** First backoff in ms, doubled each time (default 200). */
  backoffMs: number;
}

/**
 * Retries only what is safe to repeat: idempotent methods, and POSTs carrying
 * an `Idempotency-Key` (the gateway replays the first answer). A `Retry-After`
 * is honoured.
 */
export function retryingFetch(inner: typeof fetch, { retries, backoffMs }: RetryOptions): (request: Request) => Promise<Response> {
  return async (request: Request) => {
    const repeatable = IDEMPOTENT_METHODS.has(request.method) || request.headers.has('idempotency-key');
    for (let attempt = 0; ; attempt++) {
      const last = !repeatable || attempt >= retries;
      try {
        const response = await inner(last ? request : request.clone());
        if (last || !RETRYABLE_STATUS.has(response.status)) return response;
        await pause(delayOf(response, backoffMs * 2 ** attempt));
      } catch (error) {
        if (last) throw error;
        await pause(backoffMs * 2 ** attempt);
      }
    }
  };
}

function delayOf(response: Response, fallbackMs: number): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 30_000) : fallbackMs;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
