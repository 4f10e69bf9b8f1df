import { Injectable, computed, signal } from '@angular/core';
import { CRITERION_IDS, ENGINEERING_ATTESTABLE_CRITERIA, ROLES, type CriterionId, type Role } from '@capstan/domain';

export interface SessionPrincipal {
  subject: string;
  roles: Role[];
  /** Granted beside the roles, such as `committee` (the authorization committee's decisions). */
  capabilities?: string[];
  expiresAt: number;
}

const TOKEN_KEY = 'capstan.token';
const PRINCIPAL_KEY = 'capstan.principal';
const RETURN_KEY = 'capstan.returnTo';

/**
 * The signed-in caller. A Capstan token is only decoded here, to show roles and
 * hide write controls; a single sign-on token's roles come from the gateway
 * (`/api/v1/auth/me`), which maps them. The gateway verifies every call.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  readonly token = signal<string | null>(sessionStorage.getItem(TOKEN_KEY));
  private readonly known = signal<SessionPrincipal | null>(storedPrincipal());
  readonly principal = computed(() => {
    const principal = this.known() ?? decode(this.token());
    return principal && principal.expiresAt > Date.now() ? principal : null;
  });
  readonly canWriteInitiatives = computed(() => this.hasAnyRole('admin', 'pmo'));
  readonly canPlan = computed(() => this.hasAnyRole('admin', 'pmo'));
  /** The criteria this caller may attest evidence for: all for PMO and admins, those of its own systems for engineering. */
  readonly attestableCriteria = computed((): readonly CriterionId[] =>
    this.hasAnyRole('admin', 'pmo') ? CRITERION_IDS : this.hasAnyRole('engineering') ? ENGINEERING_ATTESTABLE_CRITERIA : [],
  );
  readonly canImportCosts = computed(() => this.hasAnyRole('admin', 'finance'));
  readonly canSetRolloutBudgets = computed(() => this.hasAnyRole('admin', 'finance'));
  /** Business volumes, the denominators of unit costs: finance, or engineering's systems that count them. */
  readonly canRecordVolumes = computed(() => this.hasAnyRole('admin', 'finance', 'engineering'));
  /** The authorization committee's decisions: admins, or the `committee` capability. */
  readonly canDecide = computed(() => this.hasAnyRole('admin') || (this.principal()?.capabilities ?? []).includes('committee'));
  /** Where work starts for this caller: the plan for PMO, economics for finance, the portfolio otherwise. */
  readonly home = computed(() => (this.hasAnyRole('admin') ? '/' : this.hasAnyRole('pmo') ? '/rollout' : this.hasAnyRole('finance') ? '/economics' : '/'));

  /**
   * Signs in with a token. For single sign-on the gateway's answer (`/api/v1/auth/me`) gives the roles and
   * capabilities, in place of anything the provider's token claims.
   */
  signIn(token: string, granted?: { roles: Role[]; capabilities: string[] }): SessionPrincipal | null {
    const decoded = decode(token);
    if (!decoded) return null;
    const principal = granted ? { ...decoded, ...granted } : decoded;
    sessionStorage.setItem(TOKEN_KEY, token);
    if (granted) sessionStorage.setItem(PRINCIPAL_KEY, JSON.stringify(principal));
    else sessionStorage.removeItem(PRINCIPAL_KEY);
    this.token.set(token);
    this.known.set(granted ? principal : null);
    return principal;
  }

  /**
   * Where to go back to after signing in: the page a link or an expired session left the user on. Kept in the tab's
   * storage, as single sign-on leaves the app and comes back. Only a path of this app is kept.
   */
  rememberReturn(url: string): void {
    // The bare root is where everyone comes in: signing in leads home from there.
    if (url.startsWith('/') && !url.startsWith('//') && url !== '/' && !url.startsWith('/sign-in')) sessionStorage.setItem(RETURN_KEY, url);
  }

  /** The page to go to now that the user is signed in: the one remembered (once), else the caller's home. */
  takeReturn(): string {
    const url = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    return url ?? this.home();
  }

  signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(PRINCIPAL_KEY);
    this.token.set(null);
    this.known.set(null);
  }

  hasAnyRole(...roles: Role[]): boolean {
    const held = this.principal()?.roles ?? [];
    return held.some((role) => roles.includes(role));
  }
}

function storedPrincipal(): SessionPrincipal | null {
  try {
    return JSON.parse(sessionStorage.getItem(PRINCIPAL_KEY) ?? 'null') as SessionPrincipal | null;
  } catch {
    return null;
  }
}

/** The token's subject, roles and expiry, read without verifying (the gateway does that). */
export function decode(token: string | null): SessionPrincipal | null {
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      sub?: string;
      email?: string;
      preferred_username?: string;
      roles?: unknown;
      capabilities?: unknown;
      exp?: number;
    };
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)) : [];
    const capabilities = Array.isArray(payload.capabilities) ? payload.capabilities.filter((c): c is string => typeof c === 'string') : [];
    const subject = payload.preferred_username ?? payload.email ?? payload.sub;
    if (!subject || !payload.exp || payload.exp * 1000 < Date.now()) return null;
    return { subject, roles, capabilities, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}
