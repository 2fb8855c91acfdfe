import type { ReactNode } from 'react';
import { AppHeader } from '../../components/AppHeader';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { UserMenu } from './UserMenu';

/** Top bar of the account layouts: `start` on the left; links, language and user menu on the right. */
export function HeaderBar({ start, links, compact = false }: { start: ReactNode; links?: ReactNode; compact?: boolean }) {
  return (
    <AppHeader
      compact={compact}
      start={start}
      end={
        <>
          {links}
          <LanguageSwitch />
          <UserMenu compact={compact} />
        </>
      }
    />
  );
}
