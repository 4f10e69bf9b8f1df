export * from './lib/poll';
export * from './lib/system';
export * from './lib/test-system';
export * from './lib/http';
export * from './lib/test-database';
export * from './lib/nats-server-process';
export * from './lib/postgres-server-process';
export * from './lib/allocation-rules';
