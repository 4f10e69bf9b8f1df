import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { isRole, type Role } from '@capstan/domain';
import type { Principal } from './principal';
import { TOKEN_CLOCK_TOLERANCE_SECONDS } from './tokens';

export interface OidcConfig {
  issuer: string;
  audience: string;
  /** Where the issuer's signing keys are; discovered from the issuer when absent. */
  jwksUri?: string;
  /** The claim holding the caller's groups or roles; a dotted path reaches into objects (`realm_access.roles`). */
  rolesClaim: string;
  /** Claim value → Capstan role; a value that already names a role maps to it. */
  roleMap: Record<string, Role>;
  /** Claim values (groups) whose members sit on the authorization committee: they get the `committee` capability. */
  committeeGroups: string[];
  subjectClaim: string;
  algorithms: string[];
  /** Least time between two fetches of the JWKS for tokens naming an unknown key. */
  jwksCooldownMs: number;
  /** For the dashboard's redirect to the identity provider. */
  clientId?: string;
}

interface Discovery {
  jwks_uri: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
}

/**
 * Verifies tokens from the organisation's identity provider: signature by a key
 * from its JWKS (fetched on first use, cached, fetched again when a token names
 * a key it does not know, which is how rotation shows), issuer, audience and
 * expiry; roles from a configurable claim.
 */
/** The identity provider could not be asked (its discovery or keys did not answer): no verdict on the token. */
export class IdentityProviderUnavailable extends Error {}

/** Network failures of a request to the identity provider, as Node names them. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);

function unreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout) return true;
  // jose's own words for a key set that did not come back as one (a 5xx, a proxy's error page).
  if (error instanceof errors.JOSEError && /JSON Web Key Set HTTP response/.test(error.message)) return true;
  return UNREACHABLE_CODES.has(String((error as { code?: unknown } | null)?.code));
}

export class OidcVerifier {
  private keys?: ReturnType<typeof createRemoteJWKSet>;
  private discovery?: Promise<Discovery>;
  private tokenOrigin?: string;

  constructor(readonly config: OidcConfig) {}

  /** The token's principal; throws `IdentityProviderUnavailable` when the provider could not be asked, anything else when the token is bad. */
  async verify(token: string): Promise<Principal> {
    const keys = await this.keySet().catch((error: unknown) => {
      throw new IdentityProviderUnavailable(`OpenID discovery failed: ${String(error)}`);
    });
    const { payload } = await jwtVerify(token, keys, {
      issuer: this.config.issuer,
      audience: this.config.audience,
      algorithms: this.config.algorithms,
      requiredClaims: ['exp'],
      // The provider's clock and ours differ a little: a token minted this second (nbf = iat) is not yet "not valid".
      clockTolerance: TOKEN_CLOCK_TOLERANCE_SECONDS,
    }).catch((error: unknown) => {
      throw unreachable(error) ? new IdentityProviderUnavailable(`The identity provider's keys could not be fetched: ${String(error)}`) : error;
    });
    const subject = claimAt(payload, this.config.subjectClaim) ?? payload.sub;
    if (typeof subject !== 'string' || !subject) throw new Error(`The token has no ${this.config.subjectClaim} claim`);
    const committee = this.claimValues(payload).some((value) => this.config.committeeGroups.includes(value));
    return { subject, roles: this.rolesOf(payload), capabilities: committee ? ['committee'] : [], expiresAt: Number(payload.exp) * 1000 };
  }

  /** Origins the dashboard talks to when signing in (for the page's connect-src): the issuer's and its token endpoint's. */
  origins(): string[] {
    return [...new Set([new URL(this.config.issuer).origin, ...(this.tokenOrigin ? [this.tokenOrigin] : [])])];
  }

  /** The provider's endpoints, for the dashboard's sign-in redirect. */
  async endpoints(): Promise<{ authorizationEndpoint?: string; tokenEndpoint?: string }> {
    const discovery = await this.discover();
    return { authorizationEndpoint: discovery.authorization_endpoint, tokenEndpoint: discovery.token_endpoint };
  }

  rolesOf(payload: JWTPayload): Role[] {
    const values = this.claimValues(payload);
    const roles = new Set<Role>();
    // With a map, the map alone: a group someone may create at the provider named "admin" grants nothing by its name.
    const mapped = Object.keys(this.config.roleMap).length > 0;
    for (const value of values) {
      const role = mapped ? this.config.roleMap[value] : isRole(value) ? value : undefined;
      if (role) roles.add(role);
    }
    return [...roles];
  }

  /** The groups or roles the token names in the configured claim. */
  private claimValues(payload: JWTPayload): string[] {
    const claim = claimAt(payload, this.config.rolesClaim);
    return Array.isArray(claim) ? claim.map(String) : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  }

  private async keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (!this.keys) {
      const uri = this.config.jwksUri ?? (await this.discover()).jwks_uri;
      this.keys = createRemoteJWKSet(new URL(uri), { cacheMaxAge: 10 * 60_000, cooldownDuration: this.config.jwksCooldownMs });
    }
    return this.keys;
  }

  private discover(): Promise<Discovery> {
    this.discovery ??= (async () => {
      if (this.config.jwksUri && !this.config.clientId) return { jwks_uri: this.config.jwksUri };
      const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`OpenID discovery at ${url} answered ${response.status}`);
      const document = (await response.json()) as Discovery;
      if (!document.jwks_uri) throw new Error(`OpenID discovery at ${url} names no jwks_uri`);
      if (document.token_endpoint) this.tokenOrigin = new URL(document.token_endpoint).origin;
      return document;
    })().catch((error: unknown) => {
      // A failed discovery is tried again on the next request, not cached.
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/** `group=role,group=role`: how an operator maps the provider's groups to Capstan roles. */
export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const [group, role] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    if (at <= 0 || !isRole(role)) throw new Error(`"${pair}" is not group=role with a role among admin, pmo, finance, engineering, viewer`);
    map[group] = role;
  }
  return map;
}
