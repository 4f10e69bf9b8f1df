import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@capstan/domain';

export interface Principal {
  subject: string;
  roles: Role[];
  capabilities: string[];
  /** A service account scoped to business units may act only for initiatives in them; absent or null: all. */
  businessUnits?: string[] | null;
  /** When the token stops being valid (ms since the epoch); absent for API keys, which hold until revoked. */
  expiresAt?: number;
}

export interface AuthenticatedRequest {
  principal?: Principal;
  correlationId?: string;
  /** Derived from the Idempotency-Key: services apply a request with it once, even when it is repeated after a crash. */
  requestId?: string;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
