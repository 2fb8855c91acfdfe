import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The member area's approval pages, under /app. */
export const approvalMemberRoutes: RouteObject[] = [
  { path: 'approvals', element: lazyPage(async () => (await import('./MemberApprovalsPage')).MemberApprovalsPage) },
  { path: 'approvals/new/:templateId', element: lazyPage(async () => (await import('./SubmitPage')).SubmitPage) },
  { path: 'approvals/requests/:requestId', element: lazyPage(async () => (await import('./RequestPage')).RequestPage) },
  // 协助管理: the templates a member helps manage and their requests, for assistants who are no admins.
  { path: 'approvals/templates/:templateId', element: lazyPage(async () => (await import('./AssistedTemplatePage')).AssistedTemplatePage) },
  { path: 'approvals/data', element: lazyPage(async () => (await import('./DataPage')).DataPage) },
];
