import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The member area's docs pages, under /app. */
export const docsMemberRoutes: RouteObject[] = [
  { path: 'docs', element: lazyPage(async () => (await import('./DocsPage')).DocsPage) },
  { path: 'docs/:fileId', element: lazyPage(async () => (await import('./FilePage')).FilePage) },
];
