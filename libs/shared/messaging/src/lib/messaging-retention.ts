import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface RetentionOptions {
  schema: string;
  /** Published outbox rows are kept this long (to replay or reconcile from), then deleted. */
  outboxDays: number;
  /**
   * Inbox rows are kept this long. It must outlast the event stream's own
   * retention (30 days): an event JetStream could still deliver again must
   * still find its inbox row, or it would take effect twice.
   */
  inboxDays: number;
  /** Rows deleted per statement, so a prune never holds long locks. */
  batchSize?: number;
}

/** The event stream keeps events this many days (NatsClient.ensureStreams). */
export const EVENT_STREAM_DAYS = 30;

/**
 * Keeps the outbox and inbox from growing without end. Deleting old rows is
 * the same whichever replica does it, so every replica may prune.
 */
export class MessagingRetention {
  private readonly logger = new Logger(MessagingRetention.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RetentionOptions,
  ) {
    if (options.inboxDays <= EVENT_STREAM_DAYS) {
      throw new Error(`Inbox retention (${options.inboxDays} days) must be longer than the event stream's (${EVENT_STREAM_DAYS} days)`);
    }
  }

  /** Deletes what has aged out; returns how many rows of each. */
  async pruneOnce(): Promise<{ outbox: number; inbox: number }> {
    const { schema, outboxDays, inboxDays, batchSize = 5_000 } = this.options;
    const outbox = await this.deleteInBatches(
      `DELETE FROM "${schema}".outbox WHERE id IN (
         SELECT id FROM "${schema}".outbox WHERE published_at < now() - make_interval(days => $1) LIMIT $2)`,
      [outboxDays, batchSize],
    );
    const inbox = await this.deleteInBatches(
      `DELETE FROM "${schema}".inbox WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM "${schema}".inbox WHERE processed_at < now() - make_interval(days => $1) LIMIT $2)`,
      [inboxDays, batchSize],
    );
    if (outbox || inbox) this.logger.log(`Pruned ${outbox} published outbox row(s) and ${inbox} inbox row(s) of ${schema}`);
    return { outbox, inbox };
  }

  private async deleteInBatches(sql: string, params: [number, number]): Promise<number> {
    let total = 0;
    for (;;) {
      const result: unknown = await this.dataSource.query(sql, params);
      // DELETE through TypeORM answers [rows, affected].
      const affected = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      total += affected;
      if (affected < params[1]) return total;
    }
  }
}
