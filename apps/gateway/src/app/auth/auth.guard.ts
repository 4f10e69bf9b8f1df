import { ForbiddenException, HttpException, HttpStatus, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { problem } from '../problems/problem';
import type { Role } from '@capstan/domain';
import { Authenticator } from './authenticator';
import { BusinessUnitScope } from './business-unit-scope';
import type { AuthenticatedRequest } from './principal';
import { AuthFailures } from './auth-failures';
import { CAPABILITIES_KEY, PUBLIC_KEY, ROLES_KEY, SCOPED_KEY_ACCESS_KEY, type Capability } from './roles.decorator';

/**
 * The one global guard: a route must declare `@Public()` or `@Roles(...)`
 * (optionally widened by `@Capabilities(...)`); anything else is denied.
 * `admin` passes every role check. Callers are people (Capstan's tokens or the
 * identity provider's) or service accounts (API keys).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly scope: BusinessUnitScope,
    private readonly failures: AuthFailures,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const capabilities = this.reflector.getAllAndOverride<Capability[] | undefined>(CAPABILITIES_KEY, targets) ?? [];

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const token = bearerToken(request);
    try {
      if (!token) throw new UnauthorizedException('A bearer token or API key is required');
      request.principal = await this.authenticator.authenticate(token);
    } catch (error) {
      const wait = error instanceof UnauthorizedException ? this.failures.record(request.ip ?? 'unknown') : undefined;
      if (wait === undefined) throw error;
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
      throw new HttpException(problem(429, 'rate-limited', 'Too many failed sign-ins from this address: wait before trying again', { status: 429 }), HttpStatus.TOO_MANY_REQUESTS);
    }
    const { roles, capabilities: held } = request.principal;
    const byRole = allowed !== undefined && (roles.includes('admin') || roles.some((role) => allowed.includes(role)));
    const byCapability = capabilities.some((capability) => held.includes(capability));
    if (!byRole && !byCapability) {
      throw new ForbiddenException('Your roles do not allow this operation');
    }
    await this.scope.check(request.principal, request, this.reflector.get<'body' | 'query' | undefined>(SCOPED_KEY_ACCESS_KEY, context.getHandler()));
    return true;
  }
}

/** The credential a request carries: its bearer token, or the event stream's `access_token`. */
export function bearerToken(request: Request): string | undefined {
  // The scheme's name is case-insensitive (RFC 9110 §11.1): "bearer" is as good as "Bearer".
  const header = /^bearer +(\S.*)$/i.exec(request.headers.authorization ?? '');
  if (header) return header[1].trim();
  // EventSource cannot send headers: the event stream alone accepts the token as a query parameter.
  const query = request.query['access_token'];
  if (request.path.endsWith('/events') && typeof query === 'string') return query;
  return undefined;
}
