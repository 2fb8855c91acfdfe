import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageResult } from './components/PageResult';
import { RequireMe } from './components/RequireMe';
import { RequireNav } from './components/RequireNav';
import { LoginPage } from './features/auth/LoginPage';
import { RegisterPage } from './features/auth/RegisterPage';
import { InboxPage } from './features/inbox/InboxPage';
import { ActivatePage } from './features/member-links/ActivatePage';
import { JoinPage } from './features/member-links/JoinPage';
import { approvalMemberRoutes } from './features/approvals/routes';
import { OperatorCorpsPage } from './features/operator/OperatorCorpsPage';
import { OperatorLayout } from './features/operator/OperatorLayout';
import { OperatorLoginPage } from './features/operator/OperatorLoginPage';
import { RequireOperator } from './features/operator/RequireOperator';
import { AdminLayout } from './features/shell/AdminLayout';
import { MemberLayout } from './features/shell/MemberLayout';
import { nav } from './nav';
import { walletRoutes } from './features/wallet/nav';
import { operatorWalletRoutes } from './features/operator-wallet/routes';
import { operatorCategoryRoutes } from './features/operator-category/routes';

const adminPages: RouteObject[] = nav.map((item) => ({
  ...(item.path === '/' ? { index: true } : { path: item.path }),
  element: <RequireNav item={item} />,
}));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/activate/:token', element: <ActivatePage /> },
  { path: '/join/:code', element: <JoinPage /> },
  {
    path: '/app',
    element: (
      <RequireMe>
        <MemberLayout />
      </RequireMe>
    ),
    children: [{ index: true, element: <InboxPage /> }, ...approvalMemberRoutes],
  },
  { path: '/operator/login', element: <OperatorLoginPage /> },
  {
    path: '/operator',
    element: (
      <RequireOperator>
        <OperatorLayout />
      </RequireOperator>
    ),
    children: [{ index: true, element: <OperatorCorpsPage /> }, ...operatorWalletRoutes, ...operatorCategoryRoutes],
  },
  {
    path: '/',
    element: (
      <RequireMe>
        <AdminLayout />
      </RequireMe>
    ),
    children: [...adminPages, ...walletRoutes, { path: '*', element: <PageResult status={404} /> }],
  },
]);
