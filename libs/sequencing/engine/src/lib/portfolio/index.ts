export * from './snapshot';
export * from './weeks';
export * from './build-problem';
export * from './plan-portfolio';
export * from './diff-plans';
export * from './scenario';
export * from './contention';
