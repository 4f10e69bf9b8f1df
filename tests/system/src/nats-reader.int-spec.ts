import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AckPolicy, connect, type NatsConnection } from 'nats';
import { subjectsFor } from '@capstan/contracts';
import { NatsClient, encodeJson } from '@capstan/messaging';
import { NatsServerProcess, freePort } from '@capstan/testing';

const CONFIG = resolve(__dirname, '../../../infra/nats/nats-server.conf');

/**
 * The shipped NATS configuration, run by a nats-server of its own: the
 * integrator's read-only user can read the event stream through its own
 * durable consumer and can do nothing else.
 */
describe('the read-only NATS user for integrators', () => {
  // nats-server parses environment values as configuration: a password must not start with a digit.
  const password = () => `p${randomBytes(12).toString('hex')}`;
  const credentials = {
    NATS_GATEWAY_PASS: password(),
    NATS_INTAKE_PASS: password(),
    NATS_SCORING_PASS: password(),
    NATS_COST_TRACKING_PASS: password(),
    NATS_SEQUENCING_PASS: password(),
    NATS_READER_USER: 'analytics',
    NATS_READER_PASS: password(),
    NATS_OPS_PASS: password(),
  };
  const subjects = subjectsFor('capstan');
  let server: NatsServerProcess;
  let url: string;
  /** Scoring, which publishes `posture.changed`, and sequencing, which publishes `plan.published`, each as itself. */
  let service: NatsClient;
  let sequencing: NatsClient;
  let reader: NatsConnection;

  beforeAll(async () => {
    server = new NatsServerProcess({
      args: ['-c', CONFIG, '-m', String(await freePort())],
      env: credentials,
      user: 'scoring',
      pass: credentials.NATS_SCORING_PASS,
    });
    await server.start();
    url = server.url;
    service = new NatsClient({ url, name: 'scoring', user: 'scoring', pass: credentials.NATS_SCORING_PASS, inboxPrefix: '_INBOX_scoring' });
    await service.connect();
    sequencing = new NatsClient({ url, name: 'sequencing', user: 'sequencing', pass: credentials.NATS_SEQUENCING_PASS, inboxPrefix: '_INBOX_sequencing' });
    await sequencing.connect();
    // The operators' user makes the streams (the --ensure-streams step); the services' users may not.
    const ops = new NatsClient({ url, name: 'ops', user: 'ops', pass: credentials.NATS_OPS_PASS, inboxPrefix: '_INBOX_ops' });
    await ops.connect();
    await ops.ensureStreams(subjects);
    await ops.close();
    reader = await connect({ servers: url, user: credentials.NATS_READER_USER, pass: credentials.NATS_READER_PASS, reconnect: false, inboxPrefix: '_INBOX_analytics' });
  });

  afterAll(async () => {
    await reader?.close();
    await service?.close();
    await sequencing?.close();
    await server?.dispose();
  });

  it('should refuse a wrong password', async () => {
    await expect(connect({ servers: url, user: credentials.NATS_READER_USER, pass: 'wrong', reconnect: false })).rejects.toThrow(/Authorization/i);
  });

  it('should read every event through its own durable consumer', async () => {
    for (const n of [1, 2, 3]) {
      await service.js.publish(subjects.event('posture.changed'), encodeJson({ id: `00000000-0000-4000-8000-00000000000${n}`, type: 'posture.changed', n }));
    }
    const jsm = await reader.jetstreamManager({ checkAPI: false });
    await jsm.consumers.add(subjects.eventStream, { durable_name: 'analytics', ack_policy: AckPolicy.Explicit });
    const consumer = await reader.jetstream().consumers.get(subjects.eventStream, 'analytics');
    const seen: number[] = [];
    const messages = await consumer.fetch({ max_messages: 3, expires: 5_000 });
    for await (const message of messages) {
      seen.push((message.json() as { n: number }).n);
      message.ack();
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('should not let it publish events, change the stream or read another consumer', async () => {
    await sequencing.js.publish(subjects.event('plan.published'), encodeJson({ n: 4 }));
    // A service's own consumer, made as the service makes it.
    const jsm = await sequencing.jsm();
    await jsm.consumers.add(subjects.eventStream, { durable_name: 'sequencing__posture_changed', ack_policy: AckPolicy.Explicit, filter_subject: subjects.event('posture.changed') });

    const js = reader.jetstream();
    await expect(js.publish(subjects.event('posture.changed'), encodeJson({ forged: true }), { timeout: 2_000 })).rejects.toThrow();
    const readerJsm = await reader.jetstreamManager({ checkAPI: false });
    await expect(readerJsm.streams.delete(subjects.eventStream)).rejects.toThrow();
    await expect(js.consumers.get(subjects.eventStream, 'sequencing__posture_changed')).rejects.toThrow();
    expect((await jsm.streams.info(subjects.eventStream)).state.messages).toBe(4);
  });

  it("should let the operators' user read the dead letters and nothing of the services' own", async () => {
    await service.js.publish(subjects.deadLetter('scoring__evidence_recorded'), encodeJson({ consumer: 'scoring__evidence_recorded', reason: 'test' }));
    const ops = await connect({ servers: url, user: 'ops', pass: credentials.NATS_OPS_PASS, reconnect: false, inboxPrefix: '_INBOX_ops' });
    try {
      const jsm = await ops.jetstreamManager({ checkAPI: false });
      const letter = await jsm.streams.getMessage(subjects.deadLetterStream, { seq: 1 });
      expect(letter.json()).toEqual({ consumer: 'scoring__evidence_recorded', reason: 'test' });
      await expect(ops.request(`$JS.API.CONSUMER.MSG.NEXT.${subjects.eventStream}.sequencing__posture_changed`, encodeJson({ batch: 1, no_wait: true }), { timeout: 2_000 })).rejects.toThrow(
        /permissions violation/i,
      );
    } finally {
      await ops.close();
    }
  });

  it("should not let it read the replies the services send one another", async () => {
    const overheard: string[] = [];
    reader.subscribe('_INBOX.>', { callback: (error, message) => void (error ? undefined : overheard.push(message.subject)) });
    await reader.flush().catch(() => undefined);
    // Sequencing asks scoring for postures, as it does when it plans.
    const answering = service.nc.subscribe(subjects.rpc('scoring.posture.many'), { callback: (_error, message) => message.respond(encodeJson({ secret: 'owners and costs' })) });
    // The server knows of the subscription before sequencing asks (else: no responders, 503).
    await service.nc.flush();
    try {
      await sequencing.nc.request(subjects.rpc('scoring.posture.many'), encodeJson({}), { timeout: 2_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(overheard).toEqual([]);
    } finally {
      answering.unsubscribe();
    }
  });
});
