import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { WorkLeases } from '@capstan/messaging';
import { PlansService } from './plans.service';

/**
 * Keeps the draft plan current: every `SEQUENCING_REFRESH_INTERVAL_MS` it
 * recomputes the draft if an input changed since (the mark is written with the
 * change itself, so a restart loses nothing). With several replicas only the
 * one leading `draft-refresh` ticks: each replica ticking on its own clock
 * would recompute the draft as often as there are replicas.
 */
@Injectable()
export class DraftRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DraftRefresher.name);
  private stop?: () => Promise<void>;
  private readonly intervalMs = Number(process.env['SEQUENCING_REFRESH_INTERVAL_MS'] ?? 1_000);

  constructor(
    private readonly plans: PlansService,
    private readonly leases: WorkLeases,
  ) {
    if (!Number.isInteger(this.intervalMs) || this.intervalMs < 100) {
      throw new Error('Invalid configuration for sequencing: SEQUENCING_REFRESH_INTERVAL_MS must be a whole number of milliseconds, at least 100');
    }
  }

  onApplicationBootstrap(): void {
    this.stop = this.leases.every('draft-refresh', this.intervalMs, () => this.tick());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop?.();
  }

  private async tick(): Promise<void> {
    try {
      await this.plans.refreshDraft();
    } catch (error) {
      this.logger.warn(`Draft refresh failed: ${String(error)}`);
    }
  }
}
