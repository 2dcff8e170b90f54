import { Field, Input, Select } from '@fluentui/react-components';
import type { RestorePoint } from '../api/model.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { useLanguage } from '../i18n/language.js';
import type { PointChoice } from './restore-choice.js';

/**
 * "As of": the latest backup, one of the account's restore points (finished runs), or a date and time. The portal
 * reads the points from `/backups/...`, "My backups" from `/me/backups/...`; `pointsKey` names the account.
 */
export function RestorePointPicker({
  loadPoints,
  pointsKey,
  point,
  onPoint,
}: {
  loadPoints: () => Promise<{ items: RestorePoint[] }>;
  pointsKey: string;
  point: PointChoice;
  onPoint: (point: PointChoice) => void;
}) {
  const { t, language } = useLanguage();
  const points = useResource(loadPoints, pointsKey);
  const listed = points.phase === 'ready' ? points.value.items : [];
  const selected = point.kind === 'run' ? `run:${point.point.runId}` : point.kind;
  return (
    <>
      <Field
        label={t('restorePoint')}
        hint={points.phase === 'ready' && listed.length === 0 ? t('restoreNoPoints') : undefined}
      >
        <Select
          value={selected}
          onChange={(_, data) => {
            if (data.value === 'latest') return onPoint({ kind: 'latest' });
            if (data.value === 'at') return onPoint({ kind: 'at', local: '' });
            const chosen = listed.find((p) => `run:${p.runId}` === data.value);
            if (chosen) onPoint({ kind: 'run', point: chosen });
          }}
        >
          <option value="latest">{t('restorePointLatest')}</option>
          {listed.map((p) => (
            <option key={p.runId} value={`run:${p.runId}`}>
              {t('restorePointRun', { date: formatDateTime(p.finishedAt, language, ''), count: p.items })}
            </option>
          ))}
          <option value="at">{t('restorePointAt')}</option>
        </Select>
      </Field>
      {point.kind === 'at' && (
        <Field label={t('restorePointInstant')}>
          <Input
            type="datetime-local"
            value={point.local}
            onChange={(_, data) => onPoint({ kind: 'at', local: data.value })}
          />
        </Field>
      )}
    </>
  );
}
