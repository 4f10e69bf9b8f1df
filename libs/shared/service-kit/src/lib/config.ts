import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const serviceEnvSchema = z.object({
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_USER: z.string().optional(),
  NATS_PASS: z.string().optional(),
  CAPSTAN_NAMESPACE: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lower-case letters, digits, "_" or "-"').default('capstan'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  // Leases hold one connection for as long as the process runs, and a transaction may wait on another: three at least.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(3).max(500).default(10),
  CAPSTAN_DATA_DIR: z.string().default('.capstan/data'),
  CAPSTAN_MIGRATE: booleanFlag.default(true),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  HOST: z.string().default('127.0.0.1'),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(7),
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(31, 'must be longer than the event stream keeps events (30 days)').default(45),
  NATS_STREAM_REPLICAS: z.coerce.number().int().refine((n) => [1, 3, 5].includes(n), 'must be 1, 3 or 5').default(1),
  NATS_MANAGE_STREAMS: booleanFlag.default(true),
  CONSUMER_OVERFLOW_PENDING: z.coerce.number().int().min(1).default(256),
});

export interface ServiceConfig {
  service: string;
  natsUrl: string;
  natsUser?: string;
  natsPass?: string;
  namespace: string;
  databaseUrl?: string;
  /** Connections this process keeps to Postgres (ignored on embedded PGlite, which has one). */
  databasePoolSize: number;
  dataDir: string;
  migrateOnStart: boolean;
  rpcTimeoutMs: number;
  host: string;
  port: number;
  /** Copies JetStream keeps of each stream: 3 on a NATS cluster of three or more. */
  streamReplicas: number;
  /**
   * Whether the service creates and updates the streams at start. Where NATS users are allow-lists (compose, the
   * cluster) it may not: the `--ensure-streams` step does it as the operators' user, and the service waits for them.
   */
  manageStreams: boolean;
  outboxRetentionDays: number;
  inboxRetentionDays: number;
  /** Undelivered events at which replicas that do not lead a durable consumer join it. */
  consumerOverflowPending: number;
}

/**
 * Reads and validates the environment once at boot. A bad value stops start-up
 * with a message that names the variable.
 */
export function loadServiceConfig(service: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const portVariable = `${service.toUpperCase().replace(/-/g, '_')}_PORT`;
  const parsed = serviceEnvSchema.extend({ [portVariable]: z.coerce.number().int().min(0).max(65_535).default(defaultPort) }).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration for ${service}: ${problems}`);
  }
  const values = parsed.data as z.infer<typeof serviceEnvSchema> & Record<string, number>;
  return {
    service,
    natsUrl: values.NATS_URL,
    natsUser: values.NATS_USER,
    natsPass: values.NATS_PASS,
    namespace: values.CAPSTAN_NAMESPACE,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    dataDir: resolve(values.CAPSTAN_DATA_DIR),
    migrateOnStart: values.CAPSTAN_MIGRATE,
    rpcTimeoutMs: values.RPC_TIMEOUT_MS,
    host: values.HOST,
    port: values[portVariable],
    streamReplicas: values.NATS_STREAM_REPLICAS,
    manageStreams: values.NATS_MANAGE_STREAMS,
    outboxRetentionDays: values.OUTBOX_RETENTION_DAYS,
    inboxRetentionDays: values.INBOX_RETENTION_DAYS,
    consumerOverflowPending: values.CONSUMER_OVERFLOW_PENDING,
  };
}
