import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ServiceConfig } from './config';
import { startTracing } from '@capstan/messaging';
import { createLogger } from './logger';

/**
 * Boots a back-end service: NATS for its real work, a small HTTP port for
 * health. `--migrate-only` applies migrations and exits (a deploy step).
 */
export async function bootstrapService(module: Type | DynamicModule, config: ServiceConfig): Promise<void> {
  const logger = new Logger('Bootstrap');
  const migrateOnly = process.argv.includes('--migrate-only');
  const tracing = migrateOnly ? undefined : startTracing(config.service);
  process.once('beforeExit', () => void tracing?.shutdown());
  const app = await NestFactory.create(module, { logger: createLogger(config.service) });
  app.enableShutdownHooks();
  if (migrateOnly) {
    logger.log(`${config.service}: migrations applied`);
    await app.close();
    return;
  }
  await app.listen(config.port, config.host);
  logger.log(`${config.service} health on ${await app.getUrl()}/health`);
}
