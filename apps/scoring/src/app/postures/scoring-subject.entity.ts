import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Posture } from '@capstan/domain';
import type { ScoredMoment, ScoringInputs } from '@capstan/scoring-core';

@Entity({ schema: 'scoring', name: 'subjects' })
export class ScoringSubjectEntity {
  @PrimaryColumn('uuid', { name: 'initiative_id' })
  initiativeId!: string;

  @Column('jsonb')
  inputs!: ScoringInputs;

  @Column('text', { nullable: true })
  posture!: Posture | null;

  @Column('uuid', { name: 'evaluation_id', nullable: true })
  evaluationId!: string | null;

  @Column('jsonb', { name: 'applied_versions' })
  appliedVersions!: Record<string, number>;

  /** Hysteresis: since when every authorization gate has held without a break. */
  @Column('timestamptz', { name: 'gates_held_since', nullable: true })
  gatesHeldSince!: Date | null;

  /** The model version the hold counts under: when another model is active, the hold restarts. */
  @Column('text', { name: 'gates_held_under', nullable: true })
  gatesHeldUnder!: string | null;

  /** When the initiative was archived: no longer part of the portfolio's figures. */
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;

  /** When time alone could change the posture; the review sweep re-evaluates then. */
  @Column('timestamptz', { name: 'review_at', nullable: true })
  reviewAt!: Date | null;

  /** Domain scores of the last evaluations, oldest first (NULL: not kept yet, read from the history). */
  @Column('jsonb', { name: 'recent_scores', nullable: true })
  recentScores!: ScoredMoment[] | null;

  @Column('integer')
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
