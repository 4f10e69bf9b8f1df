import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { healthRpc, type HealthReport, type Subjects } from '@capstan/contracts';
import { EventConsumers, MessagingRetention, NatsClient, Outbox, RpcServer, WorkLeases } from '@capstan/messaging';
import type { ServiceConfig } from './config';
import { SERVICE_CONFIG, SUBJECTS } from './tokens';

/**
 * Starts the service's messaging once every module has registered its
 * handlers, and stops it in the reverse order: no new work first, then the
 * relay, then the connections.
 */
@Injectable()
export class ServiceLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ServiceLifecycle.name);
  private pruner?: NodeJS.Timeout;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    private readonly dataSource: DataSource,
    private readonly nats: NatsClient,
    private readonly rpc: RpcServer,
    private readonly outbox: Outbox,
    private readonly consumers: EventConsumers,
    private readonly retention: MessagingRetention,
    private readonly leases: WorkLeases,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.manageStreams) {
      await this.nats.ensureStreams(this.subjects, this.config.streamReplicas);
    } else {
      await this.nats.awaitStreams(this.subjects, (missing) =>
        this.logger.warn(`waiting for the stream(s) ${missing.join(', ')}: run the --ensure-streams step as the operators' NATS user`),
      );
    }
    this.rpc.handle(healthRpc(this.config.service), () => this.health());
    // Leases first: a replica that starts alone leads its relay and consumers from the start.
    await this.leases.start();
    this.outbox.start();
    await this.consumers.start();
    this.startPruning();
    this.logger.log(`${this.config.service} ready on NATS namespace "${this.config.namespace}"`);
  }

  /**
   * Nest calls this global module's hook after the feature modules' own `beforeApplicationShutdown`: the services'
   * background work (sweeps, imports, conversions, webhook sends) stops there, with the database and NATS still open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.pruner);
    this.rpc.close();
    await this.consumers.stop();
    await this.outbox.stop();
    // Handed over at once rather than when the connection times out.
    await this.leases.stop();
    await this.nats.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** Prunes the outbox and inbox hourly (and soon after start), in the background. */
  private startPruning(): void {
    const prune = () => void this.retention.pruneOnce().catch((error: unknown) => this.logger.warn(`Pruning the outbox and inbox failed: ${String(error)}`));
    setTimeout(prune, 60_000).unref();
    this.pruner = setInterval(prune, 60 * 60_000);
    this.pruner.unref();
  }

  async health(): Promise<HealthReport> {
    const database = await this.databaseUp();
    const nats = this.nats.connected;
    return {
      service: this.config.service,
      status: database && nats ? 'up' : 'down',
      checks: { database: database ? 'up' : 'down', nats: nats ? 'up' : 'down' },
    };
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000)),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
