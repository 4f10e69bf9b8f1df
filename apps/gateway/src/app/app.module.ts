import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { ZodValidationPipe } from 'nestjs-zod';
import { ServiceCoreModule } from '@capstan/service-kit';
import { migrations } from '../migrations';
import { AdminController } from './admin/admin.controller';
import { AuditController } from './audit/audit.controller';
import { CostImportsController } from './costs/cost-imports.controller';
import { CostsController } from './costs/costs.controller';
import { ExchangeRatesController } from './costs/exchange-rates.controller';
import { TokenMeteringController } from './costs/token-metering.controller';
import { PosturesController } from './postures/postures.controller';
import { ScoringModelsController } from './scoring-models/scoring-models.controller';
import { AuthConfigController } from './auth/auth-config.controller';
import { AuthGuard } from './auth/auth.guard';
import { RateLimitGuard } from './auth/rate-limit.guard';
import { AuthFailures } from './auth/auth-failures';
import { IdempotencyKeyGuard } from './idempotency/idempotency-key.guard';
import { Authenticator } from './auth/authenticator';
import { BusinessUnitScope } from './auth/business-unit-scope';
import { GATEWAY_CONFIG, loadGatewayConfig } from './config/gateway-config';
import { correlationId } from './correlation-id.middleware';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyPruner } from './idempotency/idempotency-pruner';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { CsvUploadService } from './imports/csv-upload.service';
import { InitiativeImportsController, TelemetryImportsController } from './imports/imports.controllers';
import { InitiativesController } from './initiatives/initiatives.controller';
import { InitiativesService } from './initiatives/initiatives.service';
import { PlansController } from './sequencing/plans.controller';
import { RolloutInputsController } from './sequencing/rollout-inputs.controller';
import { StorableTextPipe } from './problems/storable-text.pipe';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { ServiceAccountsController } from './service-accounts/service-accounts.controller';
import { ServiceAccountsStore } from './service-accounts/service-accounts.store';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookFanOut } from './webhooks/webhook-fan-out';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksStore } from './webhooks/webhooks.store';

export const config = loadGatewayConfig();

@Module({
  imports: [
    // The webhook fan-out reads every event; under load it takes them in batches.
    ServiceCoreModule.forService({ config, schema: 'gateway', entities: [], migrations, healthRoute: false, consumerBatchSize: 64 }),
    // The throttler named "default" answers with a plain Retry-After header.
    ...(config.rateLimitPerMinute > 0 ? [ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }] })] : []),
    ...(config.dashboardDir
      ? [ServeStaticModule.forRoot({ rootPath: config.dashboardDir, exclude: ['/api/{*path}'] })]
      : []),
  ],
  controllers: [
    HealthController,
    InitiativesController,
    InitiativeImportsController,
    TelemetryImportsController,
    EventsController,
    AdminController,
    AuditController,
    ScoringModelsController,
    PosturesController,
    CostsController,
    ExchangeRatesController,
    TokenMeteringController,
    CostImportsController,
    PlansController,
    RolloutInputsController,
    ServiceAccountsController,
    AuthConfigController,
    WebhooksController,
  ],
  providers: [
    { provide: GATEWAY_CONFIG, useValue: config },
    AuthFailures,
    // Global guards run in this order: authentication and roles, the rate limit (per credential that authenticated), whether the route takes an Idempotency-Key.
    { provide: APP_GUARD, useClass: AuthGuard },
    ...(config.rateLimitPerMinute > 0 ? [{ provide: APP_GUARD, useClass: RateLimitGuard }] : []),
    { provide: APP_GUARD, useClass: IdempotencyKeyGuard },
    // Global pipes run in this order: text Postgres cannot store is refused before the schemas look.
    { provide: APP_PIPE, useClass: StorableTextPipe },
    { provide: APP_PIPE, useClass: ZodValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    Authenticator,
    BusinessUnitScope,
    ServiceAccountsStore,
    WebhooksStore,
    WebhookFanOut,
    WebhookDispatcher,
    IdempotencyStore,
    IdempotencyPruner,
    IdempotencyInterceptor,
    InitiativesService,
    CsvUploadService,
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationId).forRoutes('{*path}');
  }
}
