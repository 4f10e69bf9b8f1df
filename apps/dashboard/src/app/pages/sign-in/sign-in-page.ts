import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { Session } from '../../core/session';
import { SingleSignOn, type OidcSettings } from '../../core/single-sign-on';

/**
 * Sign-in: through the organisation's identity provider when the gateway has
 * one configured; otherwise (and always, as a fallback) with a bearer token,
 * such as those `npm start` prints.
 */
@Component({
  selector: 'cap-sign-in-page',
  imports: [FormsModule, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <h1>Sign in</h1>
      @if (expired() !== undefined) {
        <p class="notice" role="status">Your session has ended. Sign in again to go back to the page you were on; a change not yet saved there was not kept.</p>
      }
      @if (sso(); as settings) {
        <p>Sign in with your organisation's account.</p>
        <button type="button" class="primary" (click)="signInWithProvider(settings)" [disabled]="leaving()">Sign in with single sign-on</button>
        <details>
          <summary>Use a token instead</summary>
          <ng-container *ngTemplateOutlet="tokenForm" />
        </details>
      } @else {
        <p>Paste a bearer token (a JWT; API keys are for programs). <code>npm start</code> prints one per role; <code>npm run token -- --role pmo</code> makes another.</p>
        <ng-container *ngTemplateOutlet="tokenForm" />
      }
      <ng-template #tokenForm>
        <form (ngSubmit)="submit()">
          <label for="token">Token</label>
          <textarea id="token" name="token" rows="5" [(ngModel)]="token" required aria-describedby="token-error"></textarea>
          @if (error()) {
            <p id="token-error" class="error" role="alert">{{ error() }}</p>
          }
          <button type="submit">Sign in</button>
        </form>
      </ng-template>
    </section>
  `,
  styles: `
    .card { max-width: 40rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
    label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
    textarea { width: 100%; font-family: monospace; box-sizing: border-box; }
    .error { color: #a4161a; }
    .notice { background: #fff4d6; border-radius: 4px; padding: 0.5rem 0.75rem; }
    button { margin-top: 1rem; padding: 0.5rem 1.25rem; background: #14213d; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
    details { margin-top: 1.5rem; }
    summary { cursor: pointer; }
  `,
})
export class SignInPage implements OnInit {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly singleSignOn = inject(SingleSignOn);
  protected token = '';
  protected readonly error = signal<string | null>(null);
  protected readonly sso = signal<OidcSettings | null>(null);
  protected readonly leaving = signal(false);
  /** Sent here because the session ended (a 401), not by signing out. */
  readonly expired = input<string>();

  ngOnInit(): void {
    // Without an answer (an older gateway, a network error) the token form is all there is.
    this.singleSignOn.settings().then(
      (settings) => this.sso.set(settings),
      () => this.sso.set(null),
    );
  }

  protected async signInWithProvider(settings: OidcSettings): Promise<void> {
    this.leaving.set(true);
    await this.singleSignOn.begin(settings);
  }

  protected submit(): void {
    if (this.session.signIn(this.token.trim())) {
      void this.router.navigateByUrl(this.session.takeReturn());
    } else {
      this.error.set('That token is not valid or has expired.');
    }
  }
}
