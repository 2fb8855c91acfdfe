import type { ReactNode } from 'react';
import { SessionGate } from '../../components/SessionGate';
import { useOperatorQuery } from './api';

export function RequireOperator({ children }: { children: ReactNode }) {
  return (
    <SessionGate query={useOperatorQuery()} signInPath="/operator/login">
      {children}
    </SessionGate>
  );
}
