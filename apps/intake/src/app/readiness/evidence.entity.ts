import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CriterionId, EvidenceStatus } from '@capstan/domain';

@Entity({ schema: 'intake', name: 'evidence' })
export class EvidenceEntity {
  @PrimaryColumn('uuid', { name: 'initiative_id' })
  initiativeId!: string;

  @PrimaryColumn('text', { name: 'criterion_id' })
  criterionId!: CriterionId;

  @Column('text')
  status!: EvidenceStatus;

  @Column('text')
  evidence!: string;

  @Column('text', { name: 'attested_by' })
  attestedBy!: string;

  @Column('timestamptz', { name: 'attested_at' })
  attestedAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  /** When `evidence.expired` went out for the current attestation; cleared when it is renewed. */
  @Column('timestamptz', { name: 'expiry_announced_at', nullable: true })
  expiryAnnouncedAt!: Date | null;

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
