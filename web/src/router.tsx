import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageResult } from './components/PageResult';
import { RequireMe } from './components/RequireMe';
import { RequireNav } from './components/RequireNav';
import { lazyPage } from './components/lazyPage';
import { LoginPage } from './features/auth/LoginPage';
import { approvalMemberRoutes } from './features/approvals/routes';
import { docsMemberRoutes } from './features/docs/routes';
import { RequireOperator } from './features/operator/RequireOperator';
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
  { path: '/register', element: lazyPage(async () => (await import('./features/auth/RegisterPage')).RegisterPage) },
  { path: '/activate/:token', element: lazyPage(async () => (await import('./features/member-links/ActivatePage')).ActivatePage) },
  { path: '/join/:code', element: lazyPage(async () => (await import('./features/member-links/JoinPage')).JoinPage) },
  { path: '/forgot-password', element: lazyPage(async () => (await import('./features/auth/ForgotPasswordPage')).ForgotPasswordPage) },
  { path: '/reset/:token', element: lazyPage(async () => (await import('./features/auth/ResetPasswordPage')).ResetPasswordPage) },
  {
    path: '/app',
    element: (
      <RequireMe>{lazyPage(async () => (await import('./features/shell/MemberLayout')).MemberLayout)}</RequireMe>
    ),
    children: [{ index: true, element: lazyPage(async () => (await import('./features/inbox/InboxPage')).InboxPage) }, ...approvalMemberRoutes, ...docsMemberRoutes],
  },
  { path: '/operator/login', element: lazyPage(async () => (await import('./features/operator/OperatorLoginPage')).OperatorLoginPage) },
  {
    path: '/operator',
    element: (
      <RequireOperator>{lazyPage(async () => (await import('./features/operator/OperatorLayout')).OperatorLayout)}</RequireOperator>
    ),
    children: [{ index: true, element: lazyPage(async () => (await import('./features/operator/OperatorCorpsPage')).OperatorCorpsPage) }, ...operatorWalletRoutes, ...operatorCategoryRoutes],
  },
  {
    path: '/',
    element: (
      <RequireMe>{lazyPage(async () => (await import('./features/shell/AdminLayout')).AdminLayout)}</RequireMe>
    ),
    children: [...adminPages, ...walletRoutes, { path: '*', element: <PageResult status={404} /> }],
  },
]);
