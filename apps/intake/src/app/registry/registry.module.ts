import { Module } from '@nestjs/common';
import { RegistryHandler } from './registry.handler';
import { RegistryService } from './registry.service';

@Module({ providers: [RegistryService, RegistryHandler], exports: [RegistryService] })
export class RegistryModule {}
