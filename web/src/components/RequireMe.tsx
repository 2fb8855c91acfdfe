import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMeQuery } from '../session';
import { SessionGate } from './SessionGate';
import { lazyPage } from './lazyPage';

const SetNewPasswordPage = lazyPage(async () => (await import('../features/auth/SetNewPasswordPage')).SetNewPasswordPage);

/**
 * Admits signed-in accounts that have a current enterprise; others go to sign-in or registration.
 * An account whose admin asked for a new password sets one first.
 */
export function RequireMe({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  return (
    <SessionGate query={me} signInPath="/login">
      {me.data?.newPasswordRequired ? SetNewPasswordPage : me.data?.currentCorp ? children : <Navigate to="/register" replace />}
    </SessionGate>
  );
}
