import type { Route } from '@angular/router';
import { signedIn } from './core/signed-in.guard';

export const appRoutes: Route[] = [
  { path: 'sign-in', loadComponent: () => import('./pages/sign-in/sign-in-page').then((m) => m.SignInPage) },
  { path: 'sign-in/callback', loadComponent: () => import('./pages/sign-in/sign-in-callback-page').then((m) => m.SignInCallbackPage) },
  {
    path: 'initiatives/:id',
    canActivate: [signedIn],
    loadChildren: () => import('./pages/initiative/initiative-page.routes').then((m) => m.initiativeRoutes),
  },
  {
    path: 'economics',
    canActivate: [signedIn],
    loadChildren: () => import('./pages/economics/economics-page.routes').then((m) => m.economicsRoutes),
  },
  {
    path: 'intake',
    canActivate: [signedIn],
    loadChildren: () => import('./pages/intake/intake-page.routes').then((m) => m.intakeRoutes),
  },
  {
    path: 'decisions',
    canActivate: [signedIn],
    loadChildren: () => import('./pages/decisions/decisions-page.routes').then((m) => m.decisionsRoutes),
  },
  {
    path: 'rollout',
    canActivate: [signedIn],
    loadChildren: () => import('./pages/rollout/rollout-page.routes').then((m) => m.rolloutRoutes),
  },
  {
    path: '',
    canActivate: [signedIn],
    loadChildren: () => import('./pages/portfolio/portfolio-page.routes').then((m) => m.portfolioRoutes),
  },
  { path: '**', redirectTo: '' },
];
