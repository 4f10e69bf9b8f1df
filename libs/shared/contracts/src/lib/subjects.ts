/**
 * Every NATS subject and stream name is derived from one namespace, so that
 * a test run or a second environment on the same broker never crosses
 * another's traffic. Subjects are `<ns>.rpc.<service>.<entity>.<verb>` for
 * request/reply and `<ns>.events.<entity>.<past-tense verb>` for events.
 */
export interface Subjects {
  readonly namespace: string;
  rpc(name: string): string;
  event(type: string): string;
  readonly allEvents: string;
  readonly eventStream: string;
  readonly deadLetterStream: string;
  deadLetter(consumer: string): string;
  /** Core NATS (not stored): a replica tells the one leading its service's outbox relay that rows wait. */
  relayWake(service: string): string;
}

const NAMESPACE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

export function subjectsFor(namespace: string): Subjects {
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(`Invalid NATS namespace "${namespace}": use lower-case letters, digits, "_" or "-"`);
  }
  const streamPrefix = namespace.toUpperCase().replace(/-/g, '_');
  return {
    namespace,
    rpc: (name) => `${namespace}.rpc.${name}`,
    event: (type) => `${namespace}.events.${type}`,
    allEvents: `${namespace}.events.>`,
    eventStream: `${streamPrefix}_EVENTS`,
    deadLetterStream: `${streamPrefix}_DEAD_LETTERS`,
    deadLetter: (consumer) => `${namespace}.dead-letters.${consumer}`,
    relayWake: (service) => `${namespace}.relay-wake.${service}`,
  };
}
