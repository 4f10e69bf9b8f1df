import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ServiceConfig } from './config';
import { startTracing } from '@capstan/messaging';
import { deployStepOf, ensureStreams } from './deploy-step';
import { createLogger } from './logger';

/**
 * Boots a back-end service: NATS for its real work, a small HTTP port for
 * health. Started as a deploy step (`--migrate-only`, `--await-migrations`,
 * `--revert-last-migration`) it does that to its schema and exits;
 * `--ensure-streams` makes the streams and exits.
 */
export async function bootstrapService(module: Type | DynamicModule, config: ServiceConfig): Promise<void> {
  const logger = new Logger('Bootstrap');
  const step = deployStepOf();
  if (step === 'ensure-streams') return ensureStreams(config, logger);
  const tracing = step ? undefined : startTracing(config.service);
  process.once('beforeExit', () => void tracing?.shutdown());
  const app = await NestFactory.create(module, { logger: createLogger(config.service) });
  app.enableShutdownHooks();
  if (step) {
    logger.log(`${config.service}: ${step} done`);
    await app.close();
    return;
  }
  await app.listen(config.port, config.host);
  logger.log(`${config.service} health on ${await app.getUrl()}/health`);
}
