import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Posture } from '@capstan/domain';
import type { Evaluation, ScoringInputs } from '@capstan/scoring-core';

/** One stored evaluation; never updated, so any past posture can be explained. */
@Entity({ schema: 'scoring', name: 'evaluations' })
@Index('evaluations_initiative_time_idx', ['initiativeId', 'evaluatedAt'])
export class EvaluationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'initiative_id' })
  initiativeId!: string;

  @Column('text')
  posture!: Posture;

  @Column('jsonb')
  result!: Evaluation;

  /** The inputs as scoring knew them at `evaluatedAt`. */
  @Column('jsonb', { nullable: true })
  inputs!: ScoringInputs | null;

  @Column('text', { name: 'model_version' })
  modelVersion!: string;

  @Column('text', { name: 'input_hash' })
  inputHash!: string;

  @Column('timestamptz', { name: 'evaluated_at' })
  evaluatedAt!: Date;
}
