import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventContract } from '@capstan/contracts';
import { EventConsumers, encodeJson, type NatsClient } from '@capstan/messaging';
import { pollUntil } from '@capstan/testing';
import type { DataSource } from 'typeorm';
import { MessagingProbe, type ProbeProcess } from './messaging-probe';

const probe = eventContract('probe.led', 1, z.object({ n: z.number().int() }));

interface Replica extends ProbeProcess {
  consumers: EventConsumers;
}

/**
 * Two replicas sharing a durable consumer, against the real Postgres and
 * NATS: the one that leads it applies the events; the other takes over when
 * the leader stops, joins while events pile up, and takes what a leader cut
 * off from NATS leaves — every event once.
 */
describe('durable consumers led by one replica', () => {
  const messaging = new MessagingProbe();
  let admin: DataSource;
  let publisher: NatsClient;
  const replicas: Replica[] = [];

  async function startReplica(name: string, options: { overflowPending: number; handlerMs: number; ackWaitMs?: number }): Promise<Replica> {
    const peer = await messaging.process(`consumer-leases-${name}`);
    const consumers = new EventConsumers(peer.dataSource, peer.nats, messaging.subjects, 'probe', 'probe', {
      batchSize: 8,
      leases: peer.leases,
      overflowPending: options.overflowPending,
      ...(options.ackWaitMs ? { ackWaitMs: options.ackWaitMs } : {}),
    });
    consumers.on(probe, async (event, manager) => {
      await new Promise((resolve) => setTimeout(resolve, options.handlerMs));
      await manager.query(`INSERT INTO probe.applied (replica, n) VALUES ($1, $2)`, [name, event.payload.n]);
    });
    await peer.leases.start();
    await consumers.start();
    const replica = { ...peer, consumers };
    replicas.push(replica);
    return replica;
  }

  async function stopReplica(replica: Replica): Promise<void> {
    await replica.consumers.stop();
    await replica.leases.stop();
    await replica.nats.close().catch(() => undefined);
    await replica.dataSource.destroy();
    replicas.splice(replicas.indexOf(replica), 1);
  }

  async function publish(from: number, count: number): Promise<void> {
    for (let n = from; n < from + count; n++) {
      const event = { id: randomUUID(), type: probe.type, version: 1, source: 'test', occurredAt: new Date().toISOString(), payload: { n } };
      await publisher.js.publish(messaging.subjects.event(probe.type), encodeJson(event), { msgID: event.id });
    }
  }

  /** Deliveries the durable consumer has made so far, redeliveries included. */
  const deliveries = async () => (await (await publisher.jsm()).consumers.info(messaging.subjects.eventStream, 'probe__probe_led')).delivered.consumer_seq;

  const applied = async () => (await admin.query(`SELECT replica, n FROM probe.applied ORDER BY n`)) as { replica: string; n: number }[];

  beforeAll(async () => {
    admin = await messaging.open(`CREATE TABLE probe.applied (replica text NOT NULL, n int PRIMARY KEY)`);
    publisher = await messaging.nats('consumer-leases-publisher');
  });

  afterAll(async () => {
    for (const replica of [...replicas]) await stopReplica(replica);
    await messaging.close();
  });

  it('should have the leader apply the events, and the other replica take over when the leader stops', async () => {
    const leader = await startReplica('a', { overflowPending: 1_000, handlerMs: 0 });
    await startReplica('b', { overflowPending: 1_000, handlerMs: 0 });
    await publish(0, 20);
    await pollUntil(async () => (await applied()).length === 20, { what: 'the first events applied' });
    expect(new Set((await applied()).map((row) => row.replica))).toEqual(new Set(['a']));

    await stopReplica(leader);
    await publish(20, 20);
    await pollUntil(async () => (await applied()).length === 40, { what: 'the events after the leader stopped' });
    const rows = await applied();
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(new Set(rows.slice(20).map((row) => row.replica))).toEqual(new Set(['b']));
  });

  it('should have the other replica join while events pile up, each event still applied once', async () => {
    for (const replica of [...replicas]) await stopReplica(replica);
    // 'c' leads and is slow; 'd' stands by and joins once 10 events wait undelivered.
    await startReplica('c', { overflowPending: 10, handlerMs: 5 });
    await startReplica('d', { overflowPending: 10, handlerMs: 5 });
    await publish(40, 400);
    await pollUntil(async () => (await applied()).length === 440, { timeoutMs: 60_000, what: 'the backlog applied' });
    const rows = await applied();
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 440 }, (_, n) => n));
    expect(new Set(rows.slice(40).map((row) => row.replica))).toEqual(new Set(['c', 'd']));
  });

  it('should have the other replica take events nobody pulls, when the leader is cut off from NATS', async () => {
    for (const replica of [...replicas]) await stopReplica(replica);
    const leader = await startReplica('e', { overflowPending: 1_000, handlerMs: 0 });
    await startReplica('f', { overflowPending: 1_000, handlerMs: 0 });
    expect(leader.leases.holds('probe__probe_led')).toBe(true);
    // Its lease (a Postgres session) stays; its pulls (NATS) stop.
    await leader.nats.close();
    await publish(440, 3);
    await pollUntil(async () => (await applied()).length === 443, { timeoutMs: 30_000, what: 'the few events taken by the standby' });
    const rows = await applied();
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 443 }, (_, n) => n));
    expect(new Set(rows.slice(440).map((row) => row.replica))).toEqual(new Set(['f']));
  });

  it('should have a replica that joined leave without stranding events sent to it', async () => {
    for (const replica of [...replicas]) await stopReplica(replica);
    // A short acknowledgement deadline: an event sent to a replica that stopped listening comes back soon, delivered twice.
    await startReplica('g', { overflowPending: 10, handlerMs: 5, ackWaitMs: 3_000 });
    await startReplica('h', { overflowPending: 10, handlerMs: 5, ackWaitMs: 3_000 });
    const before = await deliveries();
    // A backlog the standby joins, then a trickle while it drains: the standby leaves with events still arriving.
    await publish(443, 200);
    for (let n = 643; n < 843; n += 5) {
      await publish(n, 5);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await pollUntil(async () => (await applied()).length === 843, { timeoutMs: 60_000, what: 'the backlog and the trickle applied' });
    expect((await applied()).map((row) => row.n)).toEqual(Array.from({ length: 843 }, (_, n) => n));
    expect(await deliveries()).toBe(before + 400);
  });
});
