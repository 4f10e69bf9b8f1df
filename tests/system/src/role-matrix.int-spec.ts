import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Role } from '@capstan/domain';
import { startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';
import { ALL, MATRIX } from './role-matrix';

/** A value for a path parameter: well-formed where the route checks the shape, otherwise anything. */
const PARAMETERS: Record<string, () => string> = {
  id: randomUUID,
  deliveryId: randomUUID,
  version: () => 'no-such-model',
  responsibility: () => 'accountable_owner',
  criterionId: () => 'governance.approval_pathway',
  businessUnit: () => 'Matrix',
  quarter: () => '2026-Q4',
  wave: () => 'w1',
};

describe('the role × route matrix', () => {
  let context: TestSystem;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    context = await startTestSystem(resolve(__dirname, '../../..'));
    for (const role of ALL) tokens.set(role, await tokenFor(context.jwtSecret, [role], `matrix-${role}`));
  });

  afterAll(async () => {
    await context?.teardown();
  });

  /** The status of one call: the headers are enough (the event stream never ends by itself). */
  async function statusOf(method: string, path: string, token?: string): Promise<number> {
    const url = `${context.system.gatewayUrl}${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((PARAMETERS[name] ?? randomUUID)()))}`;
    const controller = new AbortController();
    const response = await fetch(url, {
      method,
      signal: controller.signal,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      body: method === 'GET' ? undefined : '{}',
    });
    controller.abort();
    return response.status;
  }

  it('should place every operation of the API document in the matrix, and nothing else', async () => {
    const document = (await (await fetch(`${context.system.gatewayUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('should answer every operation for every role as the matrix says: 401 without a token, 403 for a role not allowed', async () => {
    const mismatches: string[] = [];
    for (const [operation, allowed] of Object.entries(MATRIX)) {
      const [method, path] = operation.split(' ');
      const anonymous = await statusOf(method, path);
      if (allowed === 'public' ? anonymous === 401 || anonymous === 403 : anonymous !== 401) mismatches.push(`${operation} without a token: ${anonymous}`);
      if (allowed === 'public') continue;
      for (const role of ALL) {
        const status = await statusOf(method, path, tokens.get(role));
        const permitted = allowed.includes(role);
        if (permitted ? status === 401 || status === 403 || status >= 500 : status !== 403) {
          mismatches.push(`${operation} as ${role}: ${status} (expected ${permitted ? 'allowed' : '403'})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
