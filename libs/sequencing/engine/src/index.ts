export * from './lib/problem';
export * from './lib/feasibility';
export * from './lib/explain';
export * from './lib/contests';
export * from './lib/portfolio';
export * from './lib/solve';
export * from './lib/psplib';
export { mulberry32, type Random } from './lib/solver/random';
