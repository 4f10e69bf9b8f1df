import { resolve } from 'node:path';
import fc from 'fast-check';
import { Client } from 'pg';
import { ApiClient, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

/** Requests generated from the API's own document, valid-looking and not. */
const RUNS = 10_000;
/** Requests that are wrong by construction, checked to change nothing. */
const REJECTED_RUNS = 1_000;
/** Fixed, so a failure repeats; `FUZZ_SEED=<n>` explores other requests. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
  nullable?: boolean;
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
  body?: { contentType: string; schema?: Schema; required: boolean };
}

type Request = { operation: Operation; path: string; query: string; body: string | undefined; contentType: string | undefined };

/** Mostly printable text; now and then any code point at all, U+0000, control characters and lone surrogates included. */
function textOf(constraints: fc.StringConstraints = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.string(constraints) },
    { weight: 1, arbitrary: fc.string({ ...constraints, unit: 'binary-ascii' }) },
    { weight: 1, arbitrary: fc.string({ ...constraints, unit: 'binary' }) },
    // Halves of surrogate pairs, alone and paired: what UTF-16 text can hold and UTF-8 cannot.
    { weight: 1, arbitrary: fc.string({ ...constraints, unit: fc.constantFrom('a', '\ud83d', '\ude00', '\ud83d\ude00') }) },
  );
}

/** An arbitrary for values a schema describes (kept small), from which fast-check can shrink a failure. */
function arbitraryOf(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.$ref) return arbitraryOf(components[schema.$ref.split('/').pop() ?? ''], components, depth + 1);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => arbitraryOf(choice, components, depth + 1)));
  if (schema.allOf?.length) return arbitraryOf(schema.allOf[0], components, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['object'];
  const base = types.filter((type) => type !== 'null');
  const nullable = schema.nullable || types.includes('null');
  const value = base.length ? valueOf(base[0], schema, components, depth) : fc.constant(null);
  return nullable ? fc.oneof(value, fc.constant(null)) : value;
}

function valueOf(type: string, schema: Schema, components: Record<string, Schema>, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'uri') return fc.webUrl();
      if (schema.pattern) return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), textOf({ maxLength: 12 }));
      return textOf({ minLength: Math.min(schema.minLength ?? 0, 30), maxLength: Math.min(schema.maxLength ?? 30, 30) });
    case 'integer': {
      const small = fc.integer({ min: Math.max(schema.minimum ?? -1_000_000, -1_000_000), max: Math.min(schema.maximum ?? 1_000_000, 1_000_000) });
      // The bounds the document states, and past them: where storage runs out first.
      const edges = [schema.minimum, schema.maximum, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 31 - 1].filter((edge): edge is number => edge !== undefined);
      return fc.oneof({ weight: 5, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: Math.max(schema.minimum ?? -1e9, -1e9), max: Math.min(schema.maximum ?? 1e9, 1e9) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbitraryOf(schema.items, components, depth + 1), { minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(schema.maxItems ?? 4, 4) });
    default: {
      const properties = Object.entries(schema.properties ?? {});
      if (!properties.length) return fc.dictionary(textOf({ maxLength: 8 }), fc.oneof(textOf({ maxLength: 8 }), fc.integer()), { maxKeys: 3 });
      return fc.record(Object.fromEntries(properties.map(([key, property]) => [key, arbitraryOf(property, components, depth + 1)])), {
        requiredKeys: (schema.required ?? []).filter((key) => schema.properties?.[key]),
      });
    }
  }
}

/** Anything at all, for the requests that should be refused. */
const garbage = fc.oneof(textOf({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 2, maxKeys: 4 }));

