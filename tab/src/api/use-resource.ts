import { useCallback, useEffect, useState } from 'react';

export type ResourceState<T> =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: unknown }
  | { readonly phase: 'ready'; readonly value: T };

/** Loads something from the API when `key` changes; `reload` loads it again (after a change, or on "Try again"). */
export function useResource<T>(load: () => Promise<T>, key: string): ResourceState<T> & { reload(): void } {
  const [state, setState] = useState<ResourceState<T>>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => (previous.phase === 'ready' ? previous : { phase: 'loading' }));
    load().then(
      (value) => current && setState({ phase: 'ready', value }),
      (error: unknown) => current && setState({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure every render; `key` names what it loads.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
