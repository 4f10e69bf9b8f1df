import type { Route } from '@angular/router';
import { DecisionsPage } from './decisions-page';

export const decisionsRoutes: Route[] = [{ path: '', component: DecisionsPage, title: 'Decisions & audit · Capstan' }];
