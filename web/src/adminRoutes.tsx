import { useRoutes, type RouteObject } from 'react-router';
import { PageResult } from './components/PageResult';
import { RequireNav } from './components/RequireNav';
import { walletRoutes } from './features/wallet/nav';
import { AdminLayout } from './features/shell/AdminLayout';
import { nav } from './nav';

const adminPages: RouteObject[] = nav.map((item) => ({
  ...(item.path === '/' ? { index: true } : { path: item.path }),
  element: <RequireNav item={item} />,
}));

const routes: RouteObject[] = [{ element: <AdminLayout />, children: [...adminPages, ...walletRoutes, { path: '*', element: <PageResult status={404} /> }] }];

/**
 * The admin console's pages under its layout. They come in the layout's chunk, not in router.tsx, so
 * that the sign-in page loads no menu, page list or icon of the console.
 */
export function AdminRoutes() {
  return useRoutes(routes);
}
