import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventContract } from '@capstan/contracts';
import { EventConsumers, encodeJson, type NatsClient } from '@capstan/messaging';
import { pollUntil } from '@capstan/testing';
import type { DataSource } from 'typeorm';
import { MessagingProbe, type ProbeProcess } from './messaging-probe';

const probe = eventContract('probe.kept', 1, z.object({ n: z.number().int() }));

/**
 * A durable consumer deleted under a running service (a broker's storage lost,
 * an operator's slip): the service puts it back and applies what is published
 * after, rather than waiting for someone else to restore it.
 */
describe('a durable consumer deleted under its service', () => {
  const messaging = new MessagingProbe();
  let admin: DataSource;
  let publisher: NatsClient;
  let peer: ProbeProcess;
  let consumers: EventConsumers;

  const publish = async (n: number) => {
    const event = { id: randomUUID(), type: probe.type, version: 1, source: 'test', occurredAt: new Date().toISOString(), payload: { n } };
    await publisher.js.publish(messaging.subjects.event(probe.type), encodeJson(event), { msgID: event.id });
  };
  const applied = async () => ((await admin.query(`SELECT n FROM probe.applied ORDER BY n`)) as { n: number }[]).map((row) => row.n);

  beforeAll(async () => {
    admin = await messaging.open(`CREATE TABLE probe.applied (n int PRIMARY KEY)`);
    publisher = await messaging.nats('consumer-recreated-publisher');
    peer = await messaging.process('consumer-recreated');
    consumers = new EventConsumers(peer.dataSource, peer.nats, messaging.subjects, 'probe', 'probe', {});
    consumers.on(probe, async (event, manager) => {
      await manager.query(`INSERT INTO probe.applied (n) VALUES ($1)`, [event.payload.n]);
    });
    await consumers.start();
  });

  afterAll(async () => {
    await consumers?.stop();
    await messaging.close();
  });

  it('should put the consumer back and apply the events published after', async () => {
    await publish(1);
    await pollUntil(async () => ((await applied()).includes(1) ? true : undefined), { what: 'the first event applied' });
    const jsm = await publisher.jsm();
    await jsm.consumers.delete(messaging.subjects.eventStream, 'probe__probe_kept');
    await pollUntil(
      async () => {
        try {
          await jsm.consumers.info(messaging.subjects.eventStream, 'probe__probe_kept');
          return true;
        } catch {
          return undefined;
        }
      },
      { timeoutMs: 20_000, what: 'the service to put its consumer back' },
    );
    await publish(2);
    await pollUntil(async () => ((await applied()).includes(2) ? true : undefined), { timeoutMs: 20_000, what: 'the event published after applied' });
  });
});
