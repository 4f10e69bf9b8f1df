import { createServer, type IncomingMessage, type Server } from 'node:http';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { verifyWebhook } from '@capstan/client';
import { ApiClient, freePort, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

interface Received {
  eventId: string;
  eventType: string;
  verified: boolean;
  body: { id: string; type: string; payload: Record<string, unknown> };
}

/** A webhook endpoint on localhost that can be taken down and brought back on the same port. */
class Receiver {
  readonly received: Received[] = [];
  private server?: Server;
  secret = '';

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/capstan`;
  }

  async up(): Promise<void> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        this.received.push({
          eventId: String(request.headers['capstan-event-id']),
          eventType: String(request.headers['capstan-event-type']),
          verified: verifyWebhook(this.secret, { body, timestamp: header(request, 'capstan-timestamp'), signature: header(request, 'capstan-signature') }),
          body: JSON.parse(body) as Received['body'],
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => this.server?.listen(this.port, '127.0.0.1', done));
  }

  async down(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((done) => this.server?.close(done));
  }

  of(eventId: string): Received[] {
    return this.received.filter((item) => item.eventId === eventId);
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

describe('webhooks', () => {
  let context: TestSystem;
  let admin: ApiClient;
  let pmo: ApiClient;
  let receiver: Receiver;
  let hanging: Server;
  let subscriptionId: string;

  const registered = async (name: string) => {
    const created = await pmo.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit: 'Claims' });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const statusOf = async (deliveryId: string): Promise<string | undefined> =>
    (await admin.get<Delivery>(`/api/v1/webhooks/${subscriptionId}/deliveries/${deliveryId}`)).body.status;

  beforeAll(async () => {
    receiver = new Receiver(await freePort());
    await receiver.up();
    // An endpoint that accepts connections and never answers: it must not hold up the other.
    const hangingPort = await freePort();
    hanging = createServer(() => undefined);
    await new Promise<void>((done) => hanging.listen(hangingPort, '127.0.0.1', done));
    context = await startTestSystem(resolve(__dirname, '../../..'), {
      CAPSTAN_WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_TIMEOUT_MS: '3000',
      WEBHOOK_POLL_MS: '100',
    });
    admin = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['admin'], 'ada'));
    pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'paula'));

    const subscribed = await admin.post<{ id: string; secret: string }>('/api/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['initiative.registered', 'posture.changed'],
      description: 'test receiver',
    });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body.secret).toMatch(/^whsec_/);
    receiver.secret = subscribed.body.secret;
    subscriptionId = subscribed.body.id;
    expect((await admin.post('/api/v1/webhooks', { url: `http://127.0.0.1:${hangingPort}/`, eventTypes: ['initiative.registered'] })).status).toBe(201);
  });

  afterAll(async () => {
    await context?.teardown();
    await receiver?.down();
    hanging?.closeAllConnections();
    await new Promise((done) => hanging?.close(done));
  });

  it('should refuse a subscription from a non-admin, to an unknown event type, or with a bad URL', async () => {
    expect((await pmo.post('/api/v1/webhooks', { url: receiver.url, eventTypes: ['posture.changed'] })).status).toBe(403);
    const invalid = await admin.post<{ errors: { field: string }[] }>('/api/v1/webhooks', { url: 'ftp://example.com/x', eventTypes: ['posture.exploded'] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error) => error.field).sort()).toEqual(['eventTypes.0', 'url']);
  });

  it('should deliver signed events, while an endpoint that never answers waits on its own', async () => {
    const id = await registered('Webhook first');
    const got = await pollUntil(() => receiver.received.find((item) => item.eventType === 'initiative.registered' && (item.body.payload['initiative'] as { id: string }).id === id), {
      what: 'the registration delivered',
    });
    expect(got.verified).toBe(true);
    expect(got.body.id).toBe(got.eventId);
    await pollUntil(() => receiver.received.find((item) => item.eventType === 'posture.changed' && item.body.payload['initiativeId'] === id), { what: 'the first posture delivered' });
    expect(receiver.received.every((item) => item.verified)).toBe(true);
  });

  it('should keep retrying while the receiver is down and deliver once per event after it is back; a replay sends it again', async () => {
    await receiver.down();
    const id = await registered('Webhook while down');
    const failing = await pollUntil(
      async () => {
        const log = await admin.get<{ items: Delivery[] }>(`/api/v1/webhooks/${subscriptionId}/deliveries?status=pending`);
        return log.body.items.find((item) => item.eventType === 'initiative.registered' && item.attempts >= 2);
      },
      { what: 'failed attempts logged while the receiver is down' },
    );
    const detail = await admin.get<{ attemptLog: { error: string | null; status: number | null }[] }>(`/api/v1/webhooks/${subscriptionId}/deliveries/${failing.id}`);
    expect(detail.body.attemptLog.length).toBeGreaterThanOrEqual(2);
    expect(detail.body.attemptLog[0].status).toBeNull();
    expect(detail.body.attemptLog[0].error).toBeTruthy();

    await receiver.up();
    await pollUntil(async () => (await statusOf(failing.id)) === 'delivered' && receiver.of(failing.eventId).length > 0, { what: 'the delivery after the receiver came back' });
    expect((receiver.of(failing.eventId)[0].body.payload['initiative'] as { id: string }).id).toBe(id);
    // Every event reached the receiver once, the one sent while it was down included.
    const counts = new Map<string, number>();
    for (const item of receiver.received) counts.set(item.eventId, (counts.get(item.eventId) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.of(failing.eventId)[0].verified).toBe(true);

    const replayed = await admin.post<Delivery>(`/api/v1/webhooks/${subscriptionId}/deliveries/${failing.id}/replay`, {});
    expect(replayed.status).toBe(202);
    await pollUntil(() => receiver.of(failing.eventId).length === 2, { what: 'the replayed delivery' });
    expect(receiver.of(failing.eventId).every((item) => item.verified)).toBe(true);
  });

  it('should stop delivering to a deactivated subscription', async () => {
    expect((await admin.post(`/api/v1/webhooks/${subscriptionId}/deactivation`, {})).status).toBe(200);
    const before = receiver.received.length;
    const id = await registered('After deactivation');
    // The registration's own delivery to the hanging endpoint shows the event went through the fan-out.
    await pollUntil(
      async () => {
        const subscriptions = await admin.get<{ items: { id: string }[] }>('/api/v1/webhooks');
        const other = subscriptions.body.items.find((item) => item.id !== subscriptionId);
        const log = await admin.get<{ items: Delivery[] }>(`/api/v1/webhooks/${other?.id}/deliveries?limit=500`);
        return log.body.items.length >= 3;
      },
      { what: 'the fan-out of the last registration' },
    );
    expect(receiver.received.length).toBe(before);
    expect(receiver.received.some((item) => (item.body.payload['initiative'] as { id: string } | undefined)?.id === id)).toBe(false);
  });
  it('should send a subscription only the event types it names, and only events from after it was made', async () => {
    const named = new Receiver(await freePort());
    const witness = new Receiver(await freePort());
    await named.up();
    await witness.up();
    try {
      const before = await registered('Before the subscription');
      const subscribe = async (target: Receiver, eventTypes: string[]) => {
        const made = await admin.post<{ id: string; secret: string }>('/api/v1/webhooks', { url: target.url, eventTypes });
        expect(made.status).toBe(201);
        target.secret = made.body.secret;
        return made.body.id;
      };
      const registrations = await subscribe(named, ['initiative.registered']);
      const postures = await subscribe(witness, ['posture.changed']);
      const after = await registered('After the subscription');
      // The later initiative's posture delivered to the witness: its events have all been through the fan-out.
      await pollUntil(() => witness.received.find((item) => item.body.payload['initiativeId'] === after), { what: 'the posture after the subscription' });
      await pollUntil(() => named.received.length > 0, { what: 'the registration after the subscription' });
      const log = await admin.get<{ items: Delivery[] }>(`/api/v1/webhooks/${registrations}/deliveries?limit=500`);
      expect(log.body.items.map((item) => item.eventType)).toEqual(['initiative.registered']);
      expect(named.received.map((item) => (item.body.payload['initiative'] as { id: string }).id)).toEqual([after]);
      expect(named.received.some((item) => (item.body.payload['initiative'] as { id: string }).id === before)).toBe(false);
      for (const id of [registrations, postures]) expect((await admin.post(`/api/v1/webhooks/${id}/deactivation`, {})).status).toBe(200);
    } finally {
      await named.down();
      await witness.down();
    }
  });

  it('should refuse to replay a delivery while an attempt at it is on its way, which would send it twice at once', async () => {
    const subscriptions = await admin.get<{ items: { id: string; url: string }[] }>('/api/v1/webhooks');
    const hangingId = subscriptions.body.items.find((item) => item.id !== subscriptionId && !item.url.includes('/hooks/'))?.id;
    await registered('Replayed while in flight');
    const database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    try {
      // Claimed for a while yet: the endpoint never answers, so the attempt waits out its timeout.
      const inFlight = await pollUntil(
        async () =>
          (await database.query<{ id: string }>(`SELECT id FROM gateway.webhook_deliveries WHERE subscription_id = $1 AND claimed_until > now() + interval '1 second'`, [hangingId])).rows[0]?.id,
        { what: 'an attempt on its way to the endpoint that never answers' },
      );
      const refused = await admin.post<{ detail: string }>(`/api/v1/webhooks/${hangingId}/deliveries/${inFlight}/replay`, {});
      expect([refused.status, refused.body.detail]).toEqual([409, `Delivery ${inFlight} is being attempted right now: replay it once that attempt has settled`]);
    } finally {
      await database.end();
    }
  });
});
