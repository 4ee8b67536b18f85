import { useMemo, useRef } from 'preact/hooks';
import { reuseUnchanged } from '../../shared/structuralSharing';

/**
 * `next` with unchanged items (by key and data) swapped for the ones handed out last render, so
 * memoised rows below see the same object and skip rendering (see shared/structuralSharing).
 */
export function useStableList<T>(next: readonly T[], keyOf: (item: T) => string): readonly T[] {
  const previous = useRef<readonly T[] | undefined>(undefined);
  return useMemo(() => {
    const stable = reuseUnchanged(previous.current, next, keyOf);
    previous.current = stable;
    return stable;
    // keyOf is a module-level function at every call site, so only the list is a dependency.
  }, [next]);
}
