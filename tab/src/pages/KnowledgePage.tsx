import { Button, Card, Field, Input, Link, Select, Text, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { knowledgeList } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { articleCategories, type ArticleCategory } from '../api/model.js';
import { useResource } from '../api/use-resource.js';
import { InfoNotice, Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { ArticleView } from './ArticleView.js';

/** "Knowledge base": concepts, how-tos and common errors, searched by words, read as safe Markdown. */
export function KnowledgePage() {
  const { t } = useLanguage();
  const { api } = useSession();
  const [words, setWords] = useState('');
  const [query, setQuery] = useState<{ q: string; category: ArticleCategory | '' }>({ q: '', category: '' });
  const [reading, setReading] = useState<string | undefined>(undefined);
  // The answer carries the words it answers, so a list kept on screen while a new search loads is never mislabelled.
  const articles = useResource(async () => {
    const found = await knowledgeList(api, {
      query: { q: query.q || undefined, category: query.category || undefined, limit: 100 },
    });
    return { words: query.q, items: found.items };
  }, JSON.stringify(query));

  if (reading) return <ArticleView api={api} slug={reading} onBack={() => setReading(undefined)} />;
  return (
    <section className="page" aria-labelledby="knowledge-title">
      <Title2 as="h1" id="knowledge-title">
        {t('knowledgeTitle')}
      </Title2>
      <form
        className="row"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ ...query, q: words.trim() });
        }}
      >
        <Field label={t('knowledgeSearch')}>
          <Input type="search" value={words} onChange={(_, data) => setWords(data.value)} />
        </Field>
        <Field label={t('knowledgeCategory')}>
          <Select
            value={query.category}
            onChange={(_, data) => setQuery({ ...query, category: data.value as ArticleCategory | '' })}
          >
            <option value="">{t('knowledgeAll')}</option>
            {articleCategories.map((c) => (
              <option key={c} value={c}>
                {t(keyOf('category', c))}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary">
          {t('knowledgeSearchButton')}
        </Button>
      </form>
      <Loaded state={articles}>
        {(found) =>
          found.items.length === 0 ? (
            <InfoNotice>{t('knowledgeEmpty')}</InfoNotice>
          ) : (
            <>
              {found.words && (
                <Text role="status">{t('knowledgeResults', { count: found.items.length, words: found.words })}</Text>
              )}
              <ul className="form" style={{ listStyle: 'none', padding: 0, maxWidth: 'none' }}>
                {found.items.map((item) => (
                  <li key={item.slug}>
                    <Card>
                      <Title3 as="h2">
                        <Link as="button" onClick={() => setReading(item.slug)}>
                          {item.title}
                        </Link>
                      </Title3>
                      <Text>{t(keyOf('category', item.category))}</Text>
                      <Text>{item.excerpt}</Text>
                    </Card>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
