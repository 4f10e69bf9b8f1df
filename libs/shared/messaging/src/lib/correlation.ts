import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the work in progress: set where work enters (an HTTP
 * request at the gateway, a request or an event arriving over NATS) and read
 * where it leaves (requests made, events written, log lines), so one id
 * follows a change through every service.
 */
const storage = new AsyncLocalStorage<{ correlationId?: string }>();

export function withCorrelation<T>(correlationId: string | undefined, work: () => T): T {
  return storage.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
