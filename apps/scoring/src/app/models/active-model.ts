import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_MODEL, type ScoringModel } from '@capstan/scoring-core';

/** The model every evaluation uses: the one active row, or the shipped default before any is stored. */
@Injectable()
export class ActiveModel {
  async get(manager: EntityManager): Promise<ScoringModel> {
    const [row] = (await manager.query(`SELECT definition FROM scoring.models WHERE status = 'active'`)) as { definition: ScoringModel }[];
    return row?.definition ?? DEFAULT_MODEL;
  }
}
