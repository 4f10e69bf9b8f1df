export * from './lib/inputs';
export * from './lib/model';
export * from './lib/evaluate';
export * from './lib/measured';
export * from './lib/patterns';
export * from './lib/trends';
export * from './lib/condition-kind';
