export * from './lib/poll';
export * from './lib/system';
export * from './lib/test-system';
export * from './lib/http';
