import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { SpanKind, inSpan, startTracing, traceContextOf } from '@capstan/messaging';
import { ServiceMetrics, createLogger, deployStepOf, ensureStreams } from '@capstan/service-kit';
import { AppModule, config } from './app/app.module';
import { Authenticator } from './app/auth/authenticator';
import { httpMetrics, serveMetrics } from './app/metrics/http-metrics';
import { serveOpenApi } from './app/openapi';
import { bodyParserErrors } from './app/problems/body-parser-errors';
import { refuseDeepBodies } from './app/problems/body-depth';

async function bootstrap(): Promise<void> {
  // Started as a deploy step (--migrate-only and the like), the gateway does that to its schema (or its streams) and exits.
  const step = deployStepOf();
  if (step === 'ensure-streams') return ensureStreams(config, new Logger('Bootstrap'));
  const tracing = step ? undefined : startTracing('gateway');
  process.once('beforeExit', () => void tracing?.shutdown());
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: createLogger('gateway') });
  app.enableShutdownHooks();
  if (step) {
    Logger.log(`gateway: ${step} done`, 'Bootstrap');
    await app.close();
    return;
  }
  const metrics = app.get(ServiceMetrics);
  app.use(httpMetrics(metrics));
  app.use(tracedRequests);
  // With single sign-on, the dashboard exchanges its code at the provider's token endpoint.
  const oidc = app.get(Authenticator).oidc;
  void oidc?.endpoints().catch(() => undefined);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Scripts only from the gateway itself (helmet's default); no inline script or handler anywhere (the dashboard's build inlines no critical CSS, whose loader is one).
        directives: { 'connect-src': ["'self'", ...(oidc ? [() => oidc.origins().join(' ')] : [])] },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    // What a client on another origin must read: versions, paging, when to retry, which request it was, whether a retry was replayed.
    exposedHeaders: ['ETag', 'Location', 'Link', 'Retry-After', 'X-Correlation-Id', 'Idempotent-Replayed'],
  });
  app.use('/api', uncachedAnswers);
  app.use(express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(
    ['/api/v1/initiative-imports', '/api/v1/telemetry-imports'],
    express.text({ limit: config.importLimit, type: ['text/csv', 'application/csv'], verify: refuseUndeclaredNonUtf8 }),
  );
  app.use(bodyParserErrors);
  app.use(refuseDeepBodies);
  app.setGlobalPrefix('api');
  serveOpenApi(app);
  await app.listen(config.port, config.host);
  // After the API's port is taken: a metrics port of 0 could otherwise be given the very port the API was told to use.
  const metricsServer = await serveMetrics(metrics, config.host, config.metricsPort).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  app.getHttpServer().on('close', () => metricsServer.close());
  Logger.log(`Capstan gateway on http://${config.host}:${config.port} (API under /api/v1)`, 'Bootstrap');
}

/**
 * A CSV file is read as UTF-8 unless its content type names another charset
 * (`text/csv; charset=windows-1252` is decoded as such). Bytes that are not
 * UTF-8 would otherwise become U+FFFD in every name they touch, silently.
 */
function refuseUndeclaredNonUtf8(_request: unknown, _response: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') !== 'utf8') return;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw Object.assign(new Error('The file is not UTF-8 text: save it as CSV UTF-8, or name its charset in the content type (text/csv; charset=windows-1252)'), {
      status: 400,
      type: 'encoding.not-utf8',
    });
  }
}

/**
 * The API's answers are live data, never cached, and never 304: an ETag here names the version of what a write
 * would replace (If-Match), while the answer may hold more that moves without it (an initiative's posture, a
 * rollout's recorded progress), so "not modified since that ETag" would be untrue.
 */
function uncachedAnswers(request: express.Request, response: express.Response, next: express.NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  // On a read only: on a write, `If-None-Match: *` asks to create only what is new.
  if (request.method === 'GET' || request.method === 'HEAD') {
    delete request.headers['if-none-match'];
    delete request.headers['if-modified-since'];
  }
  next();
}

/** Each request as a server span (continuing the caller's trace context); what it calls over NATS nests under it. */
function tracedRequests(request: express.Request, response: express.Response, next: express.NextFunction): void {
  const parent = traceContextOf({ traceparent: request.header('traceparent'), tracestate: request.header('tracestate') });
  void inSpan(
    `HTTP ${request.method}`,
    SpanKind.SERVER,
    (span) =>
      new Promise<void>((done) => {
        // 'close', not 'finish': an answer the client gave up on (an event stream closed, say) never finishes, and its span must still end.
        response.on('close', () => {
          const route = (request.route as { path?: string } | undefined)?.path;
          if (route) span.updateName(`HTTP ${request.method} ${route}`);
          if (response.writableFinished) span.setAttribute('http.response.status_code', response.statusCode);
          else span.setAttribute('capstan.http.aborted', true);
          done();
        });
        next();
      }),
    parent,
  );
}

void bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
