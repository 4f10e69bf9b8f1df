import type { Route } from '@angular/router';
import { InitiativePage } from './initiative-page';

export const initiativeRoutes: Route[] = [{ path: '', component: InitiativePage, title: 'Initiative · Capstan' }];
