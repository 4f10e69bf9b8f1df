/** Where request/reply and event handling report their timings (the service's metrics). */
export interface Instrumentation {
  rpcHandled(operation: string, seconds: number, outcome: 'ok' | 'rejected' | 'failed'): void;
  eventsHandled(consumer: string, events: number, seconds: number, outcome: 'ok' | 'failed'): void;
}

export const NO_INSTRUMENTATION: Instrumentation = {
  rpcHandled: () => undefined,
  eventsHandled: () => undefined,
};
