import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { subjectsFor, type Subjects } from '@capstan/contracts';
import { EventConsumers, MessagingRetention, NatsClient, Outbox, RpcClient, RpcServer, WorkLeases } from '@capstan/messaging';
import { isEmbedded, openDataSource, type ServiceDatabaseOptions } from '@capstan/persistence';
import type { ServiceConfig } from './config';
import { deployStepOf, prepareSchema } from './deploy-step';
import { HealthController } from './health.controller';
import { ServiceLifecycle } from './service-lifecycle';
import { ServiceMetrics } from './service-metrics';
import { SERVICE_CONFIG, SUBJECTS } from './tokens';

export interface ServiceCoreOptions {
  config: ServiceConfig;
  schema: string;
  entities: ServiceDatabaseOptions['entities'];
  migrations: ServiceDatabaseOptions['migrations'];
  /** Serve `GET /health` on the service's HTTP port (the gateway has its own). */
  healthRoute?: boolean;
  /** Events each durable consumer handles at once (those with the same key stay in order); default 1. */
  consumerConcurrency?: number;
  /** Most events each consumer applies in one transaction when they queue up; default 1. */
  consumerBatchSize?: number;
}

/**
 * What every back-end service shares: its database (migrated on start unless
 * told not to, and then awaited), one NATS connection, request/reply, the outbox relay, durable
 * event consumers and health.
 */
@Module({})
export class ServiceCoreModule {
  static forService(options: ServiceCoreOptions): DynamicModule {
    const { config, schema } = options;
    return {
      module: ServiceCoreModule,
      global: true,
      controllers: options.healthRoute === false ? [] : [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SUBJECTS, useValue: subjectsFor(config.namespace) },
        { provide: ServiceMetrics, useValue: new ServiceMetrics(config.service) },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = openDataSource({
              schema,
              entities: options.entities,
              migrations: options.migrations,
              databaseUrl: config.databaseUrl,
              poolSize: config.databasePoolSize,
              dataDir: config.dataDir,
            });
            await dataSource.initialize();
            await prepareSchema(dataSource, schema, { migrateOnStart: config.migrateOnStart, step: deployStepOf(), logger: new Logger('Schema') });
            return dataSource;
          },
        },
        {
          provide: NatsClient,
          useFactory: async () => {
            const client = new NatsClient({
              url: config.natsUrl,
              name: `${config.service}:${process.pid}`,
              user: config.natsUser,
              pass: config.natsPass,
              // infra/nats/nats-server.conf lets each service read replies under its own prefix only.
              inboxPrefix: `_INBOX_${config.service}`,
            });
            // A deploy step touches its schema only: the migrations Job signs in to no NATS user.
            if (!deployStepOf()) await client.connect();
            return client;
          },
        },
        {
          provide: RpcServer,
          inject: [NatsClient, SUBJECTS, ServiceMetrics],
          useFactory: (nats: NatsClient, subjects: Subjects, metrics: ServiceMetrics) => new RpcServer(nats, subjects, config.service, metrics),
        },
        {
          provide: RpcClient,
          inject: [NatsClient, SUBJECTS],
          useFactory: (nats: NatsClient, subjects: Subjects) => new RpcClient(nats, subjects, config.rpcTimeoutMs),
        },
        {
          provide: WorkLeases,
          inject: [DataSource],
          // An embedded database has one process by design: nothing to coordinate.
          useFactory: (dataSource: DataSource) => new WorkLeases(dataSource, { schema, coordinate: !isEmbedded(dataSource) }),
        },
        {
          provide: Outbox,
          inject: [DataSource, NatsClient, SUBJECTS, WorkLeases],
          useFactory: (dataSource: DataSource, nats: NatsClient, subjects: Subjects, leases: WorkLeases) =>
            new Outbox(dataSource, nats, subjects, { schema, source: config.service, leases }),
        },
        {
          provide: EventConsumers,
          inject: [DataSource, NatsClient, SUBJECTS, Outbox, ServiceMetrics, WorkLeases],
          useFactory: (dataSource: DataSource, nats: NatsClient, subjects: Subjects, outbox: Outbox, metrics: ServiceMetrics, leases: WorkLeases) => {
            const consumers = new EventConsumers(dataSource, nats, subjects, schema, config.service, {
              afterCommit: () => outbox.wake(),
              concurrency: options.consumerConcurrency ?? 1,
              batchSize: options.consumerBatchSize ?? 1,
              instrumentation: metrics,
              leases,
              overflowPending: config.consumerOverflowPending,
            });
            metrics.watchOutbox(dataSource, schema);
            metrics.watchConsumers(nats, subjects, consumers);
            metrics.watchLeases(leases);
            return consumers;
          },
        },
        {
          provide: MessagingRetention,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new MessagingRetention(dataSource, { schema, outboxDays: config.outboxRetentionDays, inboxDays: config.inboxRetentionDays }),
        },
        ServiceLifecycle,
      ],
      exports: [SERVICE_CONFIG, SUBJECTS, DataSource, NatsClient, RpcServer, RpcClient, Outbox, EventConsumers, ServiceMetrics, WorkLeases, ServiceLifecycle],
    };
  }
}
