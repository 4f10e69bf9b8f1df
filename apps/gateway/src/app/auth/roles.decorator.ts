import { SetMetadata } from '@nestjs/common';
import type { Role } from '@capstan/domain';

export const ROLES_KEY = 'capstan:roles';
export const PUBLIC_KEY = 'capstan:public';

/** The roles allowed to call a route. A route without `@Roles` or `@Public` is denied to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a token (health, the API document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
