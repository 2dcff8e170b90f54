import { Button, Field, Radio, RadioGroup, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { tenantDataLocations, tenantSetDataLocation } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { DataLocation, TenantStatus } from '../api/model.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';

interface LocationStepProps {
  readonly busy: boolean;
  readonly save: (action: () => Promise<TenantStatus>) => Promise<void>;
}

/** Step 1 of the setup: where backup data is kept, among the locations the provider has a store for. */
export function SetupLocationStep({ busy, save }: LocationStepProps) {
  const { api } = useSession();
  const offered = useResource(() => tenantDataLocations(api), 'data-locations');
  return <Loaded state={offered}>{(value) => <LocationForm offered={value.offered} busy={busy} save={save} />}</Loaded>;
}

function LocationForm({ offered, busy, save }: LocationStepProps & { offered: readonly DataLocation[] }) {
  const { t } = useLanguage();
  const { api, tenant } = useSession();
  const recorded = tenant.setup.dataLocation;
  const [location, setLocation] = useState<DataLocation | undefined>(
    recorded !== null && offered.includes(recorded) ? recorded : offered[0],
  );
  return (
    <form
      className="form"
      aria-labelledby="setup-location"
      onSubmit={(event) => {
        event.preventDefault();
        if (location) void save(() => tenantSetDataLocation(api, { body: { dataLocation: location } }));
      }}
    >
      <Title3 as="h2" id="setup-location">
        {t('setupStepLocation')}
      </Title3>
      <Field label={t('overviewDataLocation')} hint={t('setupLocationHint')}>
        <RadioGroup value={location ?? ''} onChange={(_, data) => setLocation(data.value as DataLocation)}>
          {offered.map((value) => (
            <Radio key={value} value={value} label={t(keyOf('dataLocation', value))} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button
          type="submit"
          appearance={tenant.setup.missing.includes('data_location') ? 'primary' : 'secondary'}
          disabled={busy || location === undefined}
        >
          {t('continue')}
        </Button>
      </div>
    </form>
  );
}
