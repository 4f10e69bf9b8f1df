import { Module } from '@nestjs/common';
import { InitiativesHandler } from './initiatives.handler';
import { InitiativesService } from './initiatives.service';

@Module({ providers: [InitiativesService, InitiativesHandler] })
export class InitiativesModule {}
