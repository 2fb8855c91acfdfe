import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { SetNewPasswordPage } from '../features/auth/SetNewPasswordPage';
import { useMeQuery } from '../session';
import { SessionGate } from './SessionGate';

/**
 * Admits signed-in accounts that have a current enterprise; others go to sign-in or registration.
 * An account whose admin asked for a new password sets one first.
 */
export function RequireMe({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  return (
    <SessionGate query={me} signInPath="/login">
      {me.data?.newPasswordRequired ? <SetNewPasswordPage /> : me.data?.currentCorp ? children : <Navigate to="/register" replace />}
    </SessionGate>
  );
}
