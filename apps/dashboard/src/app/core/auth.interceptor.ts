import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { Session } from './session';

export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const router = inject(Router);
  const token = session.token();
  // A request that names its own credential (completing a single sign-on) keeps it.
  const ownCredential = request.headers.has('Authorization');
  const authorized = token && !ownCredential ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
  return next(authorized).pipe(
    catchError((error: unknown) => {
      // A sign-in being completed says itself why it failed. Otherwise the session has expired (or its token was
      // revoked): sign in again, then back to this page.
      if (error instanceof HttpErrorResponse && error.status === 401 && !ownCredential) {
        // A page opening makes its first requests before the router has moved to it.
        const navigating = router.currentNavigation()?.finalUrl;
        session.rememberReturn(navigating ? router.serializeUrl(navigating) : router.url);
        session.signOut();
        void router.navigateByUrl('/sign-in?expired=1');
      }
      return throwError(() => error);
    }),
  );
};
