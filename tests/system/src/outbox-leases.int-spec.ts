import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { z } from 'zod';
import { eventContract, subjectsFor } from '@capstan/contracts';
import { NatsClient, Outbox, WorkLeases, messagingTablesUp } from '@capstan/messaging';
import { openDataSource } from '@capstan/persistence';
import { createTestDatabase, pollUntil } from '@capstan/testing';
import type { DataSource } from 'typeorm';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const probe = eventContract('probe.relayed', 1, z.object({ n: z.number().int() }));

interface Replica {
  dataSource: DataSource;
  nats: NatsClient;
  leases: WorkLeases;
  outbox: Outbox;
}

/**
 * Two replicas' outbox relays over one outbox, against the real Postgres and
 * NATS: the leader relays what either enqueues (woken over NATS, not by its
 * idle poll), and the standby relays once rows grow old because the leader,
 * though it keeps its lease, can no longer reach NATS.
 */
describe('outbox relays led by one replica', () => {
  const subjects = subjectsFor(`it${randomUUID().slice(0, 8)}`);
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: DataSource;
  let leader: Replica;
  let standby: Replica;

  async function startReplica(name: string): Promise<Replica> {
    const dataSource = openDataSource({ schema: 'probe', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
    await dataSource.initialize();
    const nats = new NatsClient({ url: NATS_URL, name: `outbox-leases-${name}` });
    await nats.connect();
    const leases = new WorkLeases(dataSource, { schema: 'probe', coordinate: true, checkIntervalMs: 100 });
    // A long idle poll: only a wake (or the standby's takeover) gets rows out quickly.
    const outbox = new Outbox(dataSource, nats, subjects, { schema: 'probe', source: 'probe', leases, idlePollMs: 60_000, standbyAfterSeconds: 1 });
    await leases.start();
    outbox.start();
    return { dataSource, nats, leases, outbox };
  }

  async function stopReplica(replica: Replica | undefined): Promise<void> {
    if (!replica) return;
    await replica.outbox.stop();
    await replica.leases.stop();
    await replica.nats.close().catch(() => undefined);
    await replica.dataSource.destroy();
  }

  const unpublished = async () => Number(((await admin.query(`SELECT count(*)::int AS n FROM probe.outbox WHERE published_at IS NULL`)) as { n: number }[])[0].n);
  const inStream = async () => (await (await standby.nats.jsm()).streams.info(subjects.eventStream)).state.messages;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = openDataSource({ schema: 'probe', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
    await admin.initialize();
    await admin.query(`CREATE SCHEMA probe`);
    for (const sql of messagingTablesUp('probe')) await admin.query(sql);
    leader = await startReplica('leader');
    standby = await startReplica('standby');
    await standby.nats.ensureStreams(subjects);
  });

  afterAll(async () => {
    await stopReplica(standby);
    await stopReplica(leader);
    const nats = new NatsClient({ url: NATS_URL, name: 'outbox-leases-cleanup' });
    await nats.connect();
    const jsm = await nats.jsm();
    for (const stream of [subjects.eventStream, subjects.deadLetterStream]) await jsm.streams.delete(stream).catch(() => undefined);
    await nats.close();
    await admin.destroy();
    await database?.drop();
  });

  it('should have the leading relay publish what the standby enqueues, woken over NATS', async () => {
    expect(leader.leases.holds('outbox-relay')).toBe(true);
    expect(standby.leases.holds('outbox-relay')).toBe(false);
    await standby.outbox.transaction((manager) => standby.outbox.enqueue(manager, probe, { n: 1 }));
    await pollUntil(async () => (await unpublished()) === 0, { timeoutMs: 900, intervalMs: 20, what: 'the row relayed well before the standby would take over' });
    expect(await inStream()).toBe(1);
  });

  it('should have the standby relay rows that grow old while the leader cannot reach NATS', async () => {
    await leader.nats.close();
    expect(leader.leases.holds('outbox-relay')).toBe(true);
    for (let n = 2; n <= 4; n++) await standby.outbox.transaction((manager) => standby.outbox.enqueue(manager, probe, { n }));
    await pollUntil(async () => (await unpublished()) === 0, { timeoutMs: 10_000, intervalMs: 50, what: 'the standby to relay the rows left waiting' });
    expect(await inStream()).toBe(4);
  });
});
