import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { IdempotencyStore } from './idempotency.store';

/**
 * Keys are kept 24 hours, then only a repeat of the same key would reuse the
 * row: a client sending a fresh key with every write (as it should) would grow
 * the table, stored answers and all, for ever. Expired keys are deleted here.
 */
@Injectable()
export class IdempotencyPruner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPruner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => (this.running ??= this.prune().finally(() => (this.running = undefined))), this.config.idempotencyPruneIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes every expired key, a batch at a time so no statement holds many locks for long. */
  private async prune(): Promise<void> {
    try {
      let total = 0;
      for (let deleted = await this.store.pruneExpired(); deleted > 0; deleted = await this.store.pruneExpired()) total += deleted;
      if (total) this.logger.log(`Deleted ${total} expired Idempotency-Key record(s)`);
    } catch (error) {
      this.logger.warn(`Pruning expired Idempotency-Key records failed: ${String(error)}`);
    }
  }
}
