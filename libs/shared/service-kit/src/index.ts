export * from './lib/config';
export * from './lib/tokens';
export * from './lib/service-core.module';
export * from './lib/service-lifecycle';
export * from './lib/bootstrap';
export * from './lib/service-metrics';
export * from './lib/logger';
export * from './lib/deploy-step';
