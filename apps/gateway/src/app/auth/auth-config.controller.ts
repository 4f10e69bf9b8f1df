import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ALL_ROLES, ROLES } from '@capstan/domain';
import { Authenticator } from './authenticator';
import { CurrentPrincipal, type Principal } from './principal';
import { Public, Roles } from './roles.decorator';

class AuthConfigDto extends createZodDto(
  z.object({
    oidc: z
      .object({
        issuer: z.string(),
        clientId: z.string(),
        authorizationEndpoint: z.string(),
        tokenEndpoint: z.string(),
        scope: z.string(),
      })
      .nullable()
      .describe('Single sign-on, when configured: where the dashboard sends people to sign in'),
  }),
) {}

class MeDto extends createZodDto(
  z.object({
    subject: z.string(),
    roles: z.array(z.enum(ROLES)),
    capabilities: z.array(z.string()),
    businessUnits: z.array(z.string()).nullable(),
  }),
) {}

/** How to sign in (the dashboard asks before showing its sign-in page), and who the caller is once signed in. */
@ApiTags('auth')
@Controller('v1/auth')
export class AuthConfigController {
  constructor(private readonly authenticator: Authenticator) {}

  @Get('config')
  @Public()
  @ApiOkResponse({ type: AuthConfigDto })
  async config() {
    const oidc = this.authenticator.oidc;
    if (!oidc?.config.clientId) return { oidc: null };
    const { authorizationEndpoint, tokenEndpoint } = await oidc.endpoints().catch(() => ({ authorizationEndpoint: undefined, tokenEndpoint: undefined }));
    if (!authorizationEndpoint || !tokenEndpoint) return { oidc: null };
    return { oidc: { issuer: oidc.config.issuer, clientId: oidc.config.clientId, authorizationEndpoint, tokenEndpoint, scope: 'openid profile email' } };
  }

  /** The caller as the gateway sees it: with single sign-on, the roles mapped from the provider's claims. */
  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal) {
    return { subject: principal.subject, roles: principal.roles, capabilities: principal.capabilities, businessUnits: principal.businessUnits ?? null };
  }
}
