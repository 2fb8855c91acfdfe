import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isUnauthorized } from '../api';
import { FullPageSpin } from './FullPageSpin';
import { lazyComponent } from './lazyComponent';

// Shown only when the session cannot be read: not part of the sign-in page's download.
const LoadFailed = lazyComponent(async () => ({ default: (await import('./LoadFailed')).LoadFailed }));

export interface SignInState {
  from?: string;
}

/** Renders `children` once the session query succeeds; sends visitors without a session to `signInPath`. */
export function SessionGate({
  query,
  signInPath,
  children,
}: {
  query: UseQueryResult;
  signInPath: string;
  children: ReactNode;
}) {
  const location = useLocation();
  if (isUnauthorized(query.error)) {
    const state: SignInState = { from: location.pathname + location.search };
    return <Navigate to={signInPath} replace state={state} />;
  }
  if (query.isPending) return <FullPageSpin />;
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  return children;
}
