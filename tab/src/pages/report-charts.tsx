import { formatBytes } from '../components/format.js';
import { LineChart } from '../components/charts/LineChart.js';
import { byteAxisMaximum } from '../components/charts/chart-scale.js';
import { retentionLabel } from '../components/retention.js';
import type { UsagePoint } from '../api/model.js';
import { useLanguage } from '../i18n/language.js';

const locales = { it: 'it-IT', en: 'en-GB' } as const;

function useDayFormat() {
  const { language } = useLanguage();
  return (day: string) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString(locales[language], {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
}

/** Stored bytes per day against the storage bought. */
export function StorageChart({ points }: { points: readonly UsagePoint[] }) {
  const { t, language } = useLanguage();
  const formatDay = useDayFormat();
  return (
    <LineChart
      title={t('reportsStorageTitle')}
      description={t('reportsStorageDescription')}
      categories={points.map((point) => point.day)}
      categoryLabel={t('reportsDay')}
      valueLabel={t('reportsStorageAxis')}
      formatCategory={formatDay}
      formatValue={(value) => formatBytes(value, language)}
      axisMaximum={byteAxisMaximum}
      series={[
        { label: t('reportsStored'), values: points.map((point) => point.storedBytes) },
        { label: t('reportsPurchased'), values: points.map((point) => point.purchasedBytes), dashed: true },
      ]}
    />
  );
}

const planKey = (plan: { profile: string; retentionYears: number }) => `${plan.profile}|${plan.retentionYears}`;

/** One chart per profile and retention tier seen in the period: seats used against seats bought, per day. */
export function SeatCharts({ points }: { points: readonly UsagePoint[] }) {
  const { t, language } = useLanguage();
  const formatDay = useDayFormat();
  const plans = new Map<string, { profile: string; retentionYears: number }>();
  for (const point of points) for (const plan of point.plans) plans.set(planKey(plan), plan);
  const count = (value: number) => value.toLocaleString(locales[language], { maximumFractionDigits: 1 });
  return (
    <>
      {[...plans.entries()].map(([key, plan]) => {
        const ofDay = (point: UsagePoint) => point.plans.find((candidate) => planKey(candidate) === key);
        const name = t('reportsPlan', { profile: plan.profile, retention: retentionLabel(plan.retentionYears, t) });
        return (
          <LineChart
            key={key}
            title={t('reportsSeatsTitle', { plan: name })}
            description={t('reportsSeatsDescription')}
            categories={points.map((point) => point.day)}
            categoryLabel={t('reportsDay')}
            valueLabel={t('reportsSeatsAxis')}
            formatCategory={formatDay}
            formatValue={count}
            series={[
              { label: t('reportsSeatsUsed'), values: points.map((point) => ofDay(point)?.used ?? null) },
              {
                label: t('reportsSeatsBought'),
                values: points.map((point) => ofDay(point)?.seats ?? null),
                dashed: true,
              },
            ]}
          />
        );
      })}
    </>
  );
}
