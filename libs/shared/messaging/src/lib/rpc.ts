import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Logger } from '@nestjs/common';
import { ErrorCode, headers as natsHeaders, type Msg, type NatsError, type Subscription } from 'nats';
import type { z } from 'zod';
import {
  fieldErrorsOf,
  rpcReplySchema,
  unstorableTextIn,
  type RpcContract,
  type Subjects,
} from '@capstan/contracts';
import { CORRELATION_HEADER, decodeJson, encodeJson } from './codec';
import { currentCorrelationId, withCorrelation } from './correlation';
import { isDatabaseOutage, isTransactionConflict, isUniqueViolation } from './database-outage';
import { NO_INSTRUMENTATION, type Instrumentation } from './instrumentation';
import { SpanKind, inSpan, traceCarrier, traceContextOf } from './tracing';
import type { NatsClient } from './nats-client';
import { RpcError } from './rpc-error';

export interface RpcContext {
  correlationId?: string;
}

type Handler<Req extends z.ZodType, Res extends z.ZodType> = (
  request: z.output<Req>,
  context: RpcContext,
) => Promise<z.input<Res>>;

/**
 * Serves request/reply operations. Subscriptions join a queue group named after
 * the service, so replicas share the load and each request is answered once.
 */
export class RpcServer {
  private readonly logger = new Logger(RpcServer.name);
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nats: NatsClient,
    private readonly subjects: Subjects,
    private readonly queueGroup: string,
    private readonly instrumentation: Instrumentation = NO_INSTRUMENTATION,
  ) {}

  handle<Req extends z.ZodType, Res extends z.ZodType>(contract: RpcContract<Req, Res>, handler: Handler<Req, Res>): void {
    const subscription = this.nats.nc.subscribe(this.subjects.rpc(contract.name), {
      queue: this.queueGroup,
      callback: (error, message) => {
        if (error) {
          this.logger.error(`Subscription ${contract.name} failed: ${error.message}`);
          return;
        }
        void this.answer(contract, handler, message);
      },
    });
    this.subscriptions.push(subscription);
  }

  close(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  private async answer<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    handler: Handler<Req, Res>,
    message: Msg,
  ): Promise<void> {
    const correlationId = message.headers?.get(CORRELATION_HEADER) || undefined;
    const started = performance.now();
    try {
      const decoded = safeDecode(message.data);
      const unstorable = unstorableTextIn(decoded);
      if (unstorable) throw new RpcError('validation_failed', `Invalid ${contract.name} request`, [{ ...unstorable, field: unstorable.field || '(body)' }]);
      const request = contract.request.safeParse(decoded);
      if (!request.success) {
        throw new RpcError('validation_failed', `Invalid ${contract.name} request`, fieldErrorsOf(request.error));
      }
      const parent = traceContextOf({ traceparent: message.headers?.get('traceparent') || undefined, tracestate: message.headers?.get('tracestate') || undefined });
      const data = await withCorrelation(correlationId, () => inSpan(`rpc ${contract.name}`, SpanKind.SERVER, () => handler(request.data, { correlationId }), parent));
      await respondPacked(message, encodeJson({ ok: true, data }));
      const seconds = (performance.now() - started) / 1000;
      this.instrumentation.rpcHandled(contract.name, seconds, 'ok');
      withCorrelation(correlationId, () => this.logger.debug(`${contract.name} answered in ${Math.round(seconds * 1000)} ms`));
    } catch (error) {
      const rpcError = error instanceof RpcError ? error : this.unexpected(contract.name, error);
      message.respond(encodeJson({ ok: false, error: rpcError.toBody() }));
      this.instrumentation.rpcHandled(contract.name, (performance.now() - started) / 1000, rpcError.code === 'internal' ? 'failed' : 'rejected');
    }
  }

  /**
   * What the caller can do about an error no handler expected: wait (the database is away), send it again (it lost
   * to another), read what another request wrote at the same moment (a unique key), or nothing.
   */
  private unexpected(name: string, error: unknown): RpcError {
    // Lost while committing, the change may have been made: said as a timeout is, so the caller reads it back and the
    // gateway keeps the request's Idempotency-Key held rather than letting a repeat apply it twice.
    if (isDatabaseOutage(error) && (error as { query?: unknown }).query === 'COMMIT') {
      this.logger.warn(`${name} lost the database while committing: ${String(error)}`);
      return new RpcError('timeout', 'The service lost its database while committing: the change may have been made. Read it back before sending it again.');
    }
    if (isDatabaseOutage(error)) {
      this.logger.warn(`${name} found the database unavailable: ${String(error)}`);
      return new RpcError('unavailable', 'The service cannot reach its database just now; nothing was changed. Try again shortly.');
    }
    if (isTransactionConflict(error)) {
      this.logger.warn(`${name} lost to a concurrent change: ${String(error)}`);
      return new RpcError('unavailable', 'The request lost to a concurrent change and was undone; send it again.');
    }
    if (isUniqueViolation(error)) {
      this.logger.warn(`${name} met a record written at the same moment: ${String(error)}`);
      return new RpcError('conflict', 'The request conflicts with a record another request wrote at the same moment; nothing was changed. Read it again before sending it again.');
    }
    this.logger.error(`${name} failed`, error instanceof Error ? error.stack : String(error));
    return new RpcError('internal', 'The service failed to handle the request');
  }
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Replies larger than this travel gzip-compressed (JSON shrinks about tenfold), so a large plan fits NATS's message limit. */
export const COMPRESS_REPLIES_OVER_BYTES = 64 * 1024;
const ENCODING_HEADER = 'capstan-encoding';

