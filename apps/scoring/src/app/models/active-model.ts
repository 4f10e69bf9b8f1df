import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scoringModelSchema } from '@capstan/contracts';
import { DEFAULT_MODEL, type ScoringModel } from '@capstan/scoring-core';

/**
 * The model every evaluation uses: the one active row, or the shipped default
 * before any is stored. A model is immutable once active, so its parsed form is
 * kept by version, and a transaction that scores a batch of events asks once.
 */
@Injectable()
export class ActiveModel {
  private readonly parsed = new Map<string, ScoringModel>();
  private readonly perTransaction = new WeakMap<object, Promise<ScoringModel>>();

  get(manager: EntityManager): Promise<ScoringModel> {
    const transaction = manager.queryRunner?.isTransactionActive ? manager.queryRunner : undefined;
    if (!transaction) return this.read(manager);
    const known = this.perTransaction.get(transaction);
    if (known) return known;
    const model = this.read(manager);
    this.perTransaction.set(transaction, model);
    return model;
  }

  private async read(manager: EntityManager): Promise<ScoringModel> {
    const [active] = (await manager.query(`SELECT version FROM scoring.models WHERE status = 'active'`)) as { version: string }[];
    if (!active) return DEFAULT_MODEL;
    const cached = this.parsed.get(active.version);
    if (cached) return cached;
    const [row] = (await manager.query(`SELECT definition FROM scoring.models WHERE version = $1`, [active.version])) as { definition: unknown }[];
    // Parsing fills parameters added after a model was stored with their original values.
    const model = scoringModelSchema.parse(row.definition);
    this.parsed.set(active.version, model);
    return model;
  }
}
