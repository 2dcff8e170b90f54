import { useState } from 'react';

export interface ActionState {
  readonly busy: boolean;
  readonly error: unknown;
  readonly done: string | undefined;
  /**
   * Runs the action; on success shows `successText` (if any; a function words it from what the action answered), on
   * failure keeps the error to show.
   */
  run<T>(action: () => Promise<T>, successText?: string | ((result: T) => string)): Promise<boolean>;
  clear(): void;
}

/** The state of a button or form that changes something: busy while it runs, then its outcome. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  return {
    busy,
    error,
    done,
    async run(action, successText) {
      setBusy(true);
      setError(undefined);
      setDone(undefined);
      try {
        const result = await action();
        setDone(typeof successText === 'function' ? successText(result) : successText);
        return true;
      } catch (failure) {
        setError(failure ?? new Error('failed'));
        return false;
      } finally {
        setBusy(false);
      }
    },
    clear() {
      setError(undefined);
      setDone(undefined);
    },
  };
}