async function respondPacked(message: Msg, body: Uint8Array): Promise<void> {
  if (body.length <= COMPRESS_REPLIES_OVER_BYTES) return void message.respond(body);
  const headers = natsHeaders();
  headers.set(ENCODING_HEADER, 'gzip');
  message.respond(await gzipAsync(body), { headers });
}

async function unpacked(reply: Msg): Promise<Uint8Array> {
  return reply.headers?.get(ENCODING_HEADER) === 'gzip' ? gunzipAsync(reply.data) : reply.data;
}

function safeDecode(data: Uint8Array): unknown {
  try {
    return decodeJson(data);
  } catch {
    throw new RpcError('validation_failed', 'The request is not valid JSON');
  }
}

export interface CallOptions {
  timeoutMs?: number;
  correlationId?: string;
}

/** Calls request/reply operations with a timeout; every failure surfaces as an `RpcError`. */
export class RpcClient {
  constructor(
    private readonly nats: NatsClient,
    private readonly subjects: Subjects,
    private readonly defaultTimeoutMs: number,
  ) {}

  call<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    request: z.input<Req>,
    options: CallOptions = {},
  ): Promise<z.output<Res>> {
    return inSpan(`rpc ${contract.name}`, SpanKind.CLIENT, async () => {
      const headers = natsHeaders();
      const correlationId = options.correlationId ?? currentCorrelationId();
      if (correlationId) headers.set(CORRELATION_HEADER, correlationId);
      for (const [field, value] of Object.entries(traceCarrier())) headers.set(field, value);
      let reply: Msg;
      try {
        reply = await this.nats.nc.request(this.subjects.rpc(contract.name), encodeJson(request), {
          timeout: options.timeoutMs ?? this.defaultTimeoutMs,
          headers,
        });
      } catch (error) {
        throw transportError(contract.name, error as NatsError);
      }
      const parsed = rpcReplySchema.parse(decodeJson(await unpacked(reply)));
      if (!parsed.ok) {
        throw new RpcError(parsed.error.code, parsed.error.message, parsed.error.errors);
      }
      return contract.response.parse(parsed.data);
    });
  }
}

function transportError(name: string, error: NatsError): RpcError {
  switch (error.code) {
    case ErrorCode.Timeout:
      return new RpcError('timeout', `${name} did not answer in time`);
    case ErrorCode.NoResponders:
      return new RpcError('unavailable', `No service is answering ${name}`);
    default:
      return new RpcError('unavailable', `${name} could not be reached: ${error.message}`);
  }
}
