import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { Session } from './session';

/** Signed in, or off to sign in first, and back to this page after. */
export const signedIn: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  if (session.principal() !== null) return true;
  session.rememberReturn(state.url);
  return inject(Router).parseUrl('/sign-in');
};
