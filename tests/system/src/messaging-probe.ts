import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { DataSource } from 'typeorm';
import { subjectsFor, type Subjects } from '@capstan/contracts';
import { NatsClient, WorkLeases, consumerAttemptsUp, messagingTablesUp } from '@capstan/messaging';
import { openDataSource } from '@capstan/persistence';
import { createTestDatabase } from '@capstan/testing';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

/** One process of a service, as the messaging library sees it: its own pool, NATS connection and leases. */
export interface ProbeProcess {
  dataSource: DataSource;
  nats: NatsClient;
  leases: WorkLeases;
}

/**
 * For tests of the messaging library against the real Postgres and NATS: a
 * throwaway database whose `probe` schema holds the outbox and inbox, a NATS
 * namespace of its own with its streams, and "processes" of a service over them.
 */
export class MessagingProbe {
  readonly subjects: Subjects = subjectsFor(`it${randomUUID().slice(0, 8)}`);
  private database?: Awaited<ReturnType<typeof createTestDatabase>>;
  private readonly opened: DataSource[] = [];
  private readonly connections: NatsClient[] = [];
  private readonly leases: WorkLeases[] = [];

  /** The database with the schema and tables, `tableSql` after the messaging tables; the streams. */
  async open(...tableSql: string[]): Promise<DataSource> {
    this.database = await createTestDatabase();
    const admin = await this.dataSource();
    await admin.query(`CREATE SCHEMA probe`);
    for (const sql of [...messagingTablesUp('probe'), ...consumerAttemptsUp('probe'), ...tableSql]) await admin.query(sql);
    await (await this.nats('probe-admin')).ensureStreams(this.subjects);
    return admin;
  }

  async dataSource(): Promise<DataSource> {
    if (!this.database) throw new Error('open() the probe first');
    const dataSource = openDataSource({ schema: 'probe', entities: [], migrations: [], databaseUrl: this.database.url, dataDir: tmpdir() });
    await dataSource.initialize();
    this.opened.push(dataSource);
    return dataSource;
  }

  async nats(name: string): Promise<NatsClient> {
    const nats = new NatsClient({ url: NATS_URL, name });
    await nats.connect();
    this.connections.push(nats);
    return nats;
  }

  /** A process whose leases are checked every 100 ms (and already tried for once). */
  async process(name: string): Promise<ProbeProcess> {
    const dataSource = await this.dataSource();
    const nats = await this.nats(name);
    const leases = new WorkLeases(dataSource, { schema: 'probe', coordinate: true, checkIntervalMs: 100 });
    this.leases.push(leases);
    return { dataSource, nats, leases };
  }

  /** Stops what is left, deletes the streams and drops the database. */
  async close(): Promise<void> {
    for (const leases of this.leases) await leases.stop();
    const admin = await this.nats('probe-cleanup');
    const jsm = await admin.jsm();
    for (const stream of [this.subjects.eventStream, this.subjects.deadLetterStream]) await jsm.streams.delete(stream).catch(() => undefined);
    for (const nats of this.connections) await nats.close().catch(() => undefined);
    for (const dataSource of this.opened) if (dataSource.isInitialized) await dataSource.destroy();
    await this.database?.drop();
  }
}
