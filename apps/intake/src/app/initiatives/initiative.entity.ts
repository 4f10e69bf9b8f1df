import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Initiative } from '@capstan/contracts';
import type { DataSensitivity, InitiativeStage, OperatorRole, Posture, RiskTier } from '@capstan/domain';

@Entity({ schema: 'intake', name: 'initiatives' })
export class InitiativeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  key!: string;

  @Column('text')
  name!: string;

  @Column('text')
  summary!: string;

  @Column('text', { name: 'business_unit' })
  businessUnit!: string;

  @Column('text')
  sponsor!: string;

  @Column('text', { name: 'use_case_category' })
  useCaseCategory!: string;

  @Column('text')
  stage!: InitiativeStage;

  @Column('text', { name: 'risk_tier' })
  riskTier!: RiskTier;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text', { name: 'operator_role' })
  operatorRole!: OperatorRole;

  @Column('text', { name: 'data_sensitivity' })
  dataSensitivity!: DataSensitivity;

  @Column('jsonb', { name: 'requested_scope' })
  requestedScope!: Initiative['requestedScope'];

  @Column('jsonb', { name: 'pilot_results' })
  pilotResults!: Initiative['pilotResults'];

  @Column('jsonb', { name: 'target_dates' })
  targetDates!: Initiative['targetDates'];

  @Column('jsonb', { name: 'custom_fields' })
  customFields!: Initiative['customFields'];

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @Column('integer')
  version!: number;

  /** The CSV import that created it, if one did. */
  @Column('uuid', { name: 'source_import_id', nullable: true })
  sourceImportId!: string | null;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;

  /** Scoring's latest posture, projected from its events so lists can filter by it. */
  @Column('text', { nullable: true })
  posture!: Posture | null;

  @Column('timestamptz', { name: 'posture_evaluated_at', nullable: true })
  postureEvaluatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
