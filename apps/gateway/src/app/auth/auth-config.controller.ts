import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Authenticator } from './authenticator';
import { Public } from './roles.decorator';

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

/** How to sign in: the dashboard asks before showing its sign-in page. */
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
}
