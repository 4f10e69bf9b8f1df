import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { Session } from './core/session';

@Component({
  selector: 'cap-root',
  imports: [RouterOutlet, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <a class="brand" routerLink="/">Capstan</a>
      <span class="tagline">AI initiative readiness &amp; rollout</span>
      @if (session.principal(); as principal) {
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
    .who { margin-left: auto; font-size: 0.9rem; }
    .link { background: none; border: 1px solid #fff6; color: #fff; border-radius: 4px; padding: 0.25rem 0.75rem; cursor: pointer; }
    main { padding: 1.5rem; max-width: 1400px; margin: 0 auto; }
  `,
})
export class App {
  protected readonly session = inject(Session);
  private readonly router = inject(Router);

  protected signOut(): void {
    this.session.signOut();
    void this.router.navigateByUrl('/sign-in');
  }
}
