import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** One change to an initiative: who, when, what (field by field). Never updated or deleted. */
@Entity({ schema: 'intake', name: 'audit_trail' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'initiative_id' })
  initiativeId!: string;

  @Column('text')
  actor!: string;

  @Column('text')
  action!: string;

  @Column('jsonb')
  changes!: FieldChange[];

  @Column('timestamptz')
  at!: Date;
}
