import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A component in its own chunk, loaded when it first renders (nothing shows meanwhile): for what the
 * sign-in page shows only on a failure or an option, so that its download leaves it out.
 */
export function lazyComponent<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const Component = lazy(load);
  return function Lazy(props: P) {
    return (
      <Suspense fallback={null}>
        <Component {...props} />
      </Suspense>
    );
  };
}

