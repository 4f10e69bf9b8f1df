import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkLeases } from '@capstan/messaging';
import { PlansService } from './plans.service';

/**
 * Keeps the draft plan current: every `SEQUENCING_REFRESH_INTERVAL_MS` it
 * recomputes the draft if an input changed since (the mark is written with the
 * change itself, so a restart loses nothing). With several replicas only the
 * one leading `draft-refresh` ticks: each replica ticking on its own clock
 * would recompute the draft as often as there are replicas.
 */
const DRAFT_REFRESH = 'draft-refresh';

@Injectable()
export class DraftRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DraftRefresher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly intervalMs = Number(process.env['SEQUENCING_REFRESH_INTERVAL_MS'] ?? 1_000);

  constructor(
    private readonly plans: PlansService,
    private readonly leases: WorkLeases,
  ) {
    leases.want(DRAFT_REFRESH);
    if (!Number.isInteger(this.intervalMs) || this.intervalMs < 100) {
      throw new Error('Invalid configuration for sequencing: SEQUENCING_REFRESH_INTERVAL_MS must be a whole number of milliseconds, at least 100');
    }
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.leases.holds(DRAFT_REFRESH)) return;
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      await this.plans.refreshDraft();
    } catch (error) {
      this.logger.warn(`Draft refresh failed: ${String(error)}`);
    }
  }
}
