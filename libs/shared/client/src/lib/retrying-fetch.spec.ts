import { retryingFetch } from './retrying-fetch';

/** Answers from a script, recording the methods it was asked with. */
function scripted(answers: (number | Error)[]) {
  const calls: string[] = [];
  const inner = (async (request: Request) => {
    calls.push(request.method);
    const next = answers.shift() ?? 200;
    if (next instanceof Error) throw next;
    return new Response(null, { status: next, headers: next === 429 ? { 'retry-after': '0' } : {} });
  }) as typeof fetch;
  return { inner, calls };
}

describe(retryingFetch.name, () => {
  const options = { retries: 2, backoffMs: 1 };

  it('should retry an idempotent call on 503 and on a network error', async () => {
    const { inner, calls } = scripted([503, new TypeError('fetch failed'), 200]);
    const response = await retryingFetch(inner, options)(new Request('http://capstan.test/api/v1/initiatives'));
    expect(response.status).toBe(200);
    expect(calls).toEqual(['GET', 'GET', 'GET']);
  });

  it('should never repeat a POST without an Idempotency-Key', async () => {
    const { inner, calls } = scripted([503, 200]);
    const response = await retryingFetch(inner, options)(new Request('http://capstan.test/api/v1/initiatives', { method: 'POST', body: '{}' }));
    expect(response.status).toBe(503);
    expect(calls).toEqual(['POST']);
  });

  it('should repeat a POST carrying an Idempotency-Key, body and all', async () => {
    const bodies: string[] = [];
    const inner = (async (request: Request) => {
      bodies.push(await request.text());
      return new Response(null, { status: bodies.length === 1 ? 502 : 201 });
    }) as typeof fetch;
    const request = new Request('http://capstan.test/api/v1/initiatives', { method: 'POST', body: '{"name":"x"}', headers: { 'idempotency-key': 'k-1' } });
    expect((await retryingFetch(inner, options)(request)).status).toBe(201);
    expect(bodies).toEqual(['{"name":"x"}', '{"name":"x"}']);
  });

  it('should give up after the retries and hand back the last answer', async () => {
    const { inner, calls } = scripted([429, 429, 429, 200]);
    expect((await retryingFetch(inner, options)(new Request('http://capstan.test/x'))).status).toBe(429);
    expect(calls).toHaveLength(3);
  });

  it('should not retry a 4xx other than 429', async () => {
    const { inner, calls } = scripted([404, 200]);
    expect((await retryingFetch(inner, options)(new Request('http://capstan.test/x'))).status).toBe(404);
    expect(calls).toHaveLength(1);
  });
});
