import { Controller, Get, Header, HttpException, HttpStatus } from '@nestjs/common';
import type { HealthReport } from '@capstan/contracts';
import { ServiceLifecycle } from './service-lifecycle';
import { ServiceMetrics } from './service-metrics';

/** Readiness for orchestrators and metrics for Prometheus, on the service's own small internal HTTP port. */
@Controller()
export class HealthController {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly metrics: ServiceMetrics,
  ) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  @Get('health')
  async health(): Promise<HealthReport> {
    const report = await this.lifecycle.health();
    if (report.status !== 'up') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
