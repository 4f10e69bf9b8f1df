import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scoringModelSchema } from '@capstan/contracts';
import { DEFAULT_MODEL, type ScoringModel } from '@capstan/scoring-core';

/** The model every evaluation uses: the one active row, or the shipped default before any is stored. */
@Injectable()
export class ActiveModel {
  async get(manager: EntityManager): Promise<ScoringModel> {
    const [row] = (await manager.query(`SELECT definition FROM scoring.models WHERE status = 'active'`)) as { definition: unknown }[];
    // Parsing fills parameters added after a model was stored with their original values.
    return row ? scoringModelSchema.parse(row.definition) : DEFAULT_MODEL;
  }
}
