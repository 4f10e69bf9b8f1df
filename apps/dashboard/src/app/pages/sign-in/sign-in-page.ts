import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { Session } from '../../core/session';

/** Development sign-in: paste one of the tokens `npm start` prints. */
@Component({
  selector: 'cap-sign-in-page',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <h1>Sign in</h1>
      <p>Paste a bearer token. <code>npm start</code> prints one per role; <code>npm run token -- --role pmo</code> makes another.</p>
      <form (ngSubmit)="submit()">
        <label for="token">Token</label>
        <textarea id="token" name="token" rows="5" [(ngModel)]="token" required aria-describedby="token-error"></textarea>
        @if (error()) {
          <p id="token-error" class="error" role="alert">{{ error() }}</p>
        }
        <button type="submit">Sign in</button>
      </form>
    </section>
  `,
  styles: `
    .card { max-width: 40rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
    label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
    textarea { width: 100%; font-family: monospace; box-sizing: border-box; }
    .error { color: #a4161a; }
    button { margin-top: 1rem; padding: 0.5rem 1.25rem; background: #14213d; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  `,
})
export class SignInPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected token = '';
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.session.signIn(this.token.trim())) {
      void this.router.navigateByUrl('/');
    } else {
      this.error.set('That token is not valid or has expired.');
    }
  }
}
