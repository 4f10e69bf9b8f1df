import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect } from 'nats';
import { subjectsFor } from '@capstan/contracts';
import { RunningSystem } from './system';
import { createTestDatabase } from './test-database';
import { freePort } from './free-port';

export interface TestSystem {
  system: RunningSystem;
  databaseUrl: string;
  natsUrl: string;
  namespace: string;
  jwtSecret: string;
  teardown(): Promise<void>;
}

/**
 * A whole Capstan system for one test file: its own database on the real
 * Postgres, its own NATS namespace (subjects and streams) on the real broker,
 * and the five built services on free ports.
 */
export async function startTestSystem(
  root: string,
  extraEnv: Record<string, string> = {},
  options: { natsUrl?: string; adminDatabaseUrl?: string } = {},
): Promise<TestSystem> {
  const natsUrl = options.natsUrl ?? process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
  const database = await createTestDatabase(options.adminDatabaseUrl);
  const namespace = `it${database.name.replace('capstan_it_', '')}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const system = new RunningSystem({
    root,
    databaseUrl: database.url,
    natsUrl,
    namespace,
    jwtSecret,
    gatewayPort: await freePort(),
    logDir: join(root, 'test-artifacts', 'logs', namespace),
    extraEnv,
  });
  try {
    await system.startAll();
  } catch (error) {
    await system.stopAll();
    throw error;
  }
  return {
    system,
    databaseUrl: database.url,
    natsUrl,
    namespace,
    jwtSecret,
    async teardown() {
      await system.stopAll();
      await database.drop();
      await deleteStreams(natsUrl, namespace);
    },
  };
}

async function deleteStreams(natsUrl: string, namespace: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    const subjects = subjectsFor(namespace);
    for (const stream of [subjects.eventStream, subjects.deadLetterStream]) {
      await jsm.streams.delete(stream).catch(() => undefined);
    }
  } finally {
    await nc.close();
  }
}
