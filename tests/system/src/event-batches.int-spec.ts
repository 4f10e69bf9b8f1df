import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { eventContract, subjectsFor } from '@capstan/contracts';
import { EventConsumers, NatsClient, encodeJson, messagingTablesUp } from '@capstan/messaging';
import { openDataSource } from '@capstan/persistence';
import { createTestDatabase, pollUntil } from '@capstan/testing';
import type { DataSource } from 'typeorm';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const probe = eventContract('probe.counted', 1, z.object({ key: z.string(), n: z.number().int(), fail: z.boolean().optional() }));

/**
 * The consumer library against the real Postgres and NATS: a backlog applied in
 * batches (several events per transaction, several batches at once) still takes
 * effect once per event, in order per key, and one failing event neither blocks
 * nor undoes the others.
 */
describe('batched event consumers', () => {
  const subjects = subjectsFor(`it${randomUUID().slice(0, 8)}`);
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let nats: NatsClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = openDataSource({ schema: 'probe', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA probe`);
    for (const sql of messagingTablesUp('probe')) await dataSource.query(sql);
    await dataSource.query(`CREATE TABLE probe.applied (seq serial PRIMARY KEY, key text NOT NULL, n int NOT NULL)`);
    nats = new NatsClient({ url: NATS_URL, name: 'event-batches-test' });
    await nats.connect();
    await nats.ensureStreams(subjects);
  });

  afterAll(async () => {
    const jsm = await nats.jsm();
    for (const stream of [subjects.eventStream, subjects.deadLetterStream]) await jsm.streams.delete(stream).catch(() => undefined);
    await nats.close();
    await dataSource.destroy();
    await database?.drop();
  });

  it('should apply a backlog once per event, in order per key, dead-lettering only the event that keeps failing', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const events = Array.from({ length: 400 }, (_, i) => ({
      id: randomUUID(),
      type: probe.type,
      version: 1,
      source: 'test',
      occurredAt: new Date().toISOString(),
      payload: { key: keys[i % keys.length], n: i, ...(i === 123 ? { fail: true } : {}) },
    }));
    // The backlog is in the stream before the consumer starts, with one event published twice
    // under two stream sequences (a relay retry after the broker's duplicate window).
    for (const event of [...events, events[7]]) {
      await nats.js.publish(subjects.event(probe.type), encodeJson(event), { msgID: event === events[7] ? undefined : event.id });
    }
    await nats.js.publish(subjects.event(probe.type), new TextEncoder().encode('{ not an event'));

    const batchSizes: number[] = [];
    const consumers = new EventConsumers(dataSource, nats, subjects, 'probe', 'probe', { batchSize: 16, concurrency: 4, maxDeliver: 2 });
    consumers.on(
      probe,
      async (event, manager) => {
        if (event.payload.fail) throw new Error('this event always fails');
        await manager.query(`INSERT INTO probe.applied (key, n) VALUES ($1, $2)`, [event.payload.key, event.payload.n]);
        const [{ open }] = (await manager.query(`SELECT count(*)::int AS open FROM probe.inbox WHERE processed_at = now()`)) as { open: number }[];
        batchSizes.push(open);
      },
      (payload) => payload.key,
    );
    await consumers.start();
    try {
      await pollUntil(async () => Number((await dataSource.query(`SELECT count(*) AS n FROM probe.applied`))[0].n) >= 399, { timeoutMs: 60_000, what: 'the backlog applied' });
      const deadLetters = await pollUntil(
        async () => {
          const info = await (await nats.jsm()).streams.info(subjects.deadLetterStream);
          return info.state.messages >= 2 ? info.state.messages : undefined;
        },
        { timeoutMs: 60_000, what: 'the failing and the unreadable event dead-lettered' },
      );
      expect(deadLetters).toBe(2);
    } finally {
      await consumers.stop();
    }

    const applied = (await dataSource.query(`SELECT key, n FROM probe.applied ORDER BY seq`)) as { key: string; n: number }[];
    const expected = events.filter((_, i) => i !== 123).map((event) => event.payload.n);
    expect(applied.map((row) => row.n).sort((a, b) => a - b)).toEqual(expected);
    for (const key of keys) {
      const ofKey = applied.filter((row) => row.key === key).map((row) => row.n);
      expect(ofKey).toEqual([...ofKey].sort((a, b) => a - b));
    }
    // Events did share transactions: a backlog is not applied one commit per event.
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
  });

  it('should keep an event whose dead letter cannot be stored, and dead-letter it once it can', async () => {
    const own = subjectsFor(`it${randomUUID().slice(0, 8)}`);
    await nats.ensureStreams(own);
    const jsm = await nats.jsm();
    await jsm.streams.delete(own.deadLetterStream);
    const errors = jest.spyOn(Logger.prototype, 'error');
    const consumers = new EventConsumers(dataSource, nats, own, 'probe', 'kept', { maxDeliver: 2 });
    consumers.on(probe, async () => {
      throw new Error('this event always fails');
    });
    const event = { id: randomUUID(), type: probe.type, version: 1, source: 'test', occurredAt: new Date().toISOString(), payload: { key: 'k', n: 1 } };
    await nats.js.publish(own.event(probe.type), encodeJson(event), { msgID: event.id });
    await consumers.start();
    try {
      await pollUntil(async () => (errors.mock.calls.some(([message]) => String(message).startsWith('Could not dead-letter')) ? true : undefined), {
        timeoutMs: 30_000,
        what: 'the dead letter to fail',
      });
      await nats.ensureStreams(own);
      const stored = await pollUntil(async () => ((await jsm.streams.info(own.deadLetterStream)).state.messages || undefined), {
        timeoutMs: 60_000,
        what: 'the event dead-lettered once its stream is back',
      });
      expect(stored).toBe(1);
    } finally {
      errors.mockRestore();
      await consumers.stop();
      for (const stream of [own.eventStream, own.deadLetterStream]) await jsm.streams.delete(stream).catch(() => undefined);
    }
  });
});
