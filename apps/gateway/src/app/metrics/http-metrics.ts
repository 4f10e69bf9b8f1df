import { createServer, type Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import type { ServiceMetrics } from '@capstan/service-kit';

/**
 * The gateway's request rate and latency by route (the route's pattern, not
 * its ids, so the label set stays small), recorded when the answer is sent,
 * or with the status `aborted` when the client went away first.
 */
export function httpMetrics(metrics: ServiceMetrics): (request: Request, response: Response, next: NextFunction) => void {
  const duration = new Histogram({
    name: 'capstan_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  return (request, response, next) => {
    const started = performance.now();
    // 'close' also comes for an answer the client gave up on (an event stream closed, say), which never finishes.
    response.on('close', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? (request.path.startsWith('/api/') ? 'unmatched' : 'static');
      const status = response.writableFinished ? String(response.statusCode) : 'aborted';
      duration.observe({ method: request.method, route, status }, (performance.now() - started) / 1000);
    });
    next();
  };
}

/**
 * Serves `/metrics` on its own port, kept off the public API (Prometheus scrapes it inside the network).
 * Resolves once it listens; a port already taken rejects, for start-up to stop cleanly rather than crash.
 */
export function serveMetrics(metrics: ServiceMetrics, host: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  return new Promise((listening, failed) => {
    server.once('error', (error: Error) => failed(new Error(`The metrics port ${port} (GATEWAY_METRICS_PORT) cannot be used: ${error.message}`)));
    server.listen(port, host, () => {
      Logger.log(`gateway metrics on http://${host}:${(server.address() as { port: number }).port}/metrics`, 'Bootstrap');
      listening(server);
    });
  });
}
