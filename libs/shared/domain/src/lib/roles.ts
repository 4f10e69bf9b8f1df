/** Roles carried by a caller's token. `admin` is allowed wherever any role is. */
export const ROLES = ['admin', 'pmo', 'finance', 'engineering', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Every role may read; a route that anyone signed in may call lists these. */
export const ALL_ROLES: readonly Role[] = ROLES;
