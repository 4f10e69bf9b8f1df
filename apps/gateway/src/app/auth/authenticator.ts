import { Inject, Injectable, Logger, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { isApiKey } from '../service-accounts/api-key';
import { ServiceAccountsStore } from '../service-accounts/service-accounts.store';
import { IdentityProviderUnavailable, OidcVerifier } from './oidc';
import type { Principal } from './principal';
import { verifyToken } from './tokens';

/**
 * Who a bearer credential stands for: an API key (`cap_…`) is a service
 * account; a token whose issuer is the configured identity provider is checked
 * against its keys; anything else must be a token Capstan signed.
 */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger(Authenticator.name);
  readonly oidc?: OidcVerifier;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly serviceAccounts: ServiceAccountsStore,
  ) {
    this.oidc = config.oidc ? new OidcVerifier(config.oidc) : undefined;
  }

  async authenticate(credential: string): Promise<Principal> {
    if (isApiKey(credential)) {
      const principal = await this.serviceAccounts.authenticate(credential);
      if (!principal) throw new UnauthorizedException('The API key is unknown or revoked');
      return principal;
    }
    try {
      if (this.oidc && issuerOf(credential) === this.oidc.config.issuer) return await this.oidc.verify(credential);
      return await verifyToken(credential, this.config.jwtSecret, this.config.tokenMaxAgeSeconds);
    } catch (error) {
      // Not the caller's fault, nor counted against their address: the token may well be good.
      if (error instanceof IdentityProviderUnavailable) {
        this.logger.warn(error.message);
        throw new ServiceUnavailableException('The identity provider could not be reached to check the token: try again shortly');
      }
      throw new UnauthorizedException('The bearer token is invalid or expired');
    }
  }
}

/** The issuer a token claims, read without verifying it: only to pick the verifier. */
function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}
