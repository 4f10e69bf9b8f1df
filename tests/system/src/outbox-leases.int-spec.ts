import { z } from 'zod';
import { eventContract } from '@capstan/contracts';
import { Outbox } from '@capstan/messaging';
import { pollUntil } from '@capstan/testing';
import type { DataSource } from 'typeorm';
import { MessagingProbe, type ProbeProcess } from './messaging-probe';

const probe = eventContract('probe.relayed', 1, z.object({ n: z.number().int() }));

interface Replica extends ProbeProcess {
  outbox: Outbox;
}

/**
 * Two replicas' outbox relays over one outbox, against the real Postgres and
 * NATS: the leader relays what either enqueues (woken over NATS, not by its
 * idle poll), and the standby relays once rows grow old because the leader,
 * though it keeps its lease, can no longer reach NATS.
 */
describe('outbox relays led by one replica', () => {
  const messaging = new MessagingProbe();
  let admin: DataSource;
  let leader: Replica;
  let standby: Replica;

  async function startReplica(name: string): Promise<Replica> {
    const peer = await messaging.process(`outbox-leases-${name}`);
    // A long idle poll: only a wake (or the standby's takeover) gets rows out quickly.
    const outbox = new Outbox(peer.dataSource, peer.nats, messaging.subjects, {
      schema: 'probe',
      source: 'probe',
      leases: peer.leases,
      idlePollMs: 60_000,
      standbyAfterSeconds: 1,
    });
    await peer.leases.start();
    outbox.start();
    return { ...peer, outbox };
  }

  const unpublished = async () => Number(((await admin.query(`SELECT count(*)::int AS n FROM probe.outbox WHERE published_at IS NULL`)) as { n: number }[])[0].n);
  const inStream = async () => (await (await standby.nats.jsm()).streams.info(messaging.subjects.eventStream)).state.messages;

  beforeAll(async () => {
    admin = await messaging.open();
    leader = await startReplica('leader');
    standby = await startReplica('standby');
  });

  afterAll(async () => {
    await standby?.outbox.stop();
    await leader?.outbox.stop();
    await messaging.close();
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
