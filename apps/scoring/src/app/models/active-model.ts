import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scoringModelSchema } from '@capstan/contracts';
import { DEFAULT_MODEL, type ScoringModel } from '@capstan/scoring-core';

/** The active model and since when it is active (null for the shipped default before any is stored). */
export interface ActiveScoringModel {
  model: ScoringModel;
  activatedAt: string | null;
}

/**
 * The lock between activating a model and the transactions scoring under the active one: they hold it shared from their
 * first read of the model, an activation takes it alone. A batch that read the old model ends before the activation
 * commits; one begun later waits for it and reads the new model. Without it, a batch could score an initiative under
 * the old model after the re-score that follows an activation had passed it.
 */
export const ACTIVE_MODEL_LOCK = `hashtext('scoring.active-model')`;

/**
 * The model every evaluation uses: the one active row, or the shipped default
 * before any is stored. A model is immutable once active, so its parsed form is
 * kept by version, and a transaction that scores a batch of events asks once,
 * before it locks any initiative (see `ACTIVE_MODEL_LOCK`).
 */
@Injectable()
export class ActiveModel {
  private readonly parsed = new Map<string, ScoringModel>();
  private readonly perTransaction = new WeakMap<object, Promise<ActiveScoringModel>>();

  async get(manager: EntityManager): Promise<ScoringModel> {
    return (await this.current(manager)).model;
  }

  current(manager: EntityManager): Promise<ActiveScoringModel> {
    const transaction = manager.queryRunner?.isTransactionActive ? manager.queryRunner : undefined;
    if (!transaction) return this.read(manager);
    const known = this.perTransaction.get(transaction);
    if (known) return known;
    const active = manager.query(`SELECT pg_advisory_xact_lock_shared(${ACTIVE_MODEL_LOCK})`).then(() => this.read(manager));
    this.perTransaction.set(transaction, active);
    return active;
  }

  private async read(manager: EntityManager): Promise<ActiveScoringModel> {
    const [active] = (await manager.query(`SELECT version, activated_at FROM scoring.models WHERE status = 'active'`)) as { version: string; activated_at: Date | null }[];
    if (!active) return { model: DEFAULT_MODEL, activatedAt: null };
    const activatedAt = active.activated_at ? new Date(active.activated_at).toISOString() : null;
    const cached = this.parsed.get(active.version);
    if (cached) return { model: cached, activatedAt };
    const [row] = (await manager.query(`SELECT definition FROM scoring.models WHERE version = $1`, [active.version])) as { definition: unknown }[];
    // Parsing fills parameters added after a model was stored with their original values.
    const model = scoringModelSchema.parse(row.definition);
    this.parsed.set(active.version, model);
    return { model, activatedAt };
  }
}
