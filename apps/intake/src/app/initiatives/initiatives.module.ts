import { Module } from '@nestjs/common';
import { InitiativesHandler } from './initiatives.handler';
import { InitiativesService } from './initiatives.service';

@Module({ providers: [InitiativesService, InitiativesHandler], exports: [InitiativesService] })
export class InitiativesModule {}
