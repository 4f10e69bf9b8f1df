import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { eventContract, subjectsFor } from '@capstan/contracts';
import { EventConsumers, NatsClient, consumerAttemptsUp, encodeJson, messagingTablesUp } from '@capstan/messaging';
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
    for (const sql of [...messagingTablesUp('probe'), ...consumerAttemptsUp('probe')]) await dataSource.query(sql);
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
      // Its attempts go with it: republished from the dead letters after a fix, it is attempted as often as any event.
      await pollUntil(
        async () => Number((await dataSource.query(`SELECT count(*) AS n FROM probe.consumer_attempts WHERE event_id = $1`, [events[123].id]))[0].n) === 0 || undefined,
        { timeoutMs: 10_000, what: "the dead-lettered event's attempts forgotten" },
      );
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

  it('should dead-letter alone an event that stops its service each time, and apply the events delivered again beside it', async () => {
    const own = subjectsFor(`it${randomUUID().slice(0, 8)}`);
    await nats.ensureStreams(own);
    let entered = 0;
    /** A process of the service: stopping it (as a crash would) drops what it has in hand, applied or not. */
    const start = async () => {
      const life = { dead: false, release: () => undefined as void };
      const pool = openDataSource({ schema: 'probe', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
      await pool.initialize();
      const client = new NatsClient({ url: NATS_URL, name: 'crash-loop' });
      await client.connect();
      const consumers = new EventConsumers(pool, client, own, 'probe', 'crashing', { batchSize: 16, maxDeliver: 2, ackWaitMs: 1_000 });
      consumers.on(probe, async (event, manager) => {
        if (life.dead) throw new Error('the process is gone');
        if (event.payload.fail) {
          entered++;
          // It never comes back: the process hangs on it until it is stopped.
          await new Promise<void>((_, reject) => (life.release = () => reject(new Error('the process is gone'))));
        }
        await manager.query(`INSERT INTO probe.applied (key, n) VALUES ($1, $2)`, [event.payload.key, event.payload.n]);
      });
      await consumers.start();
      // As a crash would: its NATS connection goes (nothing it holds is acknowledged), its open transaction with its
      // database connection; what it was doing never resumes (the hang is only let go once the test is over).
      const crash = async () => {
        await client.close();
        await dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
        remains.push(async () => {
          life.dead = true;
          life.release();
          await consumers.stop();
          await pool.destroy();
        });
      };
      return { crash, consumers, pool, client };
    };
    const remains: (() => Promise<void>)[] = [];
    const events = [0, 1, 2, 3, 4].map((i) => ({
      id: randomUUID(),
      type: probe.type,
      version: 1,
      source: 'test',
      occurredAt: new Date().toISOString(),
      payload: { key: 'crash', n: 1000 + i, ...(i === 2 ? { fail: true } : {}) },
    }));
    for (const event of events) await nats.js.publish(own.event(probe.type), encodeJson(event), { msgID: event.id });
    let current = await start();
    // Applied in a batch first, then alone and counted each time: two attempts allowed, so three stops.
    for (let stop = 1; stop <= 3; stop++) {
      await pollUntil(async () => (entered >= stop ? true : undefined), { timeoutMs: 30_000, what: `the service to hang on the event (${stop})` });
      await current.crash();
      current = await start();
    }
    try {
      const applied = await pollUntil(
        async () => {
          const rows = (await dataSource.query(`SELECT n FROM probe.applied WHERE key = 'crash' ORDER BY n`)) as { n: number }[];
          return rows.length >= 4 ? rows.map((row) => row.n) : undefined;
        },
        { timeoutMs: 30_000, what: 'the events delivered again beside it applied' },
      );
      expect(applied).toEqual([1000, 1001, 1003, 1004]);
      const jsm = await nats.jsm();
      await pollUntil(async () => ((await jsm.streams.info(own.deadLetterStream)).state.messages === 1 ? true : undefined), { what: 'the event dead-lettered' });
      const letter = await jsm.streams.getMessage(own.deadLetterStream, { seq: 1 });
      expect(JSON.parse(new TextDecoder().decode(letter.data))).toMatchObject({ consumer: 'crashing__probe_counted', reason: expect.stringContaining('stopped the service each time') });
      expect(entered).toBe(3);
    } finally {
      await current.consumers.stop();
      await current.pool.destroy();
      await current.client.close();
      for (const remain of remains) await remain();
      const jsm = await nats.jsm();
      for (const stream of [own.eventStream, own.deadLetterStream]) await jsm.streams.delete(stream).catch(() => undefined);
    }
  }, 120_000);

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
