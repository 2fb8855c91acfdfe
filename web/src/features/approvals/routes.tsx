import type { RouteObject } from 'react-router';
import { MemberApprovalsPage } from './MemberApprovalsPage';
import { RequestPage } from './RequestPage';
import { SubmitPage } from './SubmitPage';

/** The member area's approval pages, under /app. */
export const approvalMemberRoutes: RouteObject[] = [
  { path: 'approvals', element: <MemberApprovalsPage /> },
  { path: 'approvals/new/:templateId', element: <SubmitPage /> },
  { path: 'approvals/requests/:requestId', element: <RequestPage /> },
];
