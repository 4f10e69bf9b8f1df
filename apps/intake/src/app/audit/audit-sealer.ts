import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkLeases } from '@capstan/messaging';
import { CHAINED_COLUMNS_SQL, GENESIS_HASH, chainHash, type ChainedRecord } from './audit-chain';

export const AUDIT_SEAL_INTERVAL_MS = Symbol('AUDIT_SEAL_INTERVAL_MS');

/**
 * Seals new audit records into the hash chain, in the background: writers only
 * append (no lock on the hot path); the replica leading `audit-seal` seals, in
 * insertion order, under an advisory lock (which keeps it to one at a time
 * during a handover too).
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private stop?: () => Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUDIT_SEAL_INTERVAL_MS) private readonly intervalMs: number,
    private readonly leases: WorkLeases,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = this.leases.every('audit-seal', this.intervalMs, () =>
      this.sealPending().catch((error: unknown) => this.logger.warn(`Sealing the audit trail failed: ${String(error)}`)),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop?.();
  }

  /** Seals up to `batch` records; returns how many. */
  async sealPending(batch = 1_000): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('intake.audit-seal')) AS locked`)) as { locked: boolean }[];
      if (!locked) return 0;
      const pending = (await manager.query(
        `SELECT ${CHAINED_COLUMNS_SQL} FROM intake.audit_trail WHERE chain_seq IS NULL ORDER BY id LIMIT $1`,
        [batch],
      )) as ChainedRecord[];
      if (!pending.length) return 0;
      const [last] = (await manager.query(`SELECT chain_seq::text AS seq, hash FROM intake.audit_trail WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`)) as {
        seq: string;
        hash: string;
      }[];
      let seq = last ? BigInt(last.seq) : 0n;
      let previous = last?.hash ?? GENESIS_HASH;
      for (const record of pending) {
        seq += 1n;
        const hash = chainHash(previous, record);
        await manager.query(`UPDATE intake.audit_trail SET chain_seq = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [record.id, seq.toString(), previous, hash]);
        previous = hash;
      }
      return pending.length;
    });
  }
}
