import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiFailure } from '../api/client.js';
import type { ResourceState } from '../api/use-resource.js';
import { useLanguage, type Translate } from '../i18n/language.js';

/** The API's own bilingual sentence when it sent one, otherwise what the person can do about it. */
export function describeFailure(error: unknown, t: Translate): string {
  if (error instanceof ApiFailure) {
    if (error.status === 0) return t('networkError');
    if (error.message) return error.message;
  }
  return t('unexpectedError');
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLanguage();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{describeFailure(error, t)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function SuccessNotice({ text }: { text: string }) {
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

export function InfoNotice({ children }: { children: ReactNode }) {
  return (
    <MessageBar intent="info">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

/** What an action left behind: its error, or its success sentence. */
export function ActionOutcome({ error, done }: { error: unknown; done: string | undefined }) {
  if (error !== undefined) return <ErrorNotice error={error} />;
  return done ? <SuccessNotice text={done} /> : null;
}

/** Loading, failed (with "Try again") or the content built from the loaded value. */
export function Loaded<T>({
  state,
  children,
}: {
  state: ResourceState<T> & { reload(): void };
  children: (value: T) => ReactNode;
}) {
  const { t } = useLanguage();
  if (state.phase === 'loading') return <Spinner label={t('loading')} />;
  if (state.phase === 'failed') return <ErrorNotice error={state.error} onRetry={state.reload} />;
  return <>{children(state.value)}</>;
}

export function ProblemNotice({ text }: { text: string }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
