import { Global, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@capstan/service-kit';
import { INTAKE_CONFIG, loadIntakeConfig } from './intake-config';
import { migrations } from '../migrations';
import { InitiativeEntity } from './initiatives/initiative.entity';
import { InitiativesModule } from './initiatives/initiatives.module';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AUDIT_SEAL_INTERVAL_MS, AuditSealer } from './audit/audit-sealer';
import { EvidenceEntity } from './readiness/evidence.entity';
import { OwnerEntity } from './readiness/owner.entity';
import { ReadinessModule } from './readiness/readiness.module';
import { RegistryModule } from './registry/registry.module';
import { ImportsModule } from './imports/imports.module';

export const config = loadIntakeConfig();

@Global()
@Module({ providers: [{ provide: INTAKE_CONFIG, useValue: config }], exports: [INTAKE_CONFIG] })
class IntakeConfigModule {}

@Module({
  imports: [
    IntakeConfigModule,
    ServiceCoreModule.forService({
      config,
      schema: 'intake',
      entities: [InitiativeEntity, OwnerEntity, EvidenceEntity, AuditEntryEntity],
      migrations,
      // Posture changes after a model activation arrive by the thousand: project them in batches.
      consumerBatchSize: 32,
    }),
    InitiativesModule,
    ReadinessModule,
    RegistryModule,
    ImportsModule,
  ],
  providers: [{ provide: AUDIT_SEAL_INTERVAL_MS, useValue: config.auditSealIntervalMs }, AuditSealer],
})
export class AppModule {}
