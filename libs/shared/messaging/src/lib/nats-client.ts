import { Logger } from '@nestjs/common';
import {
  connect,
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  type StreamConfig,
} from 'nats';
import type { Subjects } from '@capstan/contracts';

export interface NatsClientOptions {
  url: string;
  /** Shown in the server's connection list: the service and its process. */
  name: string;
  user?: string;
  pass?: string;
  /** Replies come to subjects under this prefix (a service's own, so NATS can keep others from reading them). */
  inboxPrefix?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One connection per process, shared by request/reply and JetStream. It
 * reconnects forever with backoff; `connected` feeds the health check.
 */
export class NatsClient {
  private readonly logger = new Logger(NatsClient.name);
  private connection?: NatsConnection;
  private manager?: JetStreamManager;
  connected = false;

  constructor(private readonly options: NatsClientOptions) {}

  async connect(): Promise<void> {
    this.connection = await connect({
      servers: this.options.url,
      name: this.options.name,
      user: this.options.user,
      pass: this.options.pass,
      ...(this.options.inboxPrefix ? { inboxPrefix: this.options.inboxPrefix } : {}),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
      reconnectJitter: 500,
      waitOnFirstConnect: true,
      timeout: 5_000,
    });
    this.connected = true;
    void this.watchStatus(this.connection);
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get js(): JetStreamClient {
    return this.nc.jetstream();
  }

  async jsm(): Promise<JetStreamManager> {
    this.manager ??= await this.nc.jetstreamManager();
    return this.manager;
  }

  /**
   * Creates (or updates) the event stream and the dead-letter stream. Safe to
   * call from every replica. `replicas` copies of each on a clustered NATS.
   */
  async ensureStreams(subjects: Subjects, replicas = 1): Promise<void> {
    await this.ensureStream({
      name: subjects.eventStream,
      subjects: [subjects.allEvents],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(30 * DAY_MS),
      duplicate_window: nanos(2 * 60 * 1000),
      discard: DiscardPolicy.Old,
      num_replicas: replicas,
    });
    await this.ensureStream({
      name: subjects.deadLetterStream,
      subjects: [subjects.deadLetter('>')],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      // No longer than the event stream: a dead letter republished to its subject reaches every consumer of its type, and
      // each service's inbox (which outlasts the event stream) must still know whether it applied the event.
      max_age: nanos(30 * DAY_MS),
      num_replicas: replicas,
    });
  }

  /**
   * Waits until both streams exist, for a service that may not make them (`NATS_MANAGE_STREAMS=false`): the
   * `--ensure-streams` deploy step does, as a user allowed to. `onWait` is told each stream still missing.
   */
  async awaitStreams(subjects: Subjects, onWait: (missing: string[]) => void, intervalMs = 2_000): Promise<void> {
    const jsm = await this.jsm();
    for (let attempt = 0; ; attempt++) {
      const missing: string[] = [];
      for (const name of [subjects.eventStream, subjects.deadLetterStream]) {
        try {
          await jsm.streams.info(name);
        } catch (error) {
          if (!isNotFound(error)) throw error;
          missing.push(name);
        }
      }
      if (!missing.length) return;
      // Told at once, then every half minute or so.
      if (attempt % Math.max(1, Math.round(30_000 / intervalMs)) === 0) onWait(missing);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  async close(): Promise<void> {
    if (!this.connection || this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection?.close());
  }

  private async ensureStream(config: Partial<StreamConfig> & { name: string }): Promise<void> {
    const jsm = await this.jsm();
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add(config).catch(async (addError: unknown) => {
        // Another replica created it between our two calls.
        if (!String(addError).includes('already in use')) throw addError;
      });
    }
  }

  private async watchStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.logger.warn(`NATS disconnected from ${String(status.data)}`);
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.logger.log(`NATS reconnected to ${String(status.data)}`);
      } else if (status.type === 'error') {
        // A refused publish (an ack, a pull, a reply) fails nowhere else: the server's words name the subject.
        this.logger.error(`NATS refused: ${String(status.data)}`);
      }
    }
    this.connected = false;
  }
}

function isNotFound(error: unknown): boolean {
  return String(error).includes('stream not found') || (error as { code?: string }).code === '404';
}
