import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiClient, freePort, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

/**
 * Observability: Prometheus metrics (the gateway's on its internal port, each
 * service's beside its health route) and JSON logs carrying one correlation id
 * from the HTTP request through NATS to every service.
 */
describe('metrics and logs', () => {
  let context: TestSystem;
  let gatewayMetrics: string;
  let scoringMetrics: string;

  const scrape = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return response.text();
  };
  /** The value of one sample, matched by name and the labels given. */
  const sample = (text: string, name: string, labels: Record<string, string>) => {
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  beforeAll(async () => {
    const [gatewayPort, scoringPort] = [await freePort(), await freePort()];
    context = await startTestSystem(resolve(__dirname, '../../..'), { GATEWAY_METRICS_PORT: String(gatewayPort), SCORING_PORT: String(scoringPort), LOG_LEVEL: 'debug' });
    gatewayMetrics = `http://127.0.0.1:${gatewayPort}/metrics`;
    scoringMetrics = `http://127.0.0.1:${scoringPort}/metrics`;
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should count requests by route pattern, and events and operations in the services', async () => {
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'metered'));
    const created = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Measured', businessUnit: 'Ops' });
    expect(created.status).toBe(201);
    expect((await pmo.get(`/api/v1/initiatives/${created.body.id}`)).status).toBe(200);

    const gateway = await scrape(gatewayMetrics);
    expect(sample(gateway, 'capstan_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/initiatives', status: '201' })).toBe(1);
    expect(sample(gateway, 'capstan_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/initiatives/:id', status: '200' })).toBe(1);
    expect(gateway).toContain('capstan_process_resident_memory_bytes');

    const scoring = await pollUntil(
      async () => {
        const text = await scrape(scoringMetrics);
        return (sample(text, 'capstan_events_handled_total', { consumer: 'scoring__initiative_registered', outcome: 'ok' }) ?? 0) >= 1 ? text : undefined;
      },
      { what: 'scoring to count the registration it applied' },
    );
    // The initiative page asked scoring for the posture (found or not yet: either is an answer).
    const asked = ['ok', 'rejected'].map((outcome) => sample(scoring, 'capstan_rpc_handler_duration_seconds_count', { operation: 'scoring.posture.get', outcome }) ?? 0);
    expect(asked[0] + asked[1]).toBe(1);
    expect(sample(scoring, 'capstan_consumer_pending_events', { consumer: 'scoring__initiative_registered', state: 'undelivered' })).toBe(0);
    expect(scoring).toMatch(/capstan_outbox_lag_seconds\{service="scoring"\} \d/);
    // Alone, the process leads its relay and every one of its consumers.
    expect(sample(scoring, 'capstan_work_leading', { work: 'outbox-relay' })).toBe(1);
    expect(sample(scoring, 'capstan_work_leading', { work: 'scoring__initiative_registered' })).toBe(1);
    expect(sample(scoring, 'capstan_work_leading', { work: 'review-sweep' })).toBe(1);
  });

  it('should log JSON lines that carry the caller correlation id into every service the change reaches', async () => {
    const correlationId = `trace-${Date.now()}`;
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'traced'));
    const created = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Traced', businessUnit: 'Ops' }, { 'x-correlation-id': correlationId });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);

    const linesOf = (service: string) =>
      readFileSync(join(context.system.options.logDir, `${service}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { service: string; level: string; msg: string; correlationId?: string; context?: string });
    const traced = await pollUntil(
      () => {
        const found = ['intake', 'scoring'].map((service) => linesOf(service).filter((line) => line.correlationId === correlationId));
        return found.every((lines) => lines.length > 0) ? found : undefined;
      },
      { what: 'log lines with the correlation id in intake and scoring' },
    );
    expect(traced[0].some((line) => line.msg.startsWith('intake.initiative.register answered'))).toBe(true);
    expect(traced[1].some((line) => line.msg.includes('applied initiative.registered'))).toBe(true);
    expect(traced[1][0]).toMatchObject({ service: 'scoring', level: 'debug' });
  });
});
