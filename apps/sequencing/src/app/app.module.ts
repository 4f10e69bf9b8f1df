import { Module } from '@nestjs/common';
import { ServiceCoreModule, loadServiceConfig } from '@capstan/service-kit';
import { migrations } from '../migrations';
import { PlanningModule } from './planning/planning.module';

export const config = loadServiceConfig('sequencing', 3104);

@Module({
  imports: [ServiceCoreModule.forService({
      config,
      schema: 'sequencing',
      entities: [],
      migrations,
      // Under load, the events already delivered are applied in one transaction.
      consumerBatchSize: 32,
    }), PlanningModule],
})
export class AppModule {}
