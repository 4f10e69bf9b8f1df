import { Module } from '@nestjs/common';
import { ServiceCoreModule, loadServiceConfig } from '@capstan/service-kit';
import { migrations } from '../migrations';
import { EvaluationEntity } from './postures/evaluation.entity';
import { ScoringModelsModule } from './models/scoring-models.module';
import { PosturesModule } from './postures/postures.module';
import { ScoringSubjectEntity } from './postures/scoring-subject.entity';

export const config = loadServiceConfig('scoring', 3102);

@Module({
  imports: [
    ServiceCoreModule.forService({
      config,
      schema: 'scoring',
      entities: [EvaluationEntity, ScoringSubjectEntity],
      migrations,
      // Events about different initiatives are scored side by side; one initiative's stay in order.
      consumerConcurrency: 8,
      // Under load, the events already delivered are scored in one transaction.
      consumerBatchSize: 32,
    }),
    PosturesModule,
    ScoringModelsModule,
  ],
})
export class AppModule {}
