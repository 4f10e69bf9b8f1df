import { Injectable, inject } from '@angular/core';
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import type { Role } from '@capstan/domain';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scope: string;
}

const PENDING_KEY = 'capstan.sso';

/**
 * Sign-in through the organisation's identity provider: the authorization code
 * flow with PKCE (a browser app keeps no client secret). The provider's token
 * then goes to the gateway like any bearer token.
 */
@Injectable({ providedIn: 'root' })
export class SingleSignOn {
  private readonly http = inject(HttpClient);

  async settings(): Promise<OidcSettings | null> {
    const config = await firstValueFrom(this.http.get<{ oidc: OidcSettings | null }>('/api/v1/auth/config'));
    return config.oidc;
  }

  /** Leaves for the provider's sign-in page; it sends the browser back to `/sign-in/callback`. */
  async begin(settings: OidcSettings): Promise<void> {
    const verifier = randomString();
    const state = randomString();
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, tokenEndpoint: settings.tokenEndpoint, clientId: settings.clientId }));
    const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: settings.clientId,
      redirect_uri: redirectUri(),
      scope: settings.scope,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    window.location.assign(`${settings.authorizationEndpoint}?${query}`);
  }

  /** Back from the provider: the code for a token, and the roles the gateway gives it. */
  async complete(params: URLSearchParams): Promise<{ token: string; roles: Role[]; capabilities: string[] }> {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { verifier: string; state: string; tokenEndpoint: string; clientId: string } | null;
    sessionStorage.removeItem(PENDING_KEY);
    const error = params.get('error');
    if (error) throw new Error(`The identity provider refused the sign-in: ${params.get('error_description') ?? error}`);
    if (!pending || params.get('state') !== pending.state) throw new Error('This sign-in did not start here, or has already been used. Start again.');
    const response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code') ?? '',
        redirect_uri: redirectUri(),
        client_id: pending.clientId,
        code_verifier: pending.verifier,
      }),
    });
    if (!response.ok) throw new Error(`The identity provider would not issue a token (${response.status}).`);
    const tokens = (await response.json()) as { access_token?: string; id_token?: string };
    // An access token issued for the API when the provider makes it a JWT; the ID token otherwise.
    const token = tokens.access_token?.split('.').length === 3 ? tokens.access_token : tokens.id_token;
    if (!token) throw new Error('The identity provider answered without a token.');
    const me = await firstValueFrom(
      this.http.get<{ roles: Role[]; capabilities: string[] }>('/api/v1/auth/me', { headers: new HttpHeaders({ Authorization: `Bearer ${token}` }) }),
    );
    return { token, roles: me.roles, capabilities: me.capabilities ?? [] };
  }
}

function redirectUri(): string {
  return `${window.location.origin}/sign-in/callback`;
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
