import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from './core/session';

const LINKS = [
  { path: '/', label: 'Portfolio' },
  { path: '/rollout', label: 'Rollout plan' },
  { path: '/economics', label: 'Economics' },
  { path: '/intake', label: 'Intake' },
  { path: '/decisions', label: 'Decisions & audit' },
];

@Component({
  selector: 'cap-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <a class="brand" routerLink="/">Capstan</a>
      <span class="tagline">AI initiative readiness &amp; rollout</span>
      @if (session.principal(); as principal) {
        <nav aria-label="Main">
          @for (link of navigation(); track link.path) {
            <a [routerLink]="link.path" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: link.path === '/' }">{{ link.label }}</a>
          }
        </nav>
        <span class="who" data-testid="principal">{{ principal.subject }} · {{ principal.roles.join(', ') }}</span>
        <button type="button" class="link" (click)="signOut()">Sign out</button>
      }
    </header>
    <main><router-outlet /></main>
  `,
  styles: `
    .bar { display: flex; align-items: center; gap: 1rem; padding: 0.75rem 1.5rem; background: #14213d; color: #fff; }
    .brand { color: #fff; font-weight: 700; font-size: 1.2rem; text-decoration: none; }
    .tagline { opacity: 0.75; font-size: 0.9rem; }
    nav { display: flex; gap: 0.75rem; margin-left: 1rem; }
    nav a { color: #fffc; text-decoration: none; padding: 0.25rem 0.5rem; border-radius: 4px; }
    nav a.active { background: #fff2; color: #fff; }
    .who { margin-left: auto; font-size: 0.9rem; }
    .link { background: none; border: 1px solid #fff6; color: #fff; border-radius: 4px; padding: 0.25rem 0.75rem; cursor: pointer; }
    main { padding: 1.5rem; max-width: 1400px; margin: 0 auto; }
  `,
})
export class App {
  protected readonly session = inject(Session);
  /** The caller's own starting page comes first. */
  protected readonly navigation = computed(() => {
    const home = this.session.home();
    return [...LINKS.filter((link) => link.path === home), ...LINKS.filter((link) => link.path !== home)];
  });
  private readonly router = inject(Router);

  protected signOut(): void {
    this.session.signOut();
    void this.router.navigateByUrl('/sign-in');
  }
}
