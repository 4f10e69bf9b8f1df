import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { ImportsHandler } from './imports.handler';
import { ImportsService } from './imports.service';

@Module({ imports: [InitiativesModule], providers: [ImportsService, ImportsHandler] })
export class ImportsModule {}
