import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { subjectsFor } from '@capstan/contracts';
import { NatsClient } from '@capstan/messaging';
import { migrate, revertLastMigration, untilMigrated } from '@capstan/persistence';
import type { ServiceConfig } from './config';

/**
 * What a process does when started as a step of a deployment rather than to
 * serve: apply its schema's migrations (the migrations Job), wait until
 * they are applied (an init container, so a new version never serves an old
 * schema), undo the newest one (a rollback; docs/deployment.md), or create
 * and update the JetStream streams (the migrations Job, as the operators'
 * NATS user: the services' users may not). Only the last connects to NATS.
 */
export type DeployStep = 'migrate' | 'await-migrations' | 'revert-last-migration' | 'ensure-streams';

const FLAGS: Readonly<Record<string, DeployStep>> = {
  '--migrate-only': 'migrate',
  '--await-migrations': 'await-migrations',
  '--revert-last-migration': 'revert-last-migration',
  '--ensure-streams': 'ensure-streams',
};

export function deployStepOf(argv: readonly string[] = process.argv): DeployStep | undefined {
  const steps = argv.filter((arg) => arg in FLAGS).map((arg) => FLAGS[arg]);
  if (new Set(steps).size > 1) throw new Error(`Give one of ${Object.keys(FLAGS).join(', ')}, not several`);
  return steps[0];
}

/**
 * Brings the schema to this build's migrations, or waits for it to be:
 * a deploy step does what it says whatever `CAPSTAN_MIGRATE` is; a serving
 * process migrates when `CAPSTAN_MIGRATE` allows it and otherwise waits.
 */
export async function prepareSchema(dataSource: DataSource, schema: string, options: { migrateOnStart: boolean; step?: DeployStep; logger: Logger }): Promise<void> {
  const { step, logger } = options;
  if (step === 'revert-last-migration') {
    const reverted = await revertLastMigration(dataSource, schema);
    logger.log(reverted ? `${schema}: reverted ${reverted}` : `${schema}: no migration to revert`);
    return;
  }
  if (step === 'migrate' || (step === undefined && options.migrateOnStart)) {
    const applied = await migrate(dataSource, schema);
    if (applied.length) logger.log(`${schema}: applied ${applied.join(', ')}`);
    return;
  }
  const waited = await untilMigrated(dataSource, schema, (pending) =>
    logger.warn(`${schema}: waiting for ${pending.length} migration(s) to be applied (${pending.join(', ')}): run the migrations Job or --migrate-only`),
  );
  if (waited) logger.log(`${schema}: migrations applied; starting`);
}

/** How long the streams step keeps trying: NATS may still be forming its cluster, or still run an earlier version's users. */
const ENSURE_STREAMS_FOR_MS = 10 * 60_000;

/**
 * The `--ensure-streams` step: the streams made or brought to this build's settings, with nothing else started.
 * Tried again every few seconds for up to ten minutes: a cluster without a JetStream leader yet answers "temporarily
 * unavailable", and a NATS still running an earlier version's users lets the request time out (a refused publish
 * fails nowhere else). Each failure is logged with what to look at.
 */
export async function ensureStreams(config: ServiceConfig, logger: Logger, forMs = ENSURE_STREAMS_FOR_MS, everyMs = 5_000): Promise<void> {
  const deadline = Date.now() + forMs;
  for (;;) {
    try {
      return await ensureStreamsOnce(config, logger);
    } catch (error) {
      if (Date.now() + everyMs > deadline) throw error;
      logger.warn(
        `could not make the streams yet (${String(error)}): trying again in ${everyMs / 1000} s. Is NATS up, with a JetStream leader, and running this version's users (the operators' user may create and update the streams)?`,
      );
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}

async function ensureStreamsOnce(config: ServiceConfig, logger: Logger): Promise<void> {
  const nats = new NatsClient({
    url: config.natsUrl,
    name: `${config.service}:ensure-streams:${process.pid}`,
    user: config.natsUser,
    pass: config.natsPass,
    // The operators' user reads replies under its own prefix only (infra/nats/nats-server.conf).
    ...(config.natsUser ? { inboxPrefix: `_INBOX_${config.natsUser}` } : {}),
  });
  await nats.connect();
  try {
    const subjects = subjectsFor(config.namespace);
    await nats.ensureStreams(subjects, config.streamReplicas);
    logger.log(`streams ${subjects.eventStream} and ${subjects.deadLetterStream} ready (${config.streamReplicas} replica(s) each)`);
  } finally {
    await nats.close();
  }
}
