import { Field, Input, Select } from '@fluentui/react-components';
import type { ApiClient } from '../api/client.js';
import type { RestorePoint } from '../api/restore-types.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { useLanguage } from '../i18n/language.js';
import type { PointChoice } from '../pages/restore-choice.js';
import { myBackups } from './my-backups-paths.js';

/** "As it was at": the latest backup, one of the account's restore points, or a date and time of the person's choice. */
export function OwnPointPicker(props: {
  api: ApiClient;
  resourceId: string;
  point: PointChoice;
  onPoint: (point: PointChoice) => void;
}) {
  const { api, resourceId, point, onPoint } = props;
  const { t, language } = useLanguage();
  const points = useResource(
    () => api.get<{ items: RestorePoint[] }>(myBackups.points(resourceId)),
    `own-points-${resourceId}`,
  );
  const listed = points.phase === 'ready' ? points.value.items : [];
  const selected = point.kind === 'run' ? `run:${point.point.runId}` : point.kind;
  return (
    <>
      <Field label={t('myBackupsPoint')}>
        <Select
          value={selected}
          onChange={(_, data) => {
            if (data.value === 'latest') return onPoint({ kind: 'latest' });
            if (data.value === 'at') return onPoint({ kind: 'at', local: '' });
            const chosen = listed.find((p) => `run:${p.runId}` === data.value);
            if (chosen) onPoint({ kind: 'run', point: chosen });
          }}
        >
          <option value="latest">{t('myBackupsPointLatest')}</option>
          {listed.map((p) => (
            <option key={p.runId} value={`run:${p.runId}`}>
              {t('myBackupsPointRun', { date: formatDateTime(p.finishedAt, language, ''), items: p.items })}
            </option>
          ))}
          <option value="at">{t('myBackupsPointDate')}</option>
        </Select>
      </Field>
      {point.kind === 'at' && (
        <Field label={t('myBackupsDate')}>
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
