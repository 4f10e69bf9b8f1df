import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventContract } from '@capstan/contracts';
import { Outbox } from '@capstan/messaging';
import { pollUntil } from '@capstan/testing';
import type { DataSource } from 'typeorm';
import { MessagingProbe, type ProbeProcess } from './messaging-probe';

const probe = eventContract('probe.stuck', 1, z.object({ n: z.number().int(), padding: z.string().optional() }));

/**
 * An outbox row NATS refuses (larger than the broker takes): the rows behind it
 * wait, in order, and the relay retries the refused row alone, rather than
 * publishing every row behind it again at each retry.
 */
describe('an outbox row that cannot be published', () => {
  const messaging = new MessagingProbe();
  let admin: DataSource;
  let peer: ProbeProcess;
  let outbox: Outbox;

  beforeAll(async () => {
    admin = await messaging.open();
    peer = await messaging.process('outbox-stuck');
    outbox = new Outbox(peer.dataSource, peer.nats, messaging.subjects, { schema: 'probe', source: 'probe', idlePollMs: 50 });
  });

  afterAll(async () => {
    await outbox?.stop();
    await messaging.close();
  });

  it('should retry the refused row alone, naming it, and publish the rows behind it no more than once', async () => {
    const published: number[] = [];
    const seen = peer.nats.nc.subscribe(messaging.subjects.event(probe.type), {
      callback: (_error, message) => published.push((message.json() as { payload: { n: number } }).payload.n),
    });
    // Larger than the broker's largest message (1 MiB by default).
    const tooLarge = { id: randomUUID(), type: probe.type, version: 1, source: 'probe', occurredAt: new Date().toISOString(), payload: { n: 0, padding: 'x'.repeat(2 * 1024 * 1024) } };
    await admin.query(`INSERT INTO probe.outbox (id, type, envelope) VALUES ($1, $2, $3)`, [tooLarge.id, tooLarge.type, JSON.stringify(tooLarge)]);
    for (let n = 1; n <= 5; n++) await outbox.transaction((manager) => outbox.enqueue(manager, probe, { n }));

    outbox.start();
    // Several retries (backing off from 0.4 s).
    await pollUntil(async () => (outbox.lastError && published.length >= 5 ? true : undefined), { what: 'the first attempt' });
    await new Promise((done) => setTimeout(done, 3_500));
    seen.unsubscribe();
    expect(published.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(outbox.lastError).toContain(`event probe.stuck ${tooLarge.id}`);
    // Nothing behind the refused row counts as sent: order is kept, and they go once it does.
    const [{ n }] = (await admin.query(`SELECT count(*)::int AS n FROM probe.outbox WHERE published_at IS NULL`)) as { n: number }[];
    expect(n).toBe(6);
  });
});
