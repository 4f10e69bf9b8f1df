export * from './lib/postures';
export * from './lib/stabilization';
export * from './lib/responsibilities';
export * from './lib/costs';
export * from './lib/initiatives';
export * from './lib/roles';
export * from './lib/dependency-graph';
export * from './lib/calendar';
