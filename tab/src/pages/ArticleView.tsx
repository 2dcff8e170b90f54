import { Button, Text, Title2 } from '@fluentui/react-components';
import type { ApiClient } from '../api/client.js';
import { knowledgeRead } from '../api/generated.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { Markdown } from '../markdown/markdown.js';

/** One knowledge base article as safe Markdown, in the language shown, with a way back to where it was opened. */
export function ArticleView({ api, slug, onBack }: { api: ApiClient; slug: string; onBack: () => void }) {
  const { t, language } = useLanguage();
  const article = useResource(() => knowledgeRead(api, { params: { slug } }), `${slug}-${language}`);
  return (
    <article className="page" aria-labelledby="article-title">
      <div>
        <Button onClick={onBack}>{t('back')}</Button>
      </div>
      <Loaded state={article}>
        {(value) => (
          <>
            <Title2 as="h1" id="article-title">
              {value.title}
            </Title2>
            <Text>{t(keyOf('category', value.category))}</Text>
            <Markdown source={value.markdown} />
          </>
        )}
      </Loaded>
    </article>
  );
}
