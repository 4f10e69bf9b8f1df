import { Module } from '@nestjs/common';
import { ReadinessHandler } from './readiness.handler';
import { ReadinessService } from './readiness.service';

@Module({ providers: [ReadinessService, ReadinessHandler] })
export class ReadinessModule {}
