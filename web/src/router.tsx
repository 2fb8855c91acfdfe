import { useRoutes, type RouteObject } from 'react-router';
import { RequireMe } from './components/RequireMe';
import { lazyPage } from './components/lazyPage';
import { LoginPage } from './features/auth/LoginPage';
import { approvalMemberRoutes } from './features/approvals/routes';
import { attendanceMemberRoutes } from './features/attendance/routes';
import { docsMemberRoutes } from './features/docs/routes';
import { filesMemberRoutes } from './features/files/routes';
import { RequireOperator } from './features/operator/RequireOperator';
import { operatorWalletRoutes } from './features/operator-wallet/routes';
import { operatorCategoryRoutes } from './features/operator-category/routes';
import { operatorMigrationRoutes } from './features/data-migration/routes';
import { operatorCertificationRoutes } from './features/certification/routes';

// Declarative routing (BrowserRouter + useRoutes), not a data router: the console loads no route data
// through React Router, and the data router is a third of React Router's size on the sign-in page.
const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: lazyPage(async () => (await import('./features/auth/RegisterPage')).RegisterPage) },
  { path: '/activate/:token', element: lazyPage(async () => (await import('./features/member-links/ActivatePage')).ActivatePage) },
  { path: '/join/:code', element: lazyPage(async () => (await import('./features/member-links/JoinPage')).JoinPage) },
  { path: '/c/:code', element: lazyPage(async () => (await import('./features/acquisition/CustomerLinkPage')).CustomerLinkPage) },
  { path: '/forgot-password', element: lazyPage(async () => (await import('./features/auth/ForgotPasswordPage')).ForgotPasswordPage) },
  { path: '/reset/:token', element: lazyPage(async () => (await import('./features/auth/ResetPasswordPage')).ResetPasswordPage) },
  {
    path: '/app',
    element: (
      <RequireMe>{lazyPage(async () => (await import('./features/shell/MemberLayout')).MemberLayout)}</RequireMe>
    ),
    children: [{ index: true, element: lazyPage(async () => (await import('./features/inbox/InboxPage')).InboxPage) }, ...approvalMemberRoutes, ...attendanceMemberRoutes, ...docsMemberRoutes, ...filesMemberRoutes],
  },
  { path: '/operator/login', element: lazyPage(async () => (await import('./features/operator/OperatorLoginPage')).OperatorLoginPage) },
  {
    path: '/operator',
    element: (
      <RequireOperator>{lazyPage(async () => (await import('./features/operator/OperatorLayout')).OperatorLayout)}</RequireOperator>
    ),
    children: [{ index: true, element: lazyPage(async () => (await import('./features/operator/OperatorCorpsPage')).OperatorCorpsPage) }, ...operatorWalletRoutes, ...operatorCategoryRoutes, ...operatorCertificationRoutes, ...operatorMigrationRoutes],
  },
  // The admin console: its pages are listed in adminRoutes.tsx.
  { path: '/*', element: <RequireMe>{lazyPage(async () => (await import('./adminRoutes')).AdminRoutes)}</RequireMe> },
];

export function AppRoutes() {
  return useRoutes(routes);
}
