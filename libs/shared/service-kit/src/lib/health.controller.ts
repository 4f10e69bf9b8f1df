import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import type { HealthReport } from '@capstan/contracts';
import { ServiceLifecycle } from './service-lifecycle';

/** Liveness/readiness for orchestrators, on the service's own small HTTP port. */
@Controller('health')
export class HealthController {
  constructor(private readonly lifecycle: ServiceLifecycle) {}

  @Get()
  async health(): Promise<HealthReport> {
    const report = await this.lifecycle.health();
    if (report.status !== 'up') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
