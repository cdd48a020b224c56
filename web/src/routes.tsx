import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The app's pages. Add a page: a folder under pages/, a line here (lazy, so each route's code
 * loads only when visited), and its path in gateway/src/web/index.ts APP_ROUTES (the gateway
 * answers it with index.html).
 */
export interface Route {
  path: string;
  /** Header navigation label (Chinese). */
  title: string;
  /** Departments that see it in the navigation; the graph decides what they may read. */
  departments: readonly string[] | 'all';
  component: LazyExoticComponent<ComponentType>;
  /** Full-screen (no app header): the wall-screen dashboard. */
  bare?: boolean;
}

export const ROUTES: readonly Route[] = [
  {
    path: '/dashboard',
    title: '数据大屏',
    departments: ['dashboard', 'hr', 'poverty', 'civil', 'training'],
    component: lazy(() => import('./pages/dashboard/DashboardPage')),
    bare: true,
  },
  { path: '/workbench', title: '工作台', departments: ['hr', 'poverty', 'civil', 'training'], component: lazy(() => import('./pages/workbench/WorkbenchPage')) },
  { path: '/partner', title: '协作城市', departments: ['partner'], component: lazy(() => import('./pages/partner/PartnerPage')) },
  { path: '/graphiql', title: '接口浏览', departments: 'all', component: lazy(() => import('./graphiql/GraphiQLPage')) },
];
