export * from './lib/client';
export * from './lib/problem';
export type { paths, components, operations } from './generated/openapi';
export * from './lib/webhook-signature';
