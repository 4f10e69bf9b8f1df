import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { InitiativeStage, RiskTier } from '@capstan/domain';

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

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
