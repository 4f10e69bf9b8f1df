import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { SERVICES, healthRpc, type HealthReport } from '@capstan/contracts';
import { RpcClient } from '@capstan/messaging';
import { ServiceLifecycle } from '@capstan/service-kit';
import { Public } from '../auth/roles.decorator';
import { PROBLEM_CONTENT_TYPE, problem } from '../problems/problem';

/**
 * `/health`: 200 when every service answers healthy, 503 naming each one that
 * does not (the system's state). `/health/ready`: the gateway's own database
 * and NATS (its readiness probe), so one service being down does not take the
 * whole API out of its load balancer.
 */
@ApiTags('health')
// Not counted against the rate limit: probes and the one long-lived stream per browser.
@SkipThrottle()
@Controller('v1/health')
export class HealthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly lifecycle: ServiceLifecycle,
  ) {}

  @Get('ready')
  @Public()
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.lifecycle.health();
    if (report.status === 'up') {
      response.status(HttpStatus.OK).json(report);
      return;
    }
    const down = Object.keys(report.checks).filter((check) => report.checks[check] !== 'up');
    const body = problem(503, 'service-unavailable', `Gateway not ready: ${down.join(', ')} down`, { status: 503, service: report.service, checks: report.checks });
    response.status(503).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  @Get()
  @Public()
  async health(@Res() response: Response): Promise<void> {
    const reports = await Promise.all(
      SERVICES.map((service) =>
        this.rpc
          .call(healthRpc(service), {}, { timeoutMs: 2_000 })
          .catch((): HealthReport => ({ service, status: 'down', checks: { reachable: 'down' } })),
      ),
    );
    const services = Object.fromEntries(reports.map((report) => [report.service, report]));
    const down = reports.filter((report) => report.status !== 'up').map((report) => report.service);
    if (down.length === 0) {
      response.status(HttpStatus.OK).json({ status: 'up', services });
      return;
    }
    const body = problem(503, 'service-unavailable', `Not healthy: ${down.join(', ')}`, { status: 503, down, services });
    response.status(503).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
