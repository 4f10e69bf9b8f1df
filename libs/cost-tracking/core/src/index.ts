export * from './lib/focus-row';
export * from './lib/allocation';
export * from './lib/forecast';
