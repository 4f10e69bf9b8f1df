export * from './lib/subjects';
export * from './lib/rpc';
export * from './lib/events';
export * from './lib/health';
export * from './lib/readiness';
export * from './lib/registry';
export * from './lib/initiatives';
export * from './lib/postures';
