import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { WorkLeases } from '@capstan/messaging';
import { PosturesService } from './postures.service';

/**
 * Time alone changes postures: a hold period ends, evidence lapses. Every
 * `SCORING_REVIEW_INTERVAL_MS` the initiatives whose review time has come are
 * evaluated again, by the replica leading `review-sweep`, and so is any posture
 * still by a model other than the active one (a re-score cut short).
 */
@Injectable()
export class ReviewSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReviewSweep.name);
  private stop?: () => Promise<void>;
  private readonly intervalMs = Number(process.env['SCORING_REVIEW_INTERVAL_MS'] ?? 60_000);

  constructor(
    private readonly postures: PosturesService,
    private readonly leases: WorkLeases,
  ) {
    if (!Number.isInteger(this.intervalMs) || this.intervalMs < 100) {
      throw new Error('Invalid configuration for scoring: SCORING_REVIEW_INTERVAL_MS must be a whole number of milliseconds, at least 100');
    }
  }

  onApplicationBootstrap(): void {
    this.stop = this.leases.every('review-sweep', this.intervalMs, () => this.tick());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop?.();
  }

  private async tick(): Promise<void> {
    try {
      while ((await this.postures.reviewDue()) > 0) {
        // Keep going while whole batches come back.
      }
      const rescored = await this.postures.rescoreByOlderModels();
      if (rescored) this.logger.log(`Re-scored ${rescored} initiative(s) whose posture an older model gave`);
    } catch (error) {
      this.logger.warn(`Review sweep failed: ${String(error)}`);
    }
  }
}
