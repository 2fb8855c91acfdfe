import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The member area's file page, under /app. */
export const filesMemberRoutes: RouteObject[] = [{ path: 'files', element: lazyPage(async () => (await import('./FilesPage')).FilesPage) }];
