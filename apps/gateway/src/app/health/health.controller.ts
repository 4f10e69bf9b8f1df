import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { SERVICES, healthRpc, type HealthReport } from '@capstan/contracts';
import { RpcClient } from '@capstan/messaging';
import { Public } from '../auth/roles.decorator';
import { PROBLEM_CONTENT_TYPE, problem } from '../problems/problem';

/** 200 when every service answers healthy; 503 naming each one that does not. */
@ApiTags('health')
// Not counted against the rate limit: probes and the one long-lived stream per browser.
@SkipThrottle()
@Controller('v1/health')
export class HealthController {
  constructor(private readonly rpc: RpcClient) {}

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
