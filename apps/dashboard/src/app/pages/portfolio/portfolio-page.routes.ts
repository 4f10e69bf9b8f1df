import type { Route } from '@angular/router';
import { PortfolioPage } from './portfolio-page';

export const portfolioRoutes: Route[] = [{ path: '', component: PortfolioPage, title: 'Portfolio · Capstan' }];
