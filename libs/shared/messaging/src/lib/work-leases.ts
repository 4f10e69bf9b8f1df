import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface WorkLeasesOptions {
  /** The service's schema: leases are per service. */
  schema: string;
  /**
   * False for a database only this process uses (embedded PGlite): it holds
   * every lease and nothing is coordinated.
   */
  coordinate: boolean;
  /** How often a process tries for the leases it lacks (and checks those it holds). */
  checkIntervalMs?: number;
}

/** A pg pool client, as far as leases use it. */
interface LeaseConnection {
  query(sql: string | { text: string; values?: unknown[]; query_timeout: number }, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  on(event: 'error', listener: (error: Error) => void): void;
  release(destroy: boolean): void;
}

/**
 * Which replica leads each piece of shared background work — the outbox
 * relay, each durable event consumer. A lease is a Postgres session advisory
 * lock held on a connection of this process's own: when the process dies,
 * its connection closes, the locks go with it, and another replica takes them
 * at its next check. That connection is taken from the service's pool for
 * as long as the process coordinates (one of its `poolSize`).
 *
 * Leases decide who works by default, never whether the work is correct:
 * relays and consumers are safe in several processes at once, and replicas
 * that do not lead a consumer join it while its backlog grows (see
 * EventConsumers). Why lead at all: split evenly between replicas, the same
 * events are applied in batches half the size, for more commits and more
 * processing per event (measured: a quarter of the throughput on two cores).
 */
export class WorkLeases {
  private readonly logger = new Logger(WorkLeases.name);
  private readonly wanted = new Set<string>();
  private readonly held = new Set<string>();
  private connection?: LeaseConnection;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WorkLeasesOptions,
  ) {}

  /** Whether several processes may share this service's work (and so its leases matter). */
  get coordinating(): boolean {
    return this.options.coordinate;
  }

  get checkIntervalMs(): number {
    return this.options.checkIntervalMs ?? 1_000;
  }

  /** How long the lease connection may go unanswered, or unused, before its leases are given up. */
  private get answerWithinMs(): number {
    return Math.max(10_000, 10 * this.checkIntervalMs);
  }

  /** Registers a piece of work to lead; it is tried for at the next check (or `start`). */
  want(name: string): void {
    this.wanted.add(name);
  }

  /**
   * Scheduled work that should happen once per interval across replicas, not
   * once per replica: runs `tick` every `intervalMs` in the replica leading
   * `name`, never overlapping a tick still running. `tick` handles its own
   * errors. Returns a stop that waits for the running tick.
   */
  every(name: string, intervalMs: number, tick: () => Promise<unknown>): () => Promise<void> {
    this.want(name);
    // Registered after `start`: tried for now rather than at the next check.
    if (this.timer) void this.check();
    let running: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      if (!this.holds(name)) return;
      running ??= tick()
        .catch((error: unknown) => this.logger.warn(`${name} failed: ${String(error)}`))
        .finally(() => (running = undefined));
    }, intervalMs);
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  /** The pieces of work registered, held or not. */
  work(): string[] {
    return [...this.wanted];
  }

  holds(name: string): boolean {
    return !this.options.coordinate || this.held.has(name);
  }

  /** Tries for the leases once (so a lone replica leads from its first moment), then every check interval. */
  async start(): Promise<void> {
    if (!this.options.coordinate) return;
    this.stopped = false;
    await this.check();
    this.timer = setInterval(() => void this.check(), this.checkIntervalMs);
    this.timer.unref();
  }

  /** Gives every lease up at once (closing the connection), for the other replicas to take. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.checking;
    this.drop();
  }

  private check(): Promise<void> {
    this.checking ??= this.tryForLeases().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async tryForLeases(): Promise<void> {
    if (this.stopped) return;
    try {
      const connection = this.connection ?? (await this.connect());
      const missing = [...this.wanted].filter((name) => !this.held.has(name));
      if (!missing.length) {
        // Nothing to take: make sure the connection (and so the locks) is still there. A connection that no longer
        // answers (half-open, after a failover) is given up, not trusted until the kernel notices.
        await connection.query({ text: 'SELECT 1', query_timeout: this.answerWithinMs });
        return;
      }
      const { rows } = await connection.query({
        text: `SELECT name, pg_try_advisory_lock(hashtext('capstan.work-lease'), hashtext($1 || '.' || name)) AS taken FROM unnest($2::text[]) AS name`,
        values: [this.options.schema, missing],
        query_timeout: this.answerWithinMs,
      });
      for (const row of rows) if (row['taken'] === true) this.held.add(String(row['name']));
    } catch (error) {
      if (this.connection) this.logger.warn(`Lost the work leases' connection (${String(error)}); trying again`);
      this.drop();
    }
  }

  private async connect(): Promise<LeaseConnection> {
    const pool = (this.dataSource.driver as unknown as { master: { connect(): Promise<LeaseConnection> } }).master;
    const connection = await pool.connect();
    // This process asks every check: a session silent for ten checks belongs to a process whose host died or was cut
    // off, with no socket closed to tell Postgres. Postgres ends it then, and its leases pass to another replica, instead
    // of after the kernel's keepalive gives up (two hours by default).
    try {
      await connection.query({ text: `SET idle_session_timeout = ${this.answerWithinMs}`, query_timeout: this.answerWithinMs });
    } catch (error) {
      connection.release(true);
      throw error;
    }
    // An idle connection that breaks reports it here; the locks are gone with it.
    connection.on('error', (error) => {
      if (this.connection !== connection) return;
      this.logger.warn(`Lost the work leases' connection (${error.message})`);
      this.drop();
    });
    this.connection = connection;
    return connection;
  }

  private drop(): void {
    this.held.clear();
    const connection = this.connection;
    this.connection = undefined;
    // Destroyed, not returned to the pool: a pooled connection would keep the locks.
    connection?.release(true);
  }
}
