import { useEffect } from 'react';

/** How often something unfinished (a running job, a run) is read again while someone looks at it. */
export const refreshMs = 2000;

/**
 * Calls `reload` `refreshMs` after each change of `version` (the loaded value) while `unfinished` holds, so a
 * page follows a run to its end without a timer left behind when it finishes or the page closes.
 */
export function useRefreshWhile(unfinished: boolean, version: unknown, reload: () => void): void {
  useEffect(() => {
    if (!unfinished) return undefined;
    const timer = setTimeout(reload, refreshMs);
    return () => clearTimeout(timer);
  }, [unfinished, version, reload]);
}