describe('the API under generated requests', () => {
  let context: TestSystem;
  let database: Client;
  let admin: ApiClient;
  let token: string;
  let operations: Operation[];
  let components: Record<string, Schema>;
  const knownIds: string[] = [];

  beforeAll(async () => {
    // Scheduled work off, so that only requests change state while the second test counts rows.
    context = await startTestSystem(resolve(__dirname, '../../..'), { CAPSTAN_WEBHOOK_ALLOW_PRIVATE: 'true', SCORING_REVIEW_INTERVAL_MS: '3600000', EVIDENCE_SWEEP_INTERVAL_MS: '3600000' });
    database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    token = await tokenFor(context.jwtSecret, ['admin'], 'fuzzer');
    admin = new ApiClient(context.system.gatewayUrl, token);
    // A few real initiatives, so generated requests also reach past "not found".
    for (const name of ['Fuzzed one', 'Fuzzed two']) knownIds.push((await admin.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit: 'Fuzz' })).body.id);
    const document = (await (await fetch(`${context.system.gatewayUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    components = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      // The event stream never ends: it is no request/response operation to fuzz.
      Object.entries(path === '/api/v1/events' ? {} : methods).map(([method, operation]) => {
          const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
          return {
            method: method.toUpperCase(),
            path,
            parameters: operation.parameters ?? [],
            body: contentType ? { contentType, schema: media?.schema, required: operation.requestBody?.required ?? false } : undefined,
          };
        }),
    );
  });

  afterAll(async () => {
    await database?.end();
    await context?.teardown();
  });

  const send = async ({ operation, path, query, body, contentType }: Request) => {
    const response = await fetch(`${context.system.gatewayUrl}${path}${query}`, {
      method: operation.method,
      headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  };

  // A URL carries UTF-8, which has no lone surrogates (URLSearchParams makes them U+FFFD; encodeURIComponent throws).
  const pathOf = (operation: Operation, values: Record<string, string>) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((values[name] ?? '').replace(/\p{Cs}/gu, '\ufffd')));

  function requestOf(validish: boolean, among: Operation[]): fc.Arbitrary<Request> {
    return fc.constantFrom(...among).chain((operation) => {
      const pathParams = operation.parameters.filter((p) => p.in === 'path');
      const queryParams = operation.parameters.filter((p) => p.in === 'query');
      const idLike = fc.oneof(fc.constantFrom(...knownIds), fc.uuid(), textOf({ maxLength: 16 }));
      const bodyArbitrary: fc.Arbitrary<string | undefined> = !operation.body
        ? fc.constant(undefined)
        : operation.body.contentType === 'text/csv'
          ? fc.oneof(textOf({ maxLength: 200 }), fc.constant('name,businessUnit\nFuzz,Unit'))
          : (validish ? fc.oneof({ weight: 3, arbitrary: arbitraryOf(operation.body.schema, components) }, { weight: 1, arbitrary: garbage }) : garbage).map((value) =>
              JSON.stringify(value),
            );
      return fc.record({
        operation: fc.constant(operation),
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, p.schema?.enum ? arbitraryOf(p.schema, components).map(String) : idLike]))).map((values) =>
          pathOf(operation, values as Record<string, string>),
        ),
        query: fc
          .record(Object.fromEntries(queryParams.map((p) => [p.name, fc.oneof(arbitraryOf(p.schema, components), garbage).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))])), {
            requiredKeys: [],
          })
          .map((values) => {
            const entries = Object.entries(values as Record<string, string>);
            return entries.length ? `?${new URLSearchParams(entries)}` : '';
          }),
        body: bodyArbitrary,
        contentType: fc.constant(operation.body?.contentType),
      });
    });
  }

  it(`should answer ${RUNS} generated requests without a 5xx, every error as problem+json`, async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(requestOf(true, operations), async (request) => {
        const { status, contentType, text } = await send(request);
        answered++;
        expect({ request: `${request.operation.method} ${request.path}`, status: status >= 500 ? status : 'below 500' }).toEqual({
          request: `${request.operation.method} ${request.path}`,
          status: 'below 500',
        });
        if (status >= 400) {
          expect(contentType).toContain('application/problem+json');
          const problem = JSON.parse(text) as { status: number; title: string };
          expect(problem.status).toBe(status);
          expect(typeof problem.title).toBe('string');
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(answered).toBeGreaterThanOrEqual(RUNS);
  }, 900_000);

  it(`should change nothing for ${REJECTED_RUNS} requests whose body is not what the operation takes`, async () => {
    // Operations that take a JSON object: an array, a string or a number is refused whatever it holds.
    const takingObjects = operations.filter((operation) => {
      if (operation.body?.contentType !== 'application/json' || !operation.body.schema) return false;
      const schema = operation.body.schema.$ref ? components[operation.body.schema.$ref.split('/').pop() ?? ''] : operation.body.schema;
      return (schema?.type ?? 'object') === 'object';
    });
    // Let what the previous test set going finish before the snapshot.
    const snapshot = async () => {
      const { rows } = await database.query<{ table: string; rows: string }>(
        `SELECT schemaname || '.' || relname AS table, n_live_tup::text AS rows FROM pg_stat_user_tables ORDER BY 1`,
      );
      return rows;
    };
    const counts = async () => {
      const tables = (await snapshot()).map((row) => row.table).filter((table) => !table.endsWith('.inbox') && !table.endsWith('.outbox'));
      const result: Record<string, number> = {};
      for (const table of tables) result[table] = Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0].n);
      const outboxes = await database.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM intake.outbox) + (SELECT count(*) FROM scoring.outbox) + (SELECT count(*) FROM cost_tracking.outbox) + (SELECT count(*) FROM sequencing.outbox) + (SELECT count(*) FROM gateway.outbox) AS n`,
      );
      result['outboxes'] = Number(outboxes.rows[0].n);
      return result;
    };
    // Webhooks the first test subscribed keep retrying deliveries in the background: stop them first.
    const subscriptions = await admin.get<{ items: { id: string }[] }>('/api/v1/webhooks');
    for (const { id } of subscriptions.body.items) await admin.post(`/api/v1/webhooks/${id}/deactivation`, {});
    await pollUntil(
      async () => Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM gateway.webhook_deliveries WHERE claimed_until > now()`)).rows[0].n) === 0,
      { timeoutMs: 60_000, what: 'webhook attempts in flight to finish' },
    );
    let before = await counts();
    await pollUntil(
      async () => {
        const now = await counts();
        const settled = JSON.stringify(now) === JSON.stringify(before);
        before = now;
        return settled;
      },
      { timeoutMs: 60_000, intervalMs: 2_000, what: 'the system to settle' },
    );
    await fc.assert(
      fc.asyncProperty(
        requestOf(false, takingObjects).filter((request) => {
          // Not an object where the operation takes one: refused whatever the values.
          const body = request.body === undefined ? undefined : (JSON.parse(request.body) as unknown);
          return body === null || typeof body !== 'object' || Array.isArray(body);
        }),
        async (request) => {
          const { status } = await send(request);
          expect({ request: `${request.operation.method} ${request.path}`, status: status >= 400 && status < 500 }).toEqual({ request: `${request.operation.method} ${request.path}`, status: true });
        },
      ),
      { numRuns: REJECTED_RUNS, seed: SEED },
    );
    expect(await counts()).toEqual(before);
  }, 600_000);
});
