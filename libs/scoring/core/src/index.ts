export * from './lib/inputs';
export * from './lib/model';
export * from './lib/evaluate';
