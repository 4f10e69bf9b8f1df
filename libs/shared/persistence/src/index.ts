export * from './lib/data-source';
export * from './lib/pglite-pool';
export * from './lib/copy-from';
export * from './lib/projection-lock';
