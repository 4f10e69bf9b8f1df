export * from './lib/codec';
export * from './lib/rpc-error';
export * from './lib/nats-client';
export * from './lib/rpc';
export * from './lib/outbox';
export * from './lib/event-consumer';
export * from './lib/messaging-tables';
export * from './lib/keyed-concurrency';
