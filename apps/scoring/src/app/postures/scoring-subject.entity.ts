import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Posture } from '@capstan/domain';
import type { ScoringInputs } from '@capstan/scoring-core';

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

  @Column('integer')
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
