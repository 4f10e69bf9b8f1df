import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { DataSource } from 'typeorm';
import { MessagingRetention, messagingTablesUp } from '@capstan/messaging';
import { openDataSource } from '@capstan/persistence';
import { createTestDatabase } from '@capstan/testing';

/** Outbox and inbox pruning against the real Postgres: only what has aged out goes. */
describe(MessagingRetention.name, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const count = async (sql: string) => Number(((await dataSource.query(sql)) as { n: string }[])[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = openDataSource({ schema: 'kept', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA kept`);
    for (const sql of messagingTablesUp('kept')) await dataSource.query(sql);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('should delete published outbox rows and inbox rows past their retention, and nothing else', async () => {
    const outbox = (age: string, published: boolean) =>
      dataSource.query(
        `INSERT INTO kept.outbox (id, type, envelope, created_at, published_at) VALUES ($1, 'probe', '{}', now() - $2::interval, ${published ? `now() - $2::interval` : 'NULL'})`,
        [randomUUID(), age],
      );
    const inbox = (age: string) =>
      dataSource.query(`INSERT INTO kept.inbox (consumer, event_id, event_type, processed_at) VALUES ('probe', $1, 'probe', now() - $2::interval)`, [randomUUID(), age]);
    for (let i = 0; i < 7; i++) await outbox('10 days', true);
    await outbox('3 days', true);
    await outbox('10 days', false); // never published: kept whatever its age
    for (let i = 0; i < 5; i++) await inbox('50 days');
    await inbox('40 days');

    const retention = new MessagingRetention(dataSource, { schema: 'kept', outboxDays: 7, inboxDays: 45, batchSize: 3 });
    expect(await retention.pruneOnce()).toEqual({ outbox: 7, inbox: 5 });
    expect(await count(`SELECT count(*)::text AS n FROM kept.outbox`)).toBe(2);
    expect(await count(`SELECT count(*)::text AS n FROM kept.outbox WHERE published_at IS NULL`)).toBe(1);
    expect(await count(`SELECT count(*)::text AS n FROM kept.inbox`)).toBe(1);
    expect(await retention.pruneOnce()).toEqual({ outbox: 0, inbox: 0 });
  });

  it('should refuse an inbox retention the event stream outlasts', () => {
    expect(() => new MessagingRetention(dataSource, { schema: 'kept', outboxDays: 7, inboxDays: 30 })).toThrow(/longer than the event stream/);
  });
});
