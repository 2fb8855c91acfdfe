import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { FullPageSpin } from './FullPageSpin';

/**
 * A page in its own chunk, loaded on its first visit with a spinner meanwhile (React.lazy), so the
 * sign-in page loads none of the admin, member or operator pages.
 */
export function lazyPage(load: () => Promise<ComponentType>): ReactNode {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Page />
    </Suspense>
  );
}
