import type { Route } from '@angular/router';
import { EconomicsPage } from './economics-page';

export const economicsRoutes: Route[] = [{ path: '', component: EconomicsPage, title: 'Economics · Capstan' }];
