import { Button, Checkbox, Link, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import {
  tenantAdminConsentLink,
  tenantCheckAdminConsent,
  tenantConfirmSetup,
  tenantSetWorkloads,
} from '../api/generated.js';
import { useSession } from '../api/session.js';
import { setupWorkloads, type SetupWorkload, type TenantStatus } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome, InfoNotice, Loaded, ProblemNotice } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { SetupLocationStep } from './SetupLocationStep.js';

/** The tenant setup wizard of the seeds: data location (Italy, Milan), services, Microsoft consent, confirmation. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t, language } = useLanguage();
  const { api, tenant, refreshTenant } = useSession();
  const [chosen, setChosen] = useState<SetupWorkload[]>(
    tenant.setup.workloads.length > 0 ? tenant.setup.workloads : [...setupWorkloads],
  );
  const step = useAction();
  const consentLink = useResource(
    () =>
      tenantAdminConsentLink(api, {
        query: { redirectUri: window.location.href.split('?')[0] ?? window.location.href },
      }),
    'consent-link',
  );
  const missing = new Set(tenant.setup.missing);

  async function save(action: () => Promise<TenantStatus>) {
    if (await step.run(action)) await refreshTenant();
  }

  const toggle = (workload: SetupWorkload, on: boolean) =>
    setChosen((current) => (on ? [...current, workload] : current.filter((w) => w !== workload)));

  return (
    <section className="page" aria-labelledby="setup-title">
      <Title2 as="h1" id="setup-title">
        {t('tabSetup')}
      </Title2>
      <p>{t('setupIntro')}</p>
      <ActionOutcome error={step.error} done={step.done} />

      <SetupLocationStep busy={step.busy} save={save} />

      <form
        className="form"
        aria-labelledby="setup-workloads"
        onSubmit={(event) => {
          event.preventDefault();
          void save(() => tenantSetWorkloads(api, { body: { workloads: chosen } }));
        }}
      >
        <Title3 as="h2" id="setup-workloads">
          {t('setupStepWorkloads')}
        </Title3>
        <p>{t('setupWorkloadsHint')}</p>
        {setupWorkloads.map((workload) => (
          <Checkbox
            key={workload}
            label={t(keyOf('workload', workload))}
            checked={chosen.includes(workload)}
            onChange={(_, data) => toggle(workload, data.checked === true)}
          />
        ))}
        <div>
          <Button
            type="submit"
            appearance={missing.has('workloads') ? 'primary' : 'secondary'}
            disabled={step.busy || chosen.length === 0}
          >
            {t('continue')}
          </Button>
        </div>
      </form>

      <section className="form" aria-labelledby="setup-consent">
        <Title3 as="h2" id="setup-consent">
          {t('setupStepConsent')}
        </Title3>
        {tenant.setup.adminConsentGrantedAt && (
          <InfoNotice>
            {t('setupConsentGranted', { date: formatDateTime(tenant.setup.adminConsentGrantedAt, language, '') })}{' '}
            {tenant.setup.fullFidelityRestore === true && t('setupFullFidelityGranted')}
          </InfoNotice>
        )}
        {tenant.setup.fullFidelityRestore === false && <ProblemNotice text={t('setupFullFidelityMissing')} />}
        {(!tenant.setup.adminConsentGrantedAt || tenant.setup.fullFidelityRestore !== true) && (
          <>
            {!tenant.setup.adminConsentGrantedAt && <p>{t('setupConsentHint')}</p>}
            <Loaded state={consentLink}>
              {(link) => (
                <Link href={link.url} target="_blank" rel="noopener noreferrer">
                  {t('setupConsentLink')}
                </Link>
              )}
            </Loaded>
            <div>
              <Button
                appearance="primary"
                disabled={step.busy}
                onClick={() => void save(() => tenantCheckAdminConsent(api))}
              >
                {t('setupConsentCheck')}
              </Button>
            </div>
          </>
        )}
      </section>

      <section className="form" aria-labelledby="setup-confirm">
        <Title3 as="h2" id="setup-confirm">
          {t('setupStepConfirm')}
        </Title3>
        <p>{t('setupConfirmHint')}</p>
        <div>
          <ConfirmButton
            appearance="primary"
            label={t('setupConfirmButton')}
            disabled={step.busy || tenant.setup.missing.some((s) => s !== 'confirmation')}
            question={t('setupConfirmDialog', {
              location: tenant.setup.dataLocation ? t(keyOf('dataLocation', tenant.setup.dataLocation)) : '—',
            })}
            onConfirm={async () => {
              if (await step.run(() => tenantConfirmSetup(api, { body: { confirm: true } }), t('setupDone'))) {
                await refreshTenant();
                onDone();
              }
            }}
          />
        </div>
      </section>
    </section>
  );
}
