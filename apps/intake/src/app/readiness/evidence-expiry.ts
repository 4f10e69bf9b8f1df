import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessEvents } from '@capstan/contracts';
import type { CriterionId } from '@capstan/domain';
import { Outbox, WorkLeases, firstResultSet } from '@capstan/messaging';
import { appendAudit } from '../audit/audit-trail';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';

/**
 * Announces lapsed evidence: the criterion then counts as absent and scoring
 * re-evaluates. Runs on an interval and on request (`asOf` is the clock, so
 * tests and operators can run it for any moment). Claiming rows with one
 * UPDATE makes each lapse announced once, across ticks and replicas; the
 * replica leading `evidence-expiry` is the one that ticks.
 */
@Injectable()
export class EvidenceExpirySweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EvidenceExpirySweep.name);
  private stop?: () => Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    private readonly leases: WorkLeases,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = this.leases.every('evidence-expiry', this.config.evidenceSweepIntervalMs, () =>
      this.sweep(new Date()).catch((error: unknown) => this.logger.warn(`Evidence sweep failed: ${String(error)}`)),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop?.();
  }

  async sweep(asOf: Date): Promise<number> {
    const expired = await this.dataSource.transaction(async (manager) => {
      const rows = firstResultSet<{ initiative_id: string; criterion_id: CriterionId; expires_at: Date }>(
        await manager.query(
          // Never past the database's now: the request's check allows for clock skew, and a lapse announced early
          // would be on record as having happened, and not announced again when it does.
          `UPDATE intake.evidence SET expiry_announced_at = LEAST($1::timestamptz, now())
           WHERE expires_at <= LEAST($1::timestamptz, now()) AND expiry_announced_at IS NULL
           RETURNING initiative_id, criterion_id, expires_at`,
          [asOf],
        ),
      );
      for (const row of rows) {
        const expiredAt = new Date(row.expires_at).toISOString();
        await appendAudit(manager, {
          initiativeId: row.initiative_id,
          actor: 'system:evidence-sweep',
          action: 'evidence.expired',
          changes: [{ field: `criteria.${row.criterion_id}.status`, from: 'attested', to: 'absent (expired)' }],
        });
        await this.outbox.enqueue(manager, ReadinessEvents.evidenceExpired, {
          initiativeId: row.initiative_id,
          criterionId: row.criterion_id,
          expiredAt,
        });
      }
      return rows.length;
    });
    if (expired) {
      this.outbox.wake();
      this.logger.log(`${expired} evidence attestation(s) expired as of ${asOf.toISOString()}`);
    }
    return expired;
  }
}
