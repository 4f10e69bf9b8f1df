import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { Session } from './session';

export const signedIn: CanActivateFn = () => inject(Session).principal() !== null || inject(Router).parseUrl('/sign-in');
