import { Button, Field, Input } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language.js';

/** The days a list is narrowed to, as the date inputs give them (`yyyy-mm-dd`, empty for no bound). */
export interface DayRange {
  from: string;
  to: string;
}

interface FilterFormProps<F extends DayRange> {
  readonly label: string;
  readonly draft: F;
  readonly onDraft: (draft: F) => void;
  /** Applies the filters as typed; lists reload only then, not on every keystroke. */
  readonly onApply: () => void;
  /** The list's own filters, before the dates. */
  readonly children: ReactNode;
}

/** A row of filters ending with "From", "To" and "Apply filters". */
export function FilterForm<F extends DayRange>({ label, draft, onDraft, onApply, children }: FilterFormProps<F>) {
  const { t } = useLanguage();
  return (
    <form
      className="row"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      {children}
      <Field label={t('activityFrom')}>
        <Input type="date" value={draft.from} onChange={(_, data) => onDraft({ ...draft, from: data.value })} />
      </Field>
      <Field label={t('activityTo')}>
        <Input type="date" value={draft.to} onChange={(_, data) => onDraft({ ...draft, to: data.value })} />
      </Field>
      <Button type="submit" appearance="primary">
        {t('activityApply')}
      </Button>
    </form>
  );
}
