import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { Router, RouterLink } from '@angular/router';
import { Session } from '../../core/session';
import { SingleSignOn } from '../../core/single-sign-on';

/** Where the identity provider sends the browser back: finish the sign-in, or say why it failed. */
@Component({
  selector: 'cap-sign-in-callback-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-live="polite">
      @if (error(); as message) {
        <h1>Sign-in failed</h1>
        <p class="error" role="alert">{{ message }}</p>
        <a routerLink="/sign-in">Back to sign-in</a>
      } @else {
        <h1>Signing you in…</h1>
      }
    </section>
  `,
  styles: `
    .card { max-width: 40rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
    .error { color: #a4161a; }
  `,
})
export class SignInCallbackPage implements OnInit {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly singleSignOn = inject(SingleSignOn);
  protected readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const { token, roles, capabilities } = await this.singleSignOn.complete(new URLSearchParams(window.location.search));
      if (!this.session.signIn(token, { roles, capabilities })) throw new Error('The identity provider issued a token that has already expired.');
      await this.router.navigateByUrl(this.session.takeReturn());
    } catch (error) {
      this.error.set(
        error instanceof HttpErrorResponse && error.status === 403
          ? 'You are signed in with your organisation, but your account has no Capstan role. Ask an administrator to add you to a Capstan group.'
          : error instanceof HttpErrorResponse
            ? `Capstan did not accept the sign-in (${error.status}).`
            : (error as Error).message,
      );
    }
  }
}
