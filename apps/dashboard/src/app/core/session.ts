import { Injectable, computed, signal } from '@angular/core';
import { ROLES, type Role } from '@capstan/domain';

export interface SessionPrincipal {
  subject: string;
  roles: Role[];
  expiresAt: number;
}

const STORAGE_KEY = 'capstan.token';

/**
 * The signed-in caller. The token is only decoded here, to show roles and hide
 * write controls; the gateway verifies it on every call.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  readonly token = signal<string | null>(sessionStorage.getItem(STORAGE_KEY));
  readonly principal = computed(() => decode(this.token()));
  readonly canWriteInitiatives = computed(() => this.hasAnyRole('admin', 'pmo'));
  readonly canPlan = computed(() => this.hasAnyRole('admin', 'pmo'));
  readonly canImportCosts = computed(() => this.hasAnyRole('admin', 'finance'));

  signIn(token: string): SessionPrincipal | null {
    const principal = decode(token);
    if (!principal) return null;
    sessionStorage.setItem(STORAGE_KEY, token);
    this.token.set(token);
    return principal;
  }

  signOut(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    this.token.set(null);
  }

  hasAnyRole(...roles: Role[]): boolean {
    const held = this.principal()?.roles ?? [];
    return held.some((role) => roles.includes(role));
  }
}

function decode(token: string | null): SessionPrincipal | null {
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      sub?: string;
      roles?: unknown;
      exp?: number;
    };
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)) : [];
    if (!payload.sub || !payload.exp || payload.exp * 1000 < Date.now()) return null;
    return { subject: payload.sub, roles, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}
