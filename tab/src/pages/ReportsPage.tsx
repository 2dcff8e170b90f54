import { Button, Field, Select, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { reportsCoverage, reportsUsage } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { useResource } from '../api/use-resource.js';
import { InfoNotice, Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { CoverageReport } from './CoverageReport.js';
import { SeatCharts, StorageChart } from './report-charts.js';

const ranges = [30, 90, 365] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "Report": storage and seats over time, and protection coverage now. */
export function ReportsPage() {
  const { t } = useLanguage();
  const { api } = useSession();
  const [days, setDays] = useState<(typeof ranges)[number]>(90);
  const from = new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  const usage = useResource(() => reportsUsage(api, { query: { from } }), `usage-${from}`);
  const coverage = useResource(() => reportsCoverage(api), 'coverage');
  return (
    <section className="page" aria-labelledby="reports-title">
      <Title2 as="h1" id="reports-title">
        {t('reportsTitle')}
      </Title2>
      <p>{t('reportsIntro')}</p>
      <div className="row">
        <Field label={t('reportsRange')}>
          <Select value={String(days)} onChange={(_, data) => setDays(Number(data.value) as (typeof ranges)[number])}>
            {ranges.map((range) => (
              <option key={range} value={range}>
                {t(keyOf('reportsRange', String(range)))}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          style={{ alignSelf: 'flex-end' }}
          onClick={() => {
            usage.reload();
            coverage.reload();
          }}
        >
          {t('refresh')}
        </Button>
      </div>
      <Title3 as="h2">{t('reportsOverTime')}</Title3>
      <Loaded state={usage}>
        {(report) =>
          report.points.length === 0 ? (
            <InfoNotice>{t('reportsNoPoints')}</InfoNotice>
          ) : (
            <>
              <StorageChart points={report.points} />
              <SeatCharts points={report.points} />
            </>
          )
        }
      </Loaded>
      <Loaded state={coverage}>{(report) => <CoverageReport coverage={report} />}</Loaded>
    </section>
  );
}
