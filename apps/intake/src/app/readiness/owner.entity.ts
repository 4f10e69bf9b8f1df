import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Responsibility } from '@capstan/domain';

@Entity({ schema: 'intake', name: 'owners' })
export class OwnerEntity {
  @PrimaryColumn('uuid', { name: 'initiative_id' })
  initiativeId!: string;

  @PrimaryColumn('text')
  responsibility!: Responsibility;

  @Column('text')
  person!: string;

  @Column('text')
  team!: string;

  @Column('text', { name: 'assigned_by' })
  assignedBy!: string;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt!: Date;
}
