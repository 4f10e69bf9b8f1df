import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AckPolicy, connect, type NatsConnection } from 'nats';
import { subjectsFor } from '@capstan/contracts';
import { encodeJson } from '@capstan/messaging';
import { ApiClient, NatsServerProcess, RunningSystem, SYSTEM_SERVICES, createTestDatabase, freePort, pollUntil, tokenFor, type SystemService } from '@capstan/testing';

const ROOT = resolve(__dirname, '../../..');
const CONFIG = resolve(ROOT, 'infra/nats/nats-server.conf');
/** The shipped configuration's subjects are those of the default namespace. */
const NAMESPACE = 'capstan';

/**
 * The whole system on a nats-server of its own running the shipped
 * configuration, each service signed in as itself: everything works, and a
 * service's user is refused what belongs to the others.
 */
describe('a NATS user per service', () => {
  // nats-server parses environment values as configuration: a password must not start with a digit.
  const password = () => `p${randomBytes(12).toString('hex')}`;
  const passwords = Object.fromEntries(SYSTEM_SERVICES.map((service) => [service, password()])) as Record<SystemService, string>;
  const opsPassword = password();
  const variable = (service: SystemService) => `NATS_${service.toUpperCase().replace(/-/g, '_')}_PASS`;
  const subjects = subjectsFor(NAMESPACE);
  let server: NatsServerProcess;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let system: RunningSystem;
  let jwtSecret: string;
  const connections: NatsConnection[] = [];

  const signIn = async (service: SystemService) => {
    const nc = await connect({ servers: server.url, user: service, pass: passwords[service], inboxPrefix: `_INBOX_${service}`, reconnect: false });
    connections.push(nc);
    return nc;
  };

  beforeAll(async () => {
    server = new NatsServerProcess({
      args: ['-c', CONFIG, '-m', String(await freePort())],
      env: { ...Object.fromEntries(SYSTEM_SERVICES.map((service) => [variable(service), passwords[service]])), NATS_READER_USER: 'analytics', NATS_READER_PASS: password(), NATS_OPS_PASS: opsPassword },
      user: 'intake',
      pass: passwords.intake,
    });
    await server.start();
    // The streams are made as the migrations Job makes them: by the --ensure-streams step, as the operators' user.
    await promisify(execFile)(process.execPath, [resolve(ROOT, 'dist/apps/intake/main.js'), '--ensure-streams'], {
      cwd: ROOT,
      env: { ...process.env, NATS_URL: server.url, CAPSTAN_NAMESPACE: NAMESPACE, NATS_USER: 'ops', NATS_PASS: opsPassword, LOG_FORMAT: 'text' },
      timeout: 60_000,
    });
    database = await createTestDatabase();
    jwtSecret = randomBytes(32).toString('hex');
    system = new RunningSystem({
      root: ROOT,
      databaseUrl: database.url,
      natsUrl: server.url,
      namespace: NAMESPACE,
      jwtSecret,
      gatewayPort: await freePort(),
      logDir: join(ROOT, 'test-artifacts', 'logs', `nats-users-${database.name}`),
      serviceEnv: Object.fromEntries(SYSTEM_SERVICES.map((service) => [service, { NATS_USER: service, NATS_PASS: passwords[service], NATS_MANAGE_STREAMS: 'false' }])),
    });
    await system.startAll();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close()));
    await system?.stopAll();
    await database?.drop();
    await server?.dispose();
  });

  it('should run every service as itself: requests, events and replies across all five', async () => {
    const pmo = new ApiClient(system.gatewayUrl, await tokenFor(jwtSecret, ['pmo']));
    const finance = new ApiClient(system.gatewayUrl, await tokenFor(jwtSecret, ['finance']));
    const created = await pmo.post<{ id: string }>('/api/v1/initiatives', { name: 'Signed in as itself', businessUnit: 'Claims' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // Intake's event reaches scoring, whose answer comes back through the gateway.
    await pollUntil(async () => ((await pmo.get<{ posture?: string }>(`/api/v1/initiatives/${id}/posture`)).body.posture ? true : undefined), { what: 'a posture from scoring' });
    // Cost tracking and sequencing hear of it too, and answer.
    const entry = { initiativeId: id, chargeDate: '2026-10-01', category: 'inference', phase: 'pilot', amount: '10.00', currency: 'EUR' };
    await pollUntil(async () => ((await finance.post('/api/v1/cost-entries', entry)).status === 201 ? true : undefined), { what: 'cost tracking to record for it' });
    await pollUntil(async () => ((await pmo.request('PUT', `/api/v1/initiatives/${id}/rollout`, { body: { waves: [] } })).status === 200 ? true : undefined), {
      what: 'sequencing to take its rollout',
    });
    expect((await pmo.post('/api/v1/plans', {})).status).toBe(201);
    // Everything else is denied: nothing any service did above was refused to it.
    const logDir = join(ROOT, 'test-artifacts', 'logs', `nats-users-${database.name}`);
    for (const service of SYSTEM_SERVICES) expect({ service, refused: readFileSync(join(logDir, `${service}.log`), 'utf8').match(/Permissions Violation.*/i)?.[0] }).toEqual({ service, refused: undefined });
  }, 120_000);

  it("should refuse a service's user another service's events, any change to the streams, and the gateway any event", async () => {
    const intake = await signIn('intake');
    const forged = encodeJson({ id: '00000000-0000-4000-8000-000000000001', type: 'posture.changed' });
    await expect(intake.jetstream().publish(subjects.event('posture.changed'), forged, { timeout: 2_000 })).rejects.toThrow();
    const jsm = await intake.jetstreamManager({ timeout: 2_000 });
    await expect(jsm.streams.purge(subjects.eventStream)).rejects.toThrow();
    await expect(jsm.streams.delete(subjects.eventStream)).rejects.toThrow();
    const { config } = await jsm.streams.info(subjects.eventStream);
    expect(config.name).toBe(subjects.eventStream);
    // Nor may it shorten what the stream keeps, or make a stream in its place.
    await expect(jsm.streams.update(subjects.eventStream, { ...config, max_age: 1_000_000_000 })).rejects.toThrow(/permissions violation/i);
    expect((await jsm.streams.info(subjects.eventStream)).config.max_age).toBe(config.max_age);
    await expect(jsm.streams.add({ ...config, name: subjects.eventStream })).rejects.toThrow(/permissions violation/i);
    const gateway = await signIn('gateway');
    await expect(gateway.jetstream().publish(subjects.event('initiative.registered'), forged, { timeout: 2_000 })).rejects.toThrow();
    // Its own consumers' dead letters a service may store, no other's.
    expect((await intake.jetstream().publish(subjects.deadLetter('intake__posture_changed'), forged, { timeout: 2_000 })).stream).toBe(subjects.deadLetterStream);
    await expect(intake.jetstream().publish(subjects.deadLetter('scoring__evidence_recorded'), forged, { timeout: 2_000 })).rejects.toThrow();
  });

  it("should keep every service's durable consumers from the others: listed for each other user, and refused to them", async () => {
    const config = readFileSync(CONFIG, 'utf8');
    /** The durable consumers a user may use, read from its block of the shipped configuration (everything else is denied). */
    const allowedTo = (service: SystemService) => {
      const block = config.slice(config.indexOf(`user: ${service}\n`), config.indexOf('allow_responses', config.indexOf(`user: ${service}\n`)));
      return new Set([...block.matchAll(/"\$JS\.ACK\.[^.]+\.([^.]+)\.>"/g)].map((match) => match[1]));
    };
    const intake = await signIn('intake');
    const jsm = await intake.jetstreamManager({ timeout: 2_000 });
    const durables: string[] = [];
    for await (const consumer of await jsm.consumers.list(subjects.eventStream)) durables.push(consumer.name);
    expect(durables.length).toBeGreaterThan(SYSTEM_SERVICES.length);
    // A consumer added to a service is allowed to it once tools/deploy/nats-users.mjs lists it, and to no other.
    for (const durable of durables) {
      const owner = SYSTEM_SERVICES.find((service) => durable.startsWith(`${service}__`));
      expect({ durable, owner }).toEqual({ durable, owner: expect.any(String) });
      for (const service of SYSTEM_SERVICES) {
        expect({ durable, service, allowed: allowedTo(service).has(durable) }).toEqual({ durable, service, allowed: service === owner });
      }
    }

    // Intake reads its own consumer; another's it may neither read, pull from nor take over.
    const own = durables.find((durable) => durable.startsWith('intake__')) ?? '';
    const theirs = durables.find((durable) => durable.startsWith('scoring__')) ?? '';
    expect((await jsm.consumers.info(subjects.eventStream, own)).name).toBe(own);
    await expect(jsm.consumers.info(subjects.eventStream, theirs)).rejects.toThrow(/permissions violation/i);
    await expect(intake.request(`$JS.API.CONSUMER.MSG.NEXT.${subjects.eventStream}.${theirs}`, encodeJson({ batch: 1, no_wait: true }), { timeout: 2_000 })).rejects.toThrow(
      /permissions violation/i,
    );
    await expect(jsm.consumers.add(subjects.eventStream, { durable_name: theirs, ack_policy: AckPolicy.Explicit, filter_subject: subjects.event('posture.changed') })).rejects.toThrow(
      /permissions violation/i,
    );
  });

  it("should refuse a service's user another service's requests and every reply but its own, and requests it does not send", async () => {
    const intake = await signIn('intake');
    for (const subject of [`${NAMESPACE}.rpc.scoring.>`, '_INBOX.>', '_INBOX_gateway.>']) {
      const subscription = intake.subscribe(subject);
      await expect(
        (async () => {
          for await (const message of subscription) void message;
        })(),
      ).rejects.toThrow(/permissions violation/i);
    }
    // Nor may it send what it has no need to: a plan published in sequencing's name, say.
    await expect(intake.request(`${NAMESPACE}.rpc.sequencing.plan.current`, encodeJson({}), { timeout: 2_000 })).rejects.toThrow(/permissions violation/i);
    // Its own requests and replies it may take.
    const own = intake.subscribe(`${NAMESPACE}.rpc.intake.probe`, { max: 1 });
    const inbox = intake.subscribe('_INBOX_intake.probe', { max: 1 });
    await intake.flush();
    expect(own.isClosed()).toBe(false);
    expect(inbox.isClosed()).toBe(false);
    own.unsubscribe();
    inbox.unsubscribe();
  });
});
