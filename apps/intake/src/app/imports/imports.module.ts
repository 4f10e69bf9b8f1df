import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { RegistryModule } from '../registry/registry.module';
import { ImportsHandler } from './imports.handler';
import { ImportsService } from './imports.service';
import { InitiativeImportPipeline } from './initiative-import.pipeline';
import { TelemetryImportPipeline } from './telemetry-import.pipeline';

@Module({
  imports: [InitiativesModule, RegistryModule],
  providers: [ImportsService, ImportsHandler, InitiativeImportPipeline, TelemetryImportPipeline],
})
export class ImportsModule {}
