import { Module } from '@nestjs/common';
import { EvidenceExpirySweep } from './evidence-expiry';
import { ReadinessHandler } from './readiness.handler';
import { ReadinessService } from './readiness.service';

@Module({ providers: [ReadinessService, ReadinessHandler, EvidenceExpirySweep] })
export class ReadinessModule {}
