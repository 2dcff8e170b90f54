import { Button, Field, Input, Select, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { activityExport, activityList, activityVerify } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { ChainVerification } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { usePagedList } from '../api/use-paged-list.js';
import { dayRangeQuery } from '../components/day-range.js';
import { FilterForm } from '../components/filter-form.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome, ProblemNotice, SuccessNotice } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { saveFile } from '../components/save-file.js';
import { activityCategories, type ActivityCategory } from '../i18n/activity-messages.js';
import { useLanguage, type Translate } from '../i18n/language.js';
import { messages, type Language, type MessageKey } from '../i18n/messages.js';

interface Filters {
  category: ActivityCategory | '';
  person: string;
  from: string;
  to: string;
}

const noFilters: Filters = { category: '', person: '', from: '', to: '' };

function filterQuery(filters: Filters) {
  return {
    category: filters.category || undefined,
    person: filters.person.trim() || undefined,
    ...dayRangeQuery(filters.from, filters.to),
  };
}

/** The action in words; one this portal does not know yet (recorded by a newer version) as its code. */
function actionWords(action: string, language: Language, t: Translate): string {
  const key = `activityAction_${action.replace('.', '_')}`;
  return key in messages[language] ? t(key as MessageKey) : action;
}

function Verification({ result }: { result: ChainVerification }) {
  const { t } = useLanguage();
  if (result.intact) return <SuccessNotice text={t('activityIntact', { count: result.entriesChecked })} />;
  return (
    <ProblemNotice text={t('activityBroken', { count: result.problems.length, seq: result.problems[0]?.seq ?? '?' })} />
  );
}

/** "Activity log": who did what and when, filtered, exported as CSV, its hash chain verified. */
export function ActivityPage() {
  const { t, language } = useLanguage();
  const { api, tenant } = useSession();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const entries = usePagedList(
    (cursor) => activityList(api, { query: { ...filterQuery(applied), limit: 50, cursor } }),
    JSON.stringify(applied),
  );
  const action = useAction();
  const [verification, setVerification] = useState<ChainVerification | undefined>(undefined);

  return (
    <section className="page" aria-labelledby="activity-title">
      <Title2 as="h1" id="activity-title">
        {t('activityTitle')}
      </Title2>
      <FilterForm label={t('activityApply')} draft={draft} onDraft={setDraft} onApply={() => setApplied(draft)}>
        <Field label={t('activityCategory')}>
          <Select
            value={draft.category}
            onChange={(_, data) => setDraft({ ...draft, category: data.value as ActivityCategory | '' })}
          >
            <option value="">{t('activityCategoryAll')}</option>
            {activityCategories.map((c) => (
              <option key={c} value={c}>
                {t(`activityCategory_${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('activityPerson')}>
          <Input type="email" value={draft.person} onChange={(_, data) => setDraft({ ...draft, person: data.value })} />
        </Field>
      </FilterForm>
      <div className="row">
        <Button
          disabled={action.busy}
          onClick={() =>
            void action.run(async () =>
              saveFile(
                (await activityExport(api, { query: filterQuery(applied) })).blob,
                `activity-${tenant.tenantId}.csv`,
              ),
            )
          }
        >
          {t('activityExport')}
        </Button>
        <Button
          disabled={action.busy}
          onClick={() => void action.run(async () => setVerification(await activityVerify(api)))}
        >
          {t('activityVerify')}
        </Button>
      </div>
      <ActionOutcome error={action.error} done={action.done} />
      {verification && <Verification result={verification} />}
      <PagedTable
        list={entries}
        labelledBy="activity-title"
        emptyText={t('activityEmpty')}
        rowKey={(entry) => String(entry.seq)}
        columns={[
          { id: 'when', header: t('activityWhen'), cell: (entry) => formatDateTime(entry.at, language, '') },
          { id: 'who', header: t('activityWho'), cell: (entry) => entry.actor.email || entry.actor.name },
          { id: 'what', header: t('activityWhat'), cell: (entry) => actionWords(entry.action, language, t) },
          {
            id: 'target',
            header: t('activityTarget'),
            cell: (entry) => entry.target?.label ?? entry.target?.id ?? '',
          },
        ]}
      />
    </section>
  );
}
