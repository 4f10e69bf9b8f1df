import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { ApiClient, freePort, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** An OTLP/HTTP (JSON) trace receiver on localhost, standing in for a collector. */
class LocalCollector {
  readonly spans: ReceivedSpan[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/v1/traces') this.collect(JSON.parse(body || '{}'));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((done) => this.server?.listen(port, '127.0.0.1', done));
  }

  private collect(payload: {
    resourceSpans?: { resource?: { attributes?: { key: string; value: { stringValue?: string } }[] }; scopeSpans?: { spans?: ReceivedSpan[] }[] }[];
  }): void {
    for (const resourceSpan of payload.resourceSpans ?? []) {
      const service = resourceSpan.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
      for (const scope of resourceSpan.scopeSpans ?? []) for (const span of scope.spans ?? []) this.spans.push({ ...span, service });
    }
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done));
  }
}

/** OpenTelemetry: one trace from the HTTP request through NATS into intake and, by the event, into scoring. */
describe('traces', () => {
  const collector = new LocalCollector();
  let context: TestSystem;

  beforeAll(async () => {
    await collector.start();
    context = await startTestSystem(resolve(__dirname, '../../..'), { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200' });
  });

  afterAll(async () => {
    await context?.teardown();
    await collector.stop();
  });

  it('should follow a registration across the gateway, intake and scoring in one trace', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'traced'));
    expect((await pmo.post('/api/v1/initiatives', { name: 'Traced through', businessUnit: 'Ops' })).status).toBe(201);

    const trace = await pollUntil(
      () => {
        const root = collector.spans.find((span) => span.service === 'capstan-gateway' && span.name === 'HTTP POST /api/v1/initiatives');
        if (!root) return undefined;
        const inTrace = collector.spans.filter((span) => span.traceId === root.traceId);
        const services = new Set(inTrace.map((span) => span.service));
        return services.has('capstan-intake') && services.has('capstan-scoring') ? inTrace : undefined;
      },
      { timeoutMs: 30_000, what: 'spans from the gateway, intake and scoring in one trace' },
    );
    const named = (service: string, name: string) => trace.find((span) => span.service === service && span.name === name);
    const client = named('capstan-gateway', 'rpc intake.initiative.register');
    const server = named('capstan-intake', 'rpc intake.initiative.register');
    const consumer = named('capstan-scoring', 'event initiative.registered');
    expect(client && server && consumer).toBeTruthy();
    // The service's span is the child of the gateway's call; the consumer continues the trace of the change.
    expect(server?.parentSpanId).toBe(client?.spanId);
    expect(consumer?.parentSpanId).toBe(server?.spanId);
  });
});
