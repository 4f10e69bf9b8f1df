import { SetMetadata } from '@nestjs/common';
import type { Role } from '@capstan/domain';

export const ROLES_KEY = 'capstan:roles';
export const PUBLIC_KEY = 'capstan:public';
export const CAPABILITIES_KEY = 'capstan:capabilities';
export const SCOPED_KEY_ACCESS_KEY = 'capstan:scoped-key-access';

/** Capabilities a token may carry beside its roles; `committee` records authorization decisions. */
export const CAPABILITIES = ['committee'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The roles allowed to call a route. A route without `@Roles` or `@Public` is denied to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Also allows callers holding one of these capabilities, whatever their roles. */
export const Capabilities = (...capabilities: Capability[]) => SetMetadata(CAPABILITIES_KEY, capabilities);

/** A route anyone may call without a token (health, the API document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Where a route that a key scoped to business units may call finds its one
 * initiative: the validated body's or query's `initiativeId`, which the scope
 * check reads and the handler uses. Routes under `/initiatives/{id}` name it
 * by path and need no mark; any other route refuses such keys.
 */
export const InitiativeIn = (source: 'body' | 'query') => SetMetadata(SCOPED_KEY_ACCESS_KEY, source);
