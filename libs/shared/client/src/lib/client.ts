import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/openapi';
import { CapstanProblem, problemOf } from './problem';
import { retryingFetch } from './retrying-fetch';

export interface CapstanClientOptions {
  /** Where the gateway answers, e.g. `https://capstan.example.com`. */
  baseUrl: string;
  /** A bearer token or API key (`cap_…`), or a function giving the current one. */
  credential?: string | (() => string | Promise<string>);
  /** Tries after the first for calls safe to repeat (default 2; 0 turns retries off). */
  retries?: number;
  /** Used instead of the global `fetch` (tests, proxies). */
  fetch?: typeof fetch;
}

export type CapstanClient = Client<paths>;

/**
 * A client for every route of the Capstan API, typed from its OpenAPI document:
 * paths, parameters, bodies and answers. A non-2xx answer is thrown as a
 * `CapstanProblem`, so `data` is always the success type.
 *
 * ```ts
 * const capstan = createCapstanClient({ baseUrl, credential: process.env.CAPSTAN_API_KEY });
 * const { data } = await capstan.GET('/api/v1/initiatives/{id}/posture', { params: { path: { id } } });
 * ```
 */
export function createCapstanClient(options: CapstanClientOptions): CapstanClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    fetch: retryingFetch(options.fetch ?? globalThis.fetch, { retries: options.retries ?? 2, backoffMs: 200 }),
  });
  client.use(authenticate(options.credential), throwProblems);
  return client;
}

function authenticate(credential: CapstanClientOptions['credential']): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof credential === 'function' ? await credential() : credential;
      if (value) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

const throwProblems: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw new CapstanProblem(await problemOf(response));
    return response;
  },
};
