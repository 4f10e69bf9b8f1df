import type { Route } from '@angular/router';
import { RolloutPage } from './rollout-page';

export const rolloutRoutes: Route[] = [{ path: '', component: RolloutPage, title: 'Rollout plan · Capstan' }];
