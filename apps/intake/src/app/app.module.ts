import { Module } from '@nestjs/common';
import { ServiceCoreModule, loadServiceConfig } from '@capstan/service-kit';
import { migrations } from '../migrations';
import { InitiativeEntity } from './initiatives/initiative.entity';
import { InitiativesModule } from './initiatives/initiatives.module';

export const config = loadServiceConfig('intake', 3101);

@Module({
  imports: [
    ServiceCoreModule.forService({ config, schema: 'intake', entities: [InitiativeEntity], migrations }),
    InitiativesModule,
  ],
})
export class AppModule {}
