import { z } from 'zod';

/**
 * Every event travels in this envelope. `id` is the outbox row id: it is the
 * JetStream `Nats-Msg-Id` and the key consumers de-duplicate on.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  source: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().optional(),
  /** W3C trace context of the change, when tracing is on: the consumer's span continues the trace. */
  traceparent: z.string().optional(),
  payload: z.unknown(),
});
export type EventEnvelope<P = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'payload'> & { payload: P };

/** An event type: its name, schema version and payload schema. */
export interface EventContract<P extends z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly payload: P;
}

export function eventContract<P extends z.ZodType>(type: string, version: number, payload: P): EventContract<P> {
  return { type, version, payload };
}
