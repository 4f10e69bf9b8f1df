import { Module } from '@nestjs/common';
import { ServiceCoreModule, loadServiceConfig } from '@capstan/service-kit';
import { migrations } from '../migrations';
import { LedgerModule } from './ledger/ledger.module';

export const config = loadServiceConfig('cost-tracking', 3103);

@Module({
  imports: [ServiceCoreModule.forService({
      config,
      schema: 'cost_tracking',
      entities: [],
      migrations,
      // Under load, the events already delivered are applied in one transaction.
      consumerBatchSize: 32,
    }), LedgerModule],
})
export class AppModule {}
