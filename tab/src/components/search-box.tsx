import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useLanguage } from '../i18n/language.js';

interface SearchBoxProps {
  readonly label: string;
  /** Called with the trimmed text on "Search" or Enter (empty: every row again); lists reload only then. */
  readonly onSearch: (text: string) => void;
}

/** A text search the API answers: typed, then applied on "Search" or Enter. */
export function SearchBox({ label, onSearch }: SearchBoxProps) {
  const { t } = useLanguage();
  const [draft, setDraft] = useState('');
  return (
    <form
      className="row"
      role="search"
      // Named, as two searches may share a page (Items and the accounts no job includes).
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <Field label={label}>
        <Input type="search" maxLength={200} value={draft} onChange={(_, data) => setDraft(data.value)} />
      </Field>
      <Button type="submit">{t('accountsSearchButton')}</Button>
    </form>
  );
}
