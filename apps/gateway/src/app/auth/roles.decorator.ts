import { SetMetadata } from '@nestjs/common';
import type { Role } from '@capstan/domain';

export const ROLES_KEY = 'capstan:roles';
export const PUBLIC_KEY = 'capstan:public';
export const CAPABILITIES_KEY = 'capstan:capabilities';

/** Capabilities a token may carry beside its roles; `committee` records authorization decisions. */
export const CAPABILITIES = ['committee'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The roles allowed to call a route. A route without `@Roles` or `@Public` is denied to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Also allows callers holding one of these capabilities, whatever their roles. */
export const Capabilities = (...capabilities: Capability[]) => SetMetadata(CAPABILITIES_KEY, capabilities);

/** A route anyone may call without a token (health, the API document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
