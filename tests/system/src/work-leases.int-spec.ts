import { tmpdir } from 'node:os';
import type { DataSource } from 'typeorm';
import { WorkLeases } from '@capstan/messaging';
import { openDataSource } from '@capstan/persistence';
import { createTestDatabase, pollUntil } from '@capstan/testing';

/**
 * The leases that decide which replica leads a service's relay and each of
 * its consumers: one holder at a time, handed over when the holder stops or
 * its connection dies, against the real Postgres.
 */
describe(WorkLeases.name, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const dataSources: DataSource[] = [];
  const started: WorkLeases[] = [];

  /** A process of the service: its own pool, its own leases. */
  async function replica(): Promise<WorkLeases> {
    const dataSource = openDataSource({ schema: 'leases', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
    await dataSource.initialize();
    dataSources.push(dataSource);
    const leases = new WorkLeases(dataSource, { schema: 'leases', coordinate: true, checkIntervalMs: 100 });
    leases.want('outbox-relay');
    leases.want('leases__initiative_registered');
    await leases.start();
    started.push(leases);
    return leases;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const leases of started) await leases.stop();
    for (const dataSource of dataSources) await dataSource.destroy();
    await database?.drop();
  });

  it('should give each piece of work to one replica, and hand it over when that replica stops', async () => {
    const first = await replica();
    const second = await replica();
    expect(first.holds('outbox-relay')).toBe(true);
    expect(first.holds('leases__initiative_registered')).toBe(true);
    expect(second.holds('outbox-relay')).toBe(false);
    expect(second.holds('leases__initiative_registered')).toBe(false);
    // Work nobody asked for is nobody's.
    expect(first.holds('something-else')).toBe(false);

    await first.stop();
    expect(first.holds('outbox-relay')).toBe(false);
    await pollUntil(() => second.holds('outbox-relay') && second.holds('leases__initiative_registered'), { timeoutMs: 5_000, intervalMs: 50, what: 'the second replica to take over' });
  });

  it('should release the work when the holder’s connection dies, and never let two hold it at once', async () => {
    for (const leases of started) await leases.stop();
    const current = await replica();
    const standby = await replica();
    expect(current.holds('outbox-relay')).toBe(true);
    expect(standby.holds('outbox-relay')).toBe(false);

    // A crash as Postgres sees it: the holder's session ends, and its locks with it.
    const terminated = (await dataSources[0].query(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    )) as { done: boolean }[];
    expect(terminated.length).toBeGreaterThan(0);

    // Whoever takes it next (the standby, or the old holder on a new connection), it is one of them, and only one.
    const holders = () => [current, standby].filter((leases) => leases.holds('outbox-relay')).length;
    let sawTwo = false;
    await pollUntil(
      async () => {
        if (holders() > 1) sawTwo = true;
        const [row] = (await dataSources[0].query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted`)) as { n: number }[];
        return holders() === 1 && row.n > 0;
      },
      { timeoutMs: 5_000, intervalMs: 10, what: 'one replica to hold the work again' },
    );
    expect(sawTwo).toBe(false);
  });

  it('should hand the work over when the holder goes silent with its connection left open, as a host that died does', async () => {
    for (const leases of started) await leases.stop();
    const silent = await replica();
    const standby = await replica();
    expect(silent.holds('outbox-relay')).toBe(true);
    // The holder stops asking and closes nothing: Postgres sees what it sees of a host that lost power.
    clearInterval((silent as unknown as { timer: NodeJS.Timeout }).timer);
    await pollUntil(() => standby.holds('outbox-relay') && standby.holds('leases__initiative_registered'), {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: 'the standby to take over from the silent holder',
    });
  });

  it('should hold everything, with no connection, for a database only this process uses', async () => {
    const dataSource = openDataSource({ schema: 'leases', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
    const alone = new WorkLeases(dataSource, { schema: 'leases', coordinate: false });
    await alone.start();
    expect(alone.holds('outbox-relay')).toBe(true);
    await alone.stop();
  });
});
