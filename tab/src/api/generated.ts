// Generated from the backend’s OpenAPI document by tools/api-client. Do not edit: run `npm run generate:api-client`.

export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From the server's root, path parameters already in place: `/api/v1/jobs/1`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

/** A file the API sent (CSV, ZIP), named as its `content-disposition` names it. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string | undefined;
}

/** What a generated function calls: the JSON answer of a request, or the file it answers with. */
export interface ApiTransport {
  json(request: ApiRequest): Promise<unknown>;
  file(request: ApiRequest): Promise<DownloadedFile>;
}

function pathSegment(value: string | number | boolean): string {
  return encodeURIComponent(String(value));
}

export type ApiError = {
  error: {
    code:
      | 'invalid_request'
      | 'invalid_json'
      | 'body_too_large'
      | 'unsupported_media_type'
      | 'invalid_cursor'
      | 'unauthenticated'
      | 'token_expired'
      | 'token_invalid'
      | 'tenant_not_onboarded'
      | 'forbidden'
      | 'restore_not_permitted'
      | 'terms_not_accepted'
      | 'tenant_setup_incomplete'
      | 'setup_already_confirmed'
      | 'data_location_unavailable'
      | 'setup_not_ready'
      | 'already_exists'
      | 'not_found'
      | 'route_not_found'
      | 'last_admin'
      | 'consent_missing'
      | 'graph_consent_missing'
      | 'backup_unavailable'
      | 'confirmation_mismatch'
      | 'group_not_found'
      | 'group_listed_twice'
      | 'group_profile_without_group'
      | 'licence_missing'
      | 'licence_plan_missing'
      | 'workloads_not_in_setup'
      | 'licence_workloads_not_included'
      | 'licence_seats_exceeded'
      | 'licence_storage_exceeded'
      | 'licence_overrun_growth'
      | 'resource_busy'
      | 'point_in_time_ambiguous'
      | 'run_not_restorable'
      | 'selection_empty'
      | 'selection_too_large'
      | 'self_service_disabled'
      | 'not_yours'
      | 'delegated_access_failed'
      | 'restore_not_awaiting_approval'
      | 'restore_unavailable'
      | 'download_expired'
      | 'database_unavailable'
      | 'internal_error';
    /** In the caller’s language: Italian or English, by Accept-Language. */
    message: string;
    details?: unknown;
  };
};

export type MetaOpenapiResponse = Record<string, unknown>;

/**
 * This API’s OpenAPI 3.1 document
 * `GET /api/v1/openapi.json` (meta.openapi)
 */
export function metaOpenapi(transport: ApiTransport): Promise<MetaOpenapiResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/openapi.json` }) as Promise<MetaOpenapiResponse>;
}

export type MetaClientConfigResponse = {
  clientId: string;
  authority: string;
  apiScope: string;
};

/**
 * The app registration a client signs in against: client id, authority, and the API scope to ask for
 * `GET /api/v1/client-config` (meta.clientConfig)
 */
export function metaClientConfig(transport: ApiTransport): Promise<MetaClientConfigResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/client-config` }) as Promise<MetaClientConfigResponse>;
}

export type MeReadResponse = {
  kind: 'tenant' | 'provider';
  tenantId: string;
  role: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator' | 'self_service' | 'provider_operator';
  name: string;
  email: string;
  language: 'it' | 'en';
  /** The licence terms version this person must accept first, if any */
  termsToAccept: string | null;
};

/**
 * Who the signed-in person is for Custodia: tenant, role, and whether licence terms await
 * `GET /api/v1/me` (me.read)
 */
export function meRead(transport: ApiTransport): Promise<MeReadResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/me` }) as Promise<MeReadResponse>;
}

export type MeSignInResponse = {
  signedInAt: string;
};

/**
 * Records that the person opened the portal (the activity log lists sign-ins)
 * `POST /api/v1/me/sign-in` (me.signIn)
 */
export function meSignIn(transport: ApiTransport): Promise<MeSignInResponse> {
  return transport.json({ method: 'POST', path: `/api/v1/me/sign-in` }) as Promise<MeSignInResponse>;
}

export type TermsReadResponse = {
  version: string;
  text: string;
  accepted: boolean;
};

/**
 * The current licence terms, in the caller’s language, and whether the caller accepted them
 * `GET /api/v1/terms` (terms.read)
 */
export function termsRead(transport: ApiTransport): Promise<TermsReadResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/terms` }) as Promise<TermsReadResponse>;
}

export type TermsAcceptBody = {
  version: string;
};

export type TermsAcceptResponse = {
  version: string;
  acceptedAt: string;
};

/**
 * Accepts the licence terms at first sign-in; who, when and which version are recorded
 * `POST /api/v1/terms/acceptance` (terms.accept)
 */
export function termsAccept(
  transport: ApiTransport,
  request: {
    body: TermsAcceptBody;
  },
): Promise<TermsAcceptResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/terms/acceptance`,
    body: request.body,
  }) as Promise<TermsAcceptResponse>;
}

export type TenantReadResponse = {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: {
    name: string;
    email: string;
  };
  setup: {
    dataLocation: 'italy-north' | 'west-europe' | null;
    workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
    /** What a backup job may include: the workloads of the services ticked at setup */
    backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    /** Empty once the tenant is set up */
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
};

/**
 * The tenant’s onboarding record and setup status; `setup.missing` lists what is left to do
 * `GET /api/v1/tenant` (tenant.read)
 */
export function tenantRead(transport: ApiTransport): Promise<TenantReadResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/tenant` }) as Promise<TenantReadResponse>;
}

export type TenantDataLocationsResponse = {
  offered: Array<'italy-north' | 'west-europe'>;
};

/**
 * The data locations this provider offers: those with a content store configured
 * `GET /api/v1/tenant/setup/data-locations` (tenant.dataLocations)
 */
export function tenantDataLocations(transport: ApiTransport): Promise<TenantDataLocationsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/tenant/setup/data-locations`,
  }) as Promise<TenantDataLocationsResponse>;
}

export type TenantSetDataLocationBody = {
  dataLocation: 'italy-north' | 'west-europe';
};

export type TenantSetDataLocationResponse = {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: {
    name: string;
    email: string;
  };
  setup: {
    dataLocation: 'italy-north' | 'west-europe' | null;
    workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
    /** What a backup job may include: the workloads of the services ticked at setup */
    backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    /** Empty once the tenant is set up */
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
};

/**
 * Chooses where backup data is kept (for example Italy North, Milan)
 * `PUT /api/v1/tenant/setup/data-location` (tenant.setDataLocation)
 */
export function tenantSetDataLocation(
  transport: ApiTransport,
  request: {
    body: TenantSetDataLocationBody;
  },
): Promise<TenantSetDataLocationResponse> {
  return transport.json({
    method: 'PUT',
    path: `/api/v1/tenant/setup/data-location`,
    body: request.body,
  }) as Promise<TenantSetDataLocationResponse>;
}

export type TenantSetWorkloadsBody = {
  workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
};

export type TenantSetWorkloadsResponse = {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: {
    name: string;
    email: string;
  };
  setup: {
    dataLocation: 'italy-north' | 'west-europe' | null;
    workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
    /** What a backup job may include: the workloads of the services ticked at setup */
    backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    /** Empty once the tenant is set up */
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
};

/**
 * Chooses the services to protect: Exchange, SharePoint/OneDrive, Teams
 * `PUT /api/v1/tenant/setup/workloads` (tenant.setWorkloads)
 */
export function tenantSetWorkloads(
  transport: ApiTransport,
  request: {
    body: TenantSetWorkloadsBody;
  },
): Promise<TenantSetWorkloadsResponse> {
  return transport.json({
    method: 'PUT',
    path: `/api/v1/tenant/setup/workloads`,
    body: request.body,
  }) as Promise<TenantSetWorkloadsResponse>;
}

export type TenantAdminConsentLinkQuery = {
  redirectUri: string;
};

export type TenantAdminConsentLinkResponse = {
  url: string;
  granted: boolean;
};

/**
 * The link an administrator follows to grant Custodia its Microsoft 365 permissions
 * `GET /api/v1/tenant/setup/admin-consent` (tenant.adminConsentLink)
 */
export function tenantAdminConsentLink(
  transport: ApiTransport,
  request: {
    query: TenantAdminConsentLinkQuery;
  },
): Promise<TenantAdminConsentLinkResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/tenant/setup/admin-consent`,
    query: request.query,
  }) as Promise<TenantAdminConsentLinkResponse>;
}

export type TenantCheckAdminConsentResponse = {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: {
    name: string;
    email: string;
  };
  setup: {
    dataLocation: 'italy-north' | 'west-europe' | null;
    workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
    /** What a backup job may include: the workloads of the services ticked at setup */
    backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    /** Empty once the tenant is set up */
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
};

/**
 * Checks with Microsoft that admin consent was granted, and whether it includes full-fidelity Exchange restore; records it (again after a later grant)
 * `POST /api/v1/tenant/setup/admin-consent/check` (tenant.checkAdminConsent)
 */
export function tenantCheckAdminConsent(transport: ApiTransport): Promise<TenantCheckAdminConsentResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/tenant/setup/admin-consent/check`,
  }) as Promise<TenantCheckAdminConsentResponse>;
}

export type TenantConfirmSetupBody = {
  confirm: true;
};

export type TenantConfirmSetupResponse = {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: {
    name: string;
    email: string;
  };
  setup: {
    dataLocation: 'italy-north' | 'west-europe' | null;
    workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
    /** What a backup job may include: the workloads of the services ticked at setup */
    backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    /** Empty once the tenant is set up */
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
};

/**
 * Confirms the setup once every other step is done; the data location is then fixed
 * `POST /api/v1/tenant/setup/confirmation` (tenant.confirmSetup)
 */
export function tenantConfirmSetup(
  transport: ApiTransport,
  request: {
    body: TenantConfirmSetupBody;
  },
): Promise<TenantConfirmSetupResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/tenant/setup/confirmation`,
    body: request.body,
  }) as Promise<TenantConfirmSetupResponse>;
}

export type ProviderListTenantsQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'name' | '-name' | 'onboardedAt' | '-onboardedAt';
  setup?: 'complete' | 'incomplete';
  /** Tenants whose name starts with this text */
  name?: string;
};

export type ProviderListTenantsResponse = {
  items: Array<{
    tenantId: string;
    name: string;
    onboardedAt: string;
    itManager: {
      name: string;
      email: string;
    };
    setup: {
      dataLocation: 'italy-north' | 'west-europe' | null;
      workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
      /** What a backup job may include: the workloads of the services ticked at setup */
      backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
      adminConsentGrantedAt: string | null;
      /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
      fullFidelityRestore: boolean | null;
      confirmedAt: string | null;
      /** Empty once the tenant is set up */
      missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
    };
  }>;
  nextCursor: string | null;
};

/**
 * The provider’s customer tenants and their setup status (never their data)
 * `GET /api/v1/provider/tenants` (provider.listTenants)
 */
export function providerListTenants(
  transport: ApiTransport,
  request: {
    query?: ProviderListTenantsQuery;
  } = {},
): Promise<ProviderListTenantsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/provider/tenants`,
    query: request.query,
  }) as Promise<ProviderListTenantsResponse>;
}

export type ProviderOnboardTenantBody = {
  tenantId: string;
  name: string;
  itManager: {
    name: string;
    email: string;
  };
  defaultLanguage?: 'it' | 'en';
};

export type ProviderOnboardTenantResponse = {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: {
    name: string;
    email: string;
  };
  setup: {
    dataLocation: 'italy-north' | 'west-europe' | null;
    workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
    /** What a backup job may include: the workloads of the services ticked at setup */
    backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    /** Empty once the tenant is set up */
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
};

/**
 * Onboards a customer tenant and invites its IT manager, who receives the welcome letter
 * `POST /api/v1/provider/tenants` (provider.onboardTenant)
 */
export function providerOnboardTenant(
  transport: ApiTransport,
  request: {
    body: ProviderOnboardTenantBody;
  },
): Promise<ProviderOnboardTenantResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/provider/tenants`,
    body: request.body,
  }) as Promise<ProviderOnboardTenantResponse>;
}

export type ProviderReadTenantParams = {
  tenantId: string;
};

export type ProviderReadTenantResponse = {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: {
    name: string;
    email: string;
  };
  setup: {
    dataLocation: 'italy-north' | 'west-europe' | null;
    workloads: Array<'exchange' | 'sharepoint-onedrive' | 'teams'>;
    /** What a backup job may include: the workloads of the services ticked at setup */
    backupWorkloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (null until checked) */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    /** Empty once the tenant is set up */
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
};

/**
 * One customer tenant’s status
 * `GET /api/v1/provider/tenants/{tenantId}` (provider.readTenant)
 */
export function providerReadTenant(
  transport: ApiTransport,
  request: {
    params: ProviderReadTenantParams;
  },
): Promise<ProviderReadTenantResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/provider/tenants/${pathSegment(request.params.tenantId)}`,
  }) as Promise<ProviderReadTenantResponse>;
}

export type ActivityListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'seq' | '-seq';
  /** Exact action, e.g. portal_user.invited */
  action?:
    | 'session.signed_in'
    | 'terms.accepted'
    | 'tenant.onboarded'
    | 'tenant.data_location_set'
    | 'tenant.workloads_set'
    | 'tenant.admin_consent_verified'
    | 'tenant.setup_confirmed'
    | 'licence.updated'
    | 'portal_user.invited'
    | 'portal_user.changed'
    | 'portal_user.revoked'
    | 'notification_recipient.added'
    | 'notification_recipient.changed'
    | 'notification_recipient.removed'
    | 'settings.changed'
    | 'support_ticket.opened'
    | 'support_ticket.commented'
    | 'support_ticket.answered'
    | 'support_ticket.status_changed'
    | 'backup_job.created'
    | 'backup_job.updated'
    | 'backup_job.deleted'
    | 'backup_job.run_requested'
    | 'backup_data.deleted'
    | 'restore.requested'
    | 'restore.self_service_requested'
    | 'restore.approved'
    | 'restore.rejected'
    | 'export.requested'
    | 'export.downloaded'
    | 'retention.swept';
  /** Type of event, e.g. portal_user, restore, export */
  category?:
    | 'session'
    | 'terms'
    | 'tenant'
    | 'licence'
    | 'portal_user'
    | 'notification_recipient'
    | 'settings'
    | 'support_ticket'
    | 'backup_job'
    | 'backup_data'
    | 'restore'
    | 'export'
    | 'retention';
  /** Email address of the person who acted */
  person?: string;
  from?: string;
  to?: string;
};

export type ActivityListResponse = {
  items: Array<{
    seq: number;
    at: string;
    actor: {
      kind: 'person' | 'provider' | 'system';
      id: string;
      name: string;
      email: string;
      role: string;
    };
    action: string;
    category: string;
    target?: {
      type: string;
      id: string;
      label?: string;
    };
    details?: Record<string, string | number | boolean | null>;
    prevHash: string;
    hash: string;
    /** How `hash` seals the row: keyed (today) or plain (older rows) */
    seal: 'hmac-sha256' | 'sha256';
  }>;
  nextCursor: string | null;
};

/**
 * The activity log: who did what and when, newest first; filters by type, person and date
 * `GET /api/v1/activity` (activity.list)
 */
export function activityList(
  transport: ApiTransport,
  request: {
    query?: ActivityListQuery;
  } = {},
): Promise<ActivityListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/activity`,
    query: request.query,
  }) as Promise<ActivityListResponse>;
}

export type ActivityExportQuery = {
  /** Exact action, e.g. portal_user.invited */
  action?:
    | 'session.signed_in'
    | 'terms.accepted'
    | 'tenant.onboarded'
    | 'tenant.data_location_set'
    | 'tenant.workloads_set'
    | 'tenant.admin_consent_verified'
    | 'tenant.setup_confirmed'
    | 'licence.updated'
    | 'portal_user.invited'
    | 'portal_user.changed'
    | 'portal_user.revoked'
    | 'notification_recipient.added'
    | 'notification_recipient.changed'
    | 'notification_recipient.removed'
    | 'settings.changed'
    | 'support_ticket.opened'
    | 'support_ticket.commented'
    | 'support_ticket.answered'
    | 'support_ticket.status_changed'
    | 'backup_job.created'
    | 'backup_job.updated'
    | 'backup_job.deleted'
    | 'backup_job.run_requested'
    | 'backup_data.deleted'
    | 'restore.requested'
    | 'restore.self_service_requested'
    | 'restore.approved'
    | 'restore.rejected'
    | 'export.requested'
    | 'export.downloaded'
    | 'retention.swept';
  /** Type of event, e.g. portal_user, restore, export */
  category?:
    | 'session'
    | 'terms'
    | 'tenant'
    | 'licence'
    | 'portal_user'
    | 'notification_recipient'
    | 'settings'
    | 'support_ticket'
    | 'backup_job'
    | 'backup_data'
    | 'restore'
    | 'export'
    | 'retention';
  /** Email address of the person who acted */
  person?: string;
  from?: string;
  to?: string;
};

/**
 * The activity log as CSV, with the same filters, oldest first
 * `GET /api/v1/activity/export.csv` (activity.export)
 */
export function activityExport(
  transport: ApiTransport,
  request: {
    query?: ActivityExportQuery;
  } = {},
): Promise<DownloadedFile> {
  return transport.file({ method: 'GET', path: `/api/v1/activity/export.csv`, query: request.query });
}

export type ActivityVerifyResponse = {
  intact: boolean;
  entriesChecked: number;
  lastSeq: number;
  problems: Array<{
    kind: 'edited' | 'missing' | 'relinked' | 'truncated';
    seq: number;
  }>;
};

/**
 * Re-checks the whole hash chain: reports edited, deleted or re-linked rows
 * `GET /api/v1/activity/verification` (activity.verify)
 */
export function activityVerify(transport: ApiTransport): Promise<ActivityVerifyResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/activity/verification` }) as Promise<ActivityVerifyResponse>;
}

export type SettingsReadResponse = {
  /** End users may restore their own mail and files */
  selfServiceRestore: boolean;
  /** Self-service restores of OneDrive items wait for an administrator */
  oneDriveSelfServiceNeedsApproval: boolean;
  /** Language of letters, and of the API when Accept-Language names neither */
  defaultLanguage: 'it' | 'en';
  /** Mailbox (UPN or object id) of the tenant that sends notification and welcome letters; null: letters wait */
  notificationSender: string | null;
  /** Letters (welcome letters, alerts) not sent because no sender mailbox is set; 0 once one is */
  lettersWaitingForSender: number;
};

/**
 * The portal settings of the tenant
 * `GET /api/v1/settings` (settings.read)
 */
export function settingsRead(transport: ApiTransport): Promise<SettingsReadResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/settings` }) as Promise<SettingsReadResponse>;
}

export type SettingsUpdateBody = {
  /** End users may restore their own mail and files */
  selfServiceRestore?: boolean;
  /** Self-service restores of OneDrive items wait for an administrator */
  oneDriveSelfServiceNeedsApproval?: boolean;
  /** Language of letters, and of the API when Accept-Language names neither */
  defaultLanguage?: 'it' | 'en';
  /** Mailbox (UPN or object id) of the tenant that sends notification and welcome letters; null: letters wait */
  notificationSender?: string | null;
};

export type SettingsUpdateResponse = {
  /** End users may restore their own mail and files */
  selfServiceRestore: boolean;
  /** Self-service restores of OneDrive items wait for an administrator */
  oneDriveSelfServiceNeedsApproval: boolean;
  /** Language of letters, and of the API when Accept-Language names neither */
  defaultLanguage: 'it' | 'en';
  /** Mailbox (UPN or object id) of the tenant that sends notification and welcome letters; null: letters wait */
  notificationSender: string | null;
  /** Letters (welcome letters, alerts) not sent because no sender mailbox is set; 0 once one is */
  lettersWaitingForSender: number;
};

/**
 * Changes some of the portal settings (self-service restore, OneDrive approval, default language, sender)
 * `PATCH /api/v1/settings` (settings.update)
 */
export function settingsUpdate(
  transport: ApiTransport,
  request: {
    body: SettingsUpdateBody;
  },
): Promise<SettingsUpdateResponse> {
  return transport.json({
    method: 'PATCH',
    path: `/api/v1/settings`,
    body: request.body,
  }) as Promise<SettingsUpdateResponse>;
}

export type PortalUsersListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'name' | '-name' | 'email' | '-email' | 'invitedAt' | '-invitedAt';
  role?: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
  status?: 'invited' | 'active' | 'revoked';
};

export type PortalUsersListResponse = {
  items: Array<{
    id: string;
    name: string;
    email: string;
    role: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
    status: 'invited' | 'active' | 'revoked';
    invitedAt: string;
    invitedBy: string;
    lastSignInAt: string | null;
    revokedAt: string | null;
    termsAcceptedVersion: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * The people who may use the portal, with their roles
 * `GET /api/v1/portal-users` (portalUsers.list)
 */
export function portalUsersList(
  transport: ApiTransport,
  request: {
    query?: PortalUsersListQuery;
  } = {},
): Promise<PortalUsersListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/portal-users`,
    query: request.query,
  }) as Promise<PortalUsersListResponse>;
}

export type PortalUsersInviteBody = {
  name: string;
  email: string;
  role: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
};

export type PortalUsersInviteResponse = {
  id: string;
  name: string;
  email: string;
  role: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
  status: 'invited' | 'active' | 'revoked';
  invitedAt: string;
  invitedBy: string;
  lastSignInAt: string | null;
  revokedAt: string | null;
  termsAcceptedVersion: string | null;
  /** Whether the provider's mailbox can send the welcome letter now, or it waits for one */
  welcomeLetter: 'on_its_way' | 'waits_for_provider_mailbox';
};

/**
 * Invites a person by name and email with a role; the provider's mailbox sends the welcome letter
 * `POST /api/v1/portal-users` (portalUsers.invite)
 */
export function portalUsersInvite(
  transport: ApiTransport,
  request: {
    body: PortalUsersInviteBody;
  },
): Promise<PortalUsersInviteResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/portal-users`,
    body: request.body,
  }) as Promise<PortalUsersInviteResponse>;
}

export type PortalUsersReadParams = {
  id: string;
};

export type PortalUsersReadResponse = {
  id: string;
  name: string;
  email: string;
  role: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
  status: 'invited' | 'active' | 'revoked';
  invitedAt: string;
  invitedBy: string;
  lastSignInAt: string | null;
  revokedAt: string | null;
  termsAcceptedVersion: string | null;
};

/**
 * One portal user
 * `GET /api/v1/portal-users/{id}` (portalUsers.read)
 */
export function portalUsersRead(
  transport: ApiTransport,
  request: {
    params: PortalUsersReadParams;
  },
): Promise<PortalUsersReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/portal-users/${pathSegment(request.params.id)}`,
  }) as Promise<PortalUsersReadResponse>;
}

export type PortalUsersUpdateParams = {
  id: string;
};

export type PortalUsersUpdateBody = {
  name?: string;
  role?: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
};

export type PortalUsersUpdateResponse = {
  id: string;
  name: string;
  email: string;
  role: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
  status: 'invited' | 'active' | 'revoked';
  invitedAt: string;
  invitedBy: string;
  lastSignInAt: string | null;
  revokedAt: string | null;
  termsAcceptedVersion: string | null;
};

/**
 * Changes a portal user’s name or role
 * `PATCH /api/v1/portal-users/{id}` (portalUsers.update)
 */
export function portalUsersUpdate(
  transport: ApiTransport,
  request: {
    params: PortalUsersUpdateParams;
    body: PortalUsersUpdateBody;
  },
): Promise<PortalUsersUpdateResponse> {
  return transport.json({
    method: 'PATCH',
    path: `/api/v1/portal-users/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<PortalUsersUpdateResponse>;
}

export type PortalUsersRevokeParams = {
  id: string;
};

export type PortalUsersRevokeResponse = {
  id: string;
  name: string;
  email: string;
  role: 'tenant_admin' | 'operator' | 'viewer' | 'restore_operator';
  status: 'invited' | 'active' | 'revoked';
  invitedAt: string;
  invitedBy: string;
  lastSignInAt: string | null;
  revokedAt: string | null;
  termsAcceptedVersion: string | null;
};

/**
 * Revokes a person’s access to the portal; backup jobs and backed-up mailboxes are not affected
 * `DELETE /api/v1/portal-users/{id}` (portalUsers.revoke)
 */
export function portalUsersRevoke(
  transport: ApiTransport,
  request: {
    params: PortalUsersRevokeParams;
  },
): Promise<PortalUsersRevokeResponse> {
  return transport.json({
    method: 'DELETE',
    path: `/api/v1/portal-users/${pathSegment(request.params.id)}`,
  }) as Promise<PortalUsersRevokeResponse>;
}

export type NotificationsListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'email' | '-email';
  event?: 'job.succeeded' | 'job.warning' | 'job.failed' | 'licence.overrun' | 'restore.finished' | 'digest.daily';
};

export type NotificationsListResponse = {
  items: Array<{
    id: string;
    name: string;
    email: string;
    language: 'it' | 'en';
    events: Array<
      'job.succeeded' | 'job.warning' | 'job.failed' | 'licence.overrun' | 'restore.finished' | 'digest.daily'
    >;
    createdAt: string;
  }>;
  nextCursor: string | null;
};

/**
 * Who receives email notifications, and for which events
 * `GET /api/v1/notification-recipients` (notifications.list)
 */
export function notificationsList(
  transport: ApiTransport,
  request: {
    query?: NotificationsListQuery;
  } = {},
): Promise<NotificationsListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/notification-recipients`,
    query: request.query,
  }) as Promise<NotificationsListResponse>;
}

export type NotificationsAddBody = {
  name: string;
  email: string;
  language?: 'it' | 'en';
  events: Array<
    'job.succeeded' | 'job.warning' | 'job.failed' | 'licence.overrun' | 'restore.finished' | 'digest.daily'
  >;
};

export type NotificationsAddResponse = {
  id: string;
  name: string;
  email: string;
  language: 'it' | 'en';
  events: Array<
    'job.succeeded' | 'job.warning' | 'job.failed' | 'licence.overrun' | 'restore.finished' | 'digest.daily'
  >;
  createdAt: string;
};

/**
 * Adds an address that receives the chosen notifications
 * `POST /api/v1/notification-recipients` (notifications.add)
 */
export function notificationsAdd(
  transport: ApiTransport,
  request: {
    body: NotificationsAddBody;
  },
): Promise<NotificationsAddResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/notification-recipients`,
    body: request.body,
  }) as Promise<NotificationsAddResponse>;
}

export type NotificationsUpdateParams = {
  id: string;
};

export type NotificationsUpdateBody = {
  name?: string;
  language?: 'it' | 'en';
  events?: Array<
    'job.succeeded' | 'job.warning' | 'job.failed' | 'licence.overrun' | 'restore.finished' | 'digest.daily'
  >;
};

export type NotificationsUpdateResponse = {
  id: string;
  name: string;
  email: string;
  language: 'it' | 'en';
  events: Array<
    'job.succeeded' | 'job.warning' | 'job.failed' | 'licence.overrun' | 'restore.finished' | 'digest.daily'
  >;
  createdAt: string;
};

/**
 * Changes which events an address receives, its name or language
 * `PATCH /api/v1/notification-recipients/{id}` (notifications.update)
 */
export function notificationsUpdate(
  transport: ApiTransport,
  request: {
    params: NotificationsUpdateParams;
    body: NotificationsUpdateBody;
  },
): Promise<NotificationsUpdateResponse> {
  return transport.json({
    method: 'PATCH',
    path: `/api/v1/notification-recipients/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<NotificationsUpdateResponse>;
}

export type NotificationsRemoveParams = {
  id: string;
};

export type NotificationsRemoveResponse = {
  id: string;
  name: string;
  email: string;
  language: 'it' | 'en';
  events: Array<
    'job.succeeded' | 'job.warning' | 'job.failed' | 'licence.overrun' | 'restore.finished' | 'digest.daily'
  >;
  createdAt: string;
};

/**
 * Stops all notifications to an address
 * `DELETE /api/v1/notification-recipients/{id}` (notifications.remove)
 */
export function notificationsRemove(
  transport: ApiTransport,
  request: {
    params: NotificationsRemoveParams;
  },
): Promise<NotificationsRemoveResponse> {
  return transport.json({
    method: 'DELETE',
    path: `/api/v1/notification-recipients/${pathSegment(request.params.id)}`,
  }) as Promise<NotificationsRemoveResponse>;
}

export type KnowledgeListQuery = {
  limit?: number;
  cursor?: string;
  /** Words that must all appear; accents and case do not matter */
  q?: string;
  category?: 'concept' | 'how-to' | 'error';
  /** Defaults to the caller’s language */
  language?: 'it' | 'en';
};

export type KnowledgeListResponse = {
  items: Array<{
    slug: string;
    language: 'it' | 'en';
    title: string;
    category: 'concept' | 'how-to' | 'error';
    tags: string[];
    excerpt: string;
  }>;
  nextCursor: string | null;
};

/**
 * Knowledge base articles (concepts, how-tos, common errors), searched by words, best match first
 * `GET /api/v1/knowledge/articles` (knowledge.list)
 */
export function knowledgeList(
  transport: ApiTransport,
  request: {
    query?: KnowledgeListQuery;
  } = {},
): Promise<KnowledgeListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/knowledge/articles`,
    query: request.query,
  }) as Promise<KnowledgeListResponse>;
}

export type KnowledgeReadParams = {
  slug: string;
};

export type KnowledgeReadQuery = {
  language?: 'it' | 'en';
};

export type KnowledgeReadResponse = {
  slug: string;
  language: 'it' | 'en';
  title: string;
  category: 'concept' | 'how-to' | 'error';
  tags: string[];
  markdown: string;
};

/**
 * One knowledge base article, as Markdown
 * `GET /api/v1/knowledge/articles/{slug}` (knowledge.read)
 */
export function knowledgeRead(
  transport: ApiTransport,
  request: {
    params: KnowledgeReadParams;
    query?: KnowledgeReadQuery;
  },
): Promise<KnowledgeReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/knowledge/articles/${pathSegment(request.params.slug)}`,
    query: request.query,
  }) as Promise<KnowledgeReadResponse>;
}

export type SupportContactResponse = {
  provider: string;
  email: string;
  /** As printed, with spaces */
  phone: string;
  /** The number to dial (a tel: link): digits, optionally after + */
  dial: string;
  pin: string;
  hours: {
    fromDay: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
    toDay: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
    opens: string;
    closes: string;
    timeZone: string;
  };
  /** When the phone line answers, in words */
  hoursText: {
    it: string;
    en: string;
  };
};

/**
 * The provider’s support phone line, its hours and PIN, and its support address
 * `GET /api/v1/support/contact` (support.contact)
 */
export function supportContact(transport: ApiTransport): Promise<SupportContactResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/support/contact` }) as Promise<SupportContactResponse>;
}

export type SupportListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';
  status?: 'open' | 'in_progress' | 'resolved' | 'closed';
};

export type SupportListResponse = {
  items: Array<{
    id: string;
    tenantId: string;
    subject: string;
    severity: 'low' | 'normal' | 'high' | 'critical';
    status: 'open' | 'in_progress' | 'resolved' | 'closed';
    openedBy: {
      name: string;
      email: string;
    };
    createdAt: string;
    updatedAt: string;
    commentCount: number;
  }>;
  nextCursor: string | null;
};

/**
 * The tenant’s support tickets
 * `GET /api/v1/support/tickets` (support.list)
 */
export function supportList(
  transport: ApiTransport,
  request: {
    query?: SupportListQuery;
  } = {},
): Promise<SupportListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/support/tickets`,
    query: request.query,
  }) as Promise<SupportListResponse>;
}

export type SupportOpenBody = {
  subject: string;
  description: string;
  severity?: 'low' | 'normal' | 'high' | 'critical';
};

export type SupportOpenResponse = {
  id: string;
  tenantId: string;
  subject: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: {
    name: string;
    email: string;
  };
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  description: string;
  comments: Array<{
    id: string;
    side: 'customer' | 'provider';
    author: {
      name: string;
      email: string;
    };
    text: string;
    at: string;
  }>;
};

/**
 * Opens a support ticket; the provider is notified by email
 * `POST /api/v1/support/tickets` (support.open)
 */
export function supportOpen(
  transport: ApiTransport,
  request: {
    body: SupportOpenBody;
  },
): Promise<SupportOpenResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/support/tickets`,
    body: request.body,
  }) as Promise<SupportOpenResponse>;
}

export type SupportReadParams = {
  id: string;
};

export type SupportReadResponse = {
  id: string;
  tenantId: string;
  subject: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: {
    name: string;
    email: string;
  };
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  description: string;
  comments: Array<{
    id: string;
    side: 'customer' | 'provider';
    author: {
      name: string;
      email: string;
    };
    text: string;
    at: string;
  }>;
};

/**
 * One support ticket with its comments
 * `GET /api/v1/support/tickets/{id}` (support.read)
 */
export function supportRead(
  transport: ApiTransport,
  request: {
    params: SupportReadParams;
  },
): Promise<SupportReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/support/tickets/${pathSegment(request.params.id)}`,
  }) as Promise<SupportReadResponse>;
}

export type SupportSetStatusParams = {
  id: string;
};

export type SupportSetStatusBody = {
  status: 'open' | 'closed';
};

export type SupportSetStatusResponse = {
  id: string;
  tenantId: string;
  subject: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: {
    name: string;
    email: string;
  };
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  description: string;
  comments: Array<{
    id: string;
    side: 'customer' | 'provider';
    author: {
      name: string;
      email: string;
    };
    text: string;
    at: string;
  }>;
};

/**
 * Closes a ticket, or reopens it
 * `PATCH /api/v1/support/tickets/{id}` (support.setStatus)
 */
export function supportSetStatus(
  transport: ApiTransport,
  request: {
    params: SupportSetStatusParams;
    body: SupportSetStatusBody;
  },
): Promise<SupportSetStatusResponse> {
  return transport.json({
    method: 'PATCH',
    path: `/api/v1/support/tickets/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<SupportSetStatusResponse>;
}

export type SupportCommentParams = {
  id: string;
};

export type SupportCommentBody = {
  text: string;
};

export type SupportCommentResponse = {
  id: string;
  tenantId: string;
  subject: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: {
    name: string;
    email: string;
  };
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  description: string;
  comments: Array<{
    id: string;
    side: 'customer' | 'provider';
    author: {
      name: string;
      email: string;
    };
    text: string;
    at: string;
  }>;
};

/**
 * Adds a comment to a ticket; the provider is notified
 * `POST /api/v1/support/tickets/{id}/comments` (support.comment)
 */
export function supportComment(
  transport: ApiTransport,
  request: {
    params: SupportCommentParams;
    body: SupportCommentBody;
  },
): Promise<SupportCommentResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/support/tickets/${pathSegment(request.params.id)}/comments`,
    body: request.body,
  }) as Promise<SupportCommentResponse>;
}

export type ProviderListTicketsQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';
  status?: 'open' | 'in_progress' | 'resolved' | 'closed';
  tenantId?: string;
};

export type ProviderListTicketsResponse = {
  items: Array<{
    id: string;
    tenantId: string;
    subject: string;
    severity: 'low' | 'normal' | 'high' | 'critical';
    status: 'open' | 'in_progress' | 'resolved' | 'closed';
    openedBy: {
      name: string;
      email: string;
    };
    createdAt: string;
    updatedAt: string;
    commentCount: number;
  }>;
  nextCursor: string | null;
};

/**
 * Support tickets of every customer tenant
 * `GET /api/v1/provider/support/tickets` (provider.listTickets)
 */
export function providerListTickets(
  transport: ApiTransport,
  request: {
    query?: ProviderListTicketsQuery;
  } = {},
): Promise<ProviderListTicketsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/provider/support/tickets`,
    query: request.query,
  }) as Promise<ProviderListTicketsResponse>;
}

export type ProviderReadTicketParams = {
  tenantId: string;
  id: string;
};

export type ProviderReadTicketResponse = {
  id: string;
  tenantId: string;
  subject: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: {
    name: string;
    email: string;
  };
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  description: string;
  comments: Array<{
    id: string;
    side: 'customer' | 'provider';
    author: {
      name: string;
      email: string;
    };
    text: string;
    at: string;
  }>;
};

/**
 * One customer ticket with its comments
 * `GET /api/v1/provider/tenants/{tenantId}/support/tickets/{id}` (provider.readTicket)
 */
export function providerReadTicket(
  transport: ApiTransport,
  request: {
    params: ProviderReadTicketParams;
  },
): Promise<ProviderReadTicketResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/provider/tenants/${pathSegment(request.params.tenantId)}/support/tickets/${pathSegment(request.params.id)}`,
  }) as Promise<ProviderReadTicketResponse>;
}

export type ProviderSetTicketStatusParams = {
  tenantId: string;
  id: string;
};

export type ProviderSetTicketStatusBody = {
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
};

export type ProviderSetTicketStatusResponse = {
  id: string;
  tenantId: string;
  subject: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: {
    name: string;
    email: string;
  };
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  description: string;
  comments: Array<{
    id: string;
    side: 'customer' | 'provider';
    author: {
      name: string;
      email: string;
    };
    text: string;
    at: string;
  }>;
};

/**
 * Moves a customer ticket to another status
 * `PATCH /api/v1/provider/tenants/{tenantId}/support/tickets/{id}` (provider.setTicketStatus)
 */
export function providerSetTicketStatus(
  transport: ApiTransport,
  request: {
    params: ProviderSetTicketStatusParams;
    body: ProviderSetTicketStatusBody;
  },
): Promise<ProviderSetTicketStatusResponse> {
  return transport.json({
    method: 'PATCH',
    path: `/api/v1/provider/tenants/${pathSegment(request.params.tenantId)}/support/tickets/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<ProviderSetTicketStatusResponse>;
}

export type ProviderCommentTicketParams = {
  tenantId: string;
  id: string;
};

export type ProviderCommentTicketBody = {
  text: string;
};

export type ProviderCommentTicketResponse = {
  id: string;
  tenantId: string;
  subject: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: {
    name: string;
    email: string;
  };
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  description: string;
  comments: Array<{
    id: string;
    side: 'customer' | 'provider';
    author: {
      name: string;
      email: string;
    };
    text: string;
    at: string;
  }>;
};

/**
 * Answers a customer ticket; the person who opened it is notified
 * `POST /api/v1/provider/tenants/{tenantId}/support/tickets/{id}/comments` (provider.commentTicket)
 */
export function providerCommentTicket(
  transport: ApiTransport,
  request: {
    params: ProviderCommentTicketParams;
    body: ProviderCommentTicketBody;
  },
): Promise<ProviderCommentTicketResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/provider/tenants/${pathSegment(request.params.tenantId)}/support/tickets/${pathSegment(request.params.id)}/comments`,
    body: request.body,
  }) as Promise<ProviderCommentTicketResponse>;
}

export type JobsListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
};

export type JobsListResponse = {
  items: Array<{
    id: string;
    name: string;
    scope:
      | {
          type: 'organisation';
        }
      | {
          type: 'groups';
          groupIds: string[];
          /** Every group of the job with the profile its members are protected under */
          groupProfiles: Record<string, string>;
        };
    workloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    dailyTime: string;
    timeZone: string;
    retentionYears: 1 | 3 | 5 | 10;
    /** The whole organisation’s profile; for groups, each has its own in `scope.groupProfiles` */
    profile: string;
    createdAt: string;
    createdBy: string;
    status: 'stopped' | 'running' | 'succeeded' | 'warning' | 'failed';
    lastRun: {
      id: string;
      jobId: string;
      jobName: string;
      trigger: 'schedule' | 'manual';
      requestedBy: string;
      status: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
      queuedAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      error: string | null;
    } | null;
    nextRunAt: string | null;
    progress: {
      resourcesTotal: number;
      resourcesDone: number;
      resourcesFailed: number;
      items: number;
      bytes: number;
      deletions: number;
      warnings: number;
    } | null;
  }>;
  nextCursor: string | null;
};

/**
 * The tenant’s backup jobs with status, last and next run, and live progress
 * `GET /api/v1/jobs` (jobs.list)
 */
export function jobsList(
  transport: ApiTransport,
  request: {
    query?: JobsListQuery;
  } = {},
): Promise<JobsListResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/jobs`, query: request.query }) as Promise<JobsListResponse>;
}

export type JobsCreateBody = {
  name: string;
  scope:
    | {
        type: 'organisation';
      }
    | {
        type: 'groups';
        groupIds: string[];
        /** The profile of each group by group id; a group left out has the job’s `profile` */
        groupProfiles?: Record<string, string>;
      };
  workloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
  dailyTime: string;
  timeZone?: string;
  retentionYears: 1 | 3 | 5 | 10;
  /** The whole organisation’s profile, or that of each group `scope.groupProfiles` leaves out */
  profile?: string;
  confirm: true;
};

export type JobsCreateResponse = {
  id: string;
  name: string;
  scope:
    | {
        type: 'organisation';
      }
    | {
        type: 'groups';
        groupIds: string[];
        /** Every group of the job with the profile its members are protected under */
        groupProfiles: Record<string, string>;
      };
  workloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
  dailyTime: string;
  timeZone: string;
  retentionYears: 1 | 3 | 5 | 10;
  /** The whole organisation’s profile; for groups, each has its own in `scope.groupProfiles` */
  profile: string;
  createdAt: string;
  createdBy: string;
  status: 'stopped' | 'running' | 'succeeded' | 'warning' | 'failed';
  lastRun: {
    id: string;
    jobId: string;
    jobName: string;
    trigger: 'schedule' | 'manual';
    requestedBy: string;
    status: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
    queuedAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    error: string | null;
  } | null;
  nextRunAt: string | null;
  progress: {
    resourcesTotal: number;
    resourcesDone: number;
    resourcesFailed: number;
    items: number;
    bytes: number;
    deletions: number;
    warnings: number;
  } | null;
};

/**
 * Creates a daily backup job ("Crea job di backup"); refused with the reason when the licences do not allow it
 * `POST /api/v1/jobs` (jobs.create)
 */
export function jobsCreate(
  transport: ApiTransport,
  request: {
    body: JobsCreateBody;
  },
): Promise<JobsCreateResponse> {
  return transport.json({ method: 'POST', path: `/api/v1/jobs`, body: request.body }) as Promise<JobsCreateResponse>;
}

export type JobsReadParams = {
  id: string;
};

export type JobsReadResponse = {
  id: string;
  name: string;
  scope:
    | {
        type: 'organisation';
      }
    | {
        type: 'groups';
        groupIds: string[];
        /** Every group of the job with the profile its members are protected under */
        groupProfiles: Record<string, string>;
      };
  workloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
  dailyTime: string;
  timeZone: string;
  retentionYears: 1 | 3 | 5 | 10;
  /** The whole organisation’s profile; for groups, each has its own in `scope.groupProfiles` */
  profile: string;
  createdAt: string;
  createdBy: string;
  status: 'stopped' | 'running' | 'succeeded' | 'warning' | 'failed';
  lastRun: {
    id: string;
    jobId: string;
    jobName: string;
    trigger: 'schedule' | 'manual';
    requestedBy: string;
    status: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
    queuedAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    error: string | null;
  } | null;
  nextRunAt: string | null;
  progress: {
    resourcesTotal: number;
    resourcesDone: number;
    resourcesFailed: number;
    items: number;
    bytes: number;
    deletions: number;
    warnings: number;
  } | null;
};

/**
 * One backup job with its status
 * `GET /api/v1/jobs/{id}` (jobs.read)
 */
export function jobsRead(
  transport: ApiTransport,
  request: {
    params: JobsReadParams;
  },
): Promise<JobsReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/jobs/${pathSegment(request.params.id)}`,
  }) as Promise<JobsReadResponse>;
}

export type JobsUpdateParams = {
  id: string;
};

export type JobsUpdateBody = {
  name?: string;
  scope?:
    | {
        type: 'organisation';
      }
    | {
        type: 'groups';
        groupIds: string[];
        /** The profile of each group by group id; a group left out has the job’s `profile` */
        groupProfiles?: Record<string, string>;
      };
  workloads?: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
  dailyTime?: string;
  timeZone?: string;
  retentionYears?: 1 | 3 | 5 | 10;
  profile?: string;
};

export type JobsUpdateResponse = {
  id: string;
  name: string;
  scope:
    | {
        type: 'organisation';
      }
    | {
        type: 'groups';
        groupIds: string[];
        /** Every group of the job with the profile its members are protected under */
        groupProfiles: Record<string, string>;
      };
  workloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
  dailyTime: string;
  timeZone: string;
  retentionYears: 1 | 3 | 5 | 10;
  /** The whole organisation’s profile; for groups, each has its own in `scope.groupProfiles` */
  profile: string;
  createdAt: string;
  createdBy: string;
  status: 'stopped' | 'running' | 'succeeded' | 'warning' | 'failed';
  lastRun: {
    id: string;
    jobId: string;
    jobName: string;
    trigger: 'schedule' | 'manual';
    requestedBy: string;
    status: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
    queuedAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    error: string | null;
  } | null;
  nextRunAt: string | null;
  progress: {
    resourcesTotal: number;
    resourcesDone: number;
    resourcesFailed: number;
    items: number;
    bytes: number;
    deletions: number;
    warnings: number;
  } | null;
};

/**
 * Edits a backup job; its schedule follows the new daily time
 * `PATCH /api/v1/jobs/{id}` (jobs.update)
 */
export function jobsUpdate(
  transport: ApiTransport,
  request: {
    params: JobsUpdateParams;
    body: JobsUpdateBody;
  },
): Promise<JobsUpdateResponse> {
  return transport.json({
    method: 'PATCH',
    path: `/api/v1/jobs/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<JobsUpdateResponse>;
}

export type JobsDeleteParams = {
  id: string;
};

export type JobsDeleteBody = {
  /** The job’s name, typed to confirm */
  confirm: string;
};

export type JobsDeleteResponse = {
  id: string;
  name: string;
  deleted: true;
};

/**
 * Deletes a backup job at once and irreversibly ("Cancella job"): confirm with its name. Its schedule goes; past runs stay in the job log
 * `DELETE /api/v1/jobs/{id}` (jobs.delete)
 */
export function jobsDelete(
  transport: ApiTransport,
  request: {
    params: JobsDeleteParams;
    body: JobsDeleteBody;
  },
): Promise<JobsDeleteResponse> {
  return transport.json({
    method: 'DELETE',
    path: `/api/v1/jobs/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<JobsDeleteResponse>;
}

export type JobsRunNowParams = {
  id: string;
};

export type JobsRunNowResponse = {
  id: string;
  jobId: string;
  jobName: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string;
  status: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
};

/**
 * Starts a run of the job now ("Run this job"); follow it in the job log
 * `POST /api/v1/jobs/{id}/runs` (jobs.runNow)
 */
export function jobsRunNow(
  transport: ApiTransport,
  request: {
    params: JobsRunNowParams;
  },
): Promise<JobsRunNowResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/jobs/${pathSegment(request.params.id)}/runs`,
  }) as Promise<JobsRunNowResponse>;
}

export type DirectoryGroupsQuery = {
  /** Words of the name or address */
  q?: string;
  /** Only these groups, by id, comma-separated (at most 100): the names of groups a job already names */
  ids?: string;
  limit?: number;
  cursor?: string;
};

export type DirectoryGroupsResponse = {
  items: Array<{
    id: string;
    displayName: string;
    mail: string | null;
    description: string | null;
    hasTeam: boolean;
  }>;
  nextCursor: string | null;
};

/**
 * The tenant’s Microsoft 365 groups (name, address, whether it has a team), read from Microsoft 365 now
 * `GET /api/v1/directory/groups` (directory.groups)
 */
export function directoryGroups(
  transport: ApiTransport,
  request: {
    query?: DirectoryGroupsQuery;
  } = {},
): Promise<DirectoryGroupsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/directory/groups`,
    query: request.query,
  }) as Promise<DirectoryGroupsResponse>;
}

export type RunsListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'queuedAt' | '-queuedAt';
  jobId?: string;
  status?: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
  /** Runs queued at or after this instant */
  from?: string;
  /** Runs queued before this instant */
  to?: string;
};

export type RunsListResponse = {
  items: Array<{
    id: string;
    jobId: string;
    jobName: string;
    trigger: 'schedule' | 'manual';
    requestedBy: string;
    status: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
    queuedAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    error: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * Every run of the tenant’s backup jobs, newest first; filter by job, status and date
 * `GET /api/v1/runs` (runs.list)
 */
export function runsList(
  transport: ApiTransport,
  request: {
    query?: RunsListQuery;
  } = {},
): Promise<RunsListResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/runs`, query: request.query }) as Promise<RunsListResponse>;
}

export type RunsReadParams = {
  id: string;
};

export type RunsReadResponse = {
  id: string;
  jobId: string;
  jobName: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string;
  status: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: {
    resourcesTotal: number;
    resourcesDone: number;
    resourcesFailed: number;
    items: number;
    bytes: number;
    deletions: number;
    warnings: number;
  };
  summary: {
    it: string;
    en: string;
  };
  resources: Array<{
    resourceId: string;
    kind: 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
    displayName: string;
    workloads: string[];
    status: 'pending' | 'running' | 'done' | 'failed';
    attempts: number;
    items: number;
    bytes: number;
    deletions: number;
    warnings: Array<{
      message: {
        it: string;
        en: string;
      };
      itemId?: string;
    }>;
    error: string | null;
    startedAt: string | null;
    finishedAt: string | null;
  }>;
};

/**
 * One run with its outcome per account, item counts, warnings and errors in plain words
 * `GET /api/v1/runs/{id}` (runs.read)
 */
export function runsRead(
  transport: ApiTransport,
  request: {
    params: RunsReadParams;
  },
): Promise<RunsReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/runs/${pathSegment(request.params.id)}`,
  }) as Promise<RunsReadResponse>;
}

export type ItemsListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'displayName' | '-displayName' | 'ownerEmail' | '-ownerEmail';
  kind?: 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
  /** Part of the account’s name or e-mail address, case ignored */
  q?: string;
  /** Only accounts a job includes (protected), or only those none includes */
  protection?: 'protected' | 'unprotected';
  /** Only a person’s accounts (mailboxes, OneDrives), or only those of no person (sites, teams); or, an e-mail address, that person’s own accounts and the teams they are a member of */
  owner?: 'person' | 'none' | string;
};

export type ItemsListResponse = {
  items: Array<{
    id: string;
    kind: 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
    displayName: string;
    ownerEmail: string | null;
    ownerUserId: string | null;
    /** For a team, the addresses of its members at its last backup (empty before one, and for other accounts) */
    memberEmails: string[];
    protected: boolean;
    jobs: Array<{
      id: string;
      name: string;
      /** The profile the account is protected under by this job (its group’s, or the job’s) */
      profile: string;
    }>;
    /** The plans the account counts in, as the licence counts seats: per retention tier, the highest profile of the jobs covering it */
    consumes: Array<{
      profile: string;
      retentionYears: number;
    }>;
    lastBackupAt: string | null;
    storedBytes: number;
  }>;
  nextCursor: string | null;
};

/**
 * Every account the backups know (mailboxes, OneDrives, site libraries, teams) with the jobs covering it and its stored bytes
 * `GET /api/v1/items` (items.list)
 */
export function itemsList(
  transport: ApiTransport,
  request: {
    query?: ItemsListQuery;
  } = {},
): Promise<ItemsListResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/items`, query: request.query }) as Promise<ItemsListResponse>;
}

export type ItemsDeleteBackupParams = {
  id: string;
};

export type ItemsDeleteBackupBody = {
  /** The account’s display name, typed to confirm */
  confirm: string;
};

export type ItemsDeleteBackupResponse = {
  id: string;
  displayName: string;
  itemVersions: number;
  folders: number;
  deltaCursors: number;
};

/**
 * Deletes an account’s backup ("Delete backup"): confirm with the account’s name. Irreversible; a job that still covers the account backs it up again from scratch
 * `DELETE /api/v1/items/{id}` (items.deleteBackup)
 */
export function itemsDeleteBackup(
  transport: ApiTransport,
  request: {
    params: ItemsDeleteBackupParams;
    body: ItemsDeleteBackupBody;
  },
): Promise<ItemsDeleteBackupResponse> {
  return transport.json({
    method: 'DELETE',
    path: `/api/v1/items/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<ItemsDeleteBackupResponse>;
}

export type LicenceReadResponse = {
  licensed: boolean;
  plans: Array<{
    profile: string;
    retentionYears: 1 | 3 | 5 | 10;
    workloads: string[];
    seats: number;
    used: number;
  }>;
  unlicensed: Array<{
    profile: string;
    retentionYears: 1 | 3 | 5 | 10;
    used: number;
  }>;
  storage: {
    purchasedBytes: number;
    usedBytes: number;
    /** The storage used by retention tier: each account under the longest retention of the jobs covering it; null for accounts no job covers any more */
    byTier: Array<{
      retentionYears: 1 | 3 | 5 | 10 | null;
      bytes: number;
    }>;
  };
  overrun: boolean;
  remedies: Array<{
    it: string;
    en: string;
  }>;
};

/**
 * Seats per profile and retention tier and storage, bought and used, with the remedies when exceeded
 * `GET /api/v1/licence` (licence.read)
 */
export function licenceRead(transport: ApiTransport): Promise<LicenceReadResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/licence` }) as Promise<LicenceReadResponse>;
}

export type ProviderReadLicenceParams = {
  tenantId: string;
};

export type ProviderReadLicenceResponse = {
  licensed: boolean;
  plans: Array<{
    profile: string;
    retentionYears: 1 | 3 | 5 | 10;
    workloads: string[];
    seats: number;
    used: number;
  }>;
  unlicensed: Array<{
    profile: string;
    retentionYears: 1 | 3 | 5 | 10;
    used: number;
  }>;
  storage: {
    purchasedBytes: number;
    usedBytes: number;
    /** The storage used by retention tier: each account under the longest retention of the jobs covering it; null for accounts no job covers any more */
    byTier: Array<{
      retentionYears: 1 | 3 | 5 | 10 | null;
      bytes: number;
    }>;
  };
  overrun: boolean;
  remedies: Array<{
    it: string;
    en: string;
  }>;
};

/**
 * A customer’s licences, bought and used
 * `GET /api/v1/provider/tenants/{tenantId}/licence` (provider.readLicence)
 */
export function providerReadLicence(
  transport: ApiTransport,
  request: {
    params: ProviderReadLicenceParams;
  },
): Promise<ProviderReadLicenceResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/provider/tenants/${pathSegment(request.params.tenantId)}/licence`,
  }) as Promise<ProviderReadLicenceResponse>;
}

export type ProviderSetLicenceParams = {
  tenantId: string;
};

export type ProviderSetLicenceBody = {
  plans: Array<{
    profile: string;
    retentionYears: 1 | 3 | 5 | 10;
    workloads: Array<'exchange' | 'onedrive' | 'sharepoint' | 'teams'>;
    seats: number;
  }>;
  storageBytes: number;
};

export type ProviderSetLicenceResponse = {
  licensed: boolean;
  plans: Array<{
    profile: string;
    retentionYears: 1 | 3 | 5 | 10;
    workloads: string[];
    seats: number;
    used: number;
  }>;
  unlicensed: Array<{
    profile: string;
    retentionYears: 1 | 3 | 5 | 10;
    used: number;
  }>;
  storage: {
    purchasedBytes: number;
    usedBytes: number;
    /** The storage used by retention tier: each account under the longest retention of the jobs covering it; null for accounts no job covers any more */
    byTier: Array<{
      retentionYears: 1 | 3 | 5 | 10 | null;
      bytes: number;
    }>;
  };
  overrun: boolean;
  remedies: Array<{
    it: string;
    en: string;
  }>;
};

/**
 * Records what a customer bought: seats per profile and retention tier, and storage
 * `PUT /api/v1/provider/tenants/{tenantId}/licence` (provider.setLicence)
 */
export function providerSetLicence(
  transport: ApiTransport,
  request: {
    params: ProviderSetLicenceParams;
    body: ProviderSetLicenceBody;
  },
): Promise<ProviderSetLicenceResponse> {
  return transport.json({
    method: 'PUT',
    path: `/api/v1/provider/tenants/${pathSegment(request.params.tenantId)}/licence`,
    body: request.body,
  }) as Promise<ProviderSetLicenceResponse>;
}

export type BackupsResourcesQuery = {
  kind?: 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
};

export type BackupsResourcesResponse = {
  items: Array<{
    id: string;
    kind: 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
    displayName: string;
    ownerEmail: string | null;
    lastBackupAt: string | null;
  }>;
};

/**
 * The backed-up accounts (mailboxes, OneDrives, site libraries, teams) that can be browsed and restored
 * `GET /api/v1/backups/resources` (backups.resources)
 */
export function backupsResources(
  transport: ApiTransport,
  request: {
    query?: BackupsResourcesQuery;
  } = {},
): Promise<BackupsResourcesResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/backups/resources`,
    query: request.query,
  }) as Promise<BackupsResourcesResponse>;
}

export type BackupsFoldersParams = {
  resourceId: string;
};

export type BackupsFoldersResponse = {
  items: Array<{
    id: string;
    parentId: string | null;
    displayName: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    path: string;
    /** Exchange’s name for a folder every mailbox has (`inbox`, `contacts`…); null for any other */
    wellKnownName: string | null;
    deleted: boolean;
  }>;
};

/**
 * The folders of a backed-up account (mail folders, drive folders, channels), with their paths
 * `GET /api/v1/backups/resources/{resourceId}/folders` (backups.folders)
 */
export function backupsFolders(
  transport: ApiTransport,
  request: {
    params: BackupsFoldersParams;
  },
): Promise<BackupsFoldersResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/backups/resources/${pathSegment(request.params.resourceId)}/folders`,
  }) as Promise<BackupsFoldersResponse>;
}

export type BackupsItemsParams = {
  resourceId: string;
};

export type BackupsItemsQuery = {
  containerId: string;
  at?: string;
  limit?: number;
  cursor?: string;
};

export type BackupsItemsResponse = {
  items: Array<{
    /** Pass it in a `versions` selection to restore or export exactly this version */
    id: string;
    resourceId: string;
    kind: 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';
    name: string;
    containerId: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    containerPath: string;
    from: string | null;
    to: string[];
    size: number;
    itemDate: string | null;
    attachmentNames: string[];
    backedUpFrom: string;
    replacedOrDeletedAt: string | null;
    deletedAt: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * The items of one folder as the backup saw them at an instant (default: now), newest first
 * `GET /api/v1/backups/resources/{resourceId}/items` (backups.items)
 */
export function backupsItems(
  transport: ApiTransport,
  request: {
    params: BackupsItemsParams;
    query: BackupsItemsQuery;
  },
): Promise<BackupsItemsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/backups/resources/${pathSegment(request.params.resourceId)}/items`,
    query: request.query,
  }) as Promise<BackupsItemsResponse>;
}

export type BackupsPointsParams = {
  resourceId: string;
};

export type BackupsPointsResponse = {
  items: Array<{
    runId: string;
    finishedAt: string;
    items: number;
  }>;
};

/**
 * Restore points of an account: the finished runs that backed it up, newest first
 * `GET /api/v1/backups/resources/{resourceId}/points` (backups.points)
 */
export function backupsPoints(
  transport: ApiTransport,
  request: {
    params: BackupsPointsParams;
  },
): Promise<BackupsPointsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/backups/resources/${pathSegment(request.params.resourceId)}/points`,
  }) as Promise<BackupsPointsResponse>;
}

export type BackupsConversationParams = {
  resourceId: string;
};

export type BackupsConversationQuery = {
  conversationId: string;
  limit?: number;
  cursor?: string;
};

export type BackupsConversationResponse = {
  items: Array<{
    /** Pass it in a `versions` selection to restore or export exactly this version */
    id: string;
    resourceId: string;
    kind: 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';
    name: string;
    containerId: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    containerPath: string;
    from: string | null;
    to: string[];
    size: number;
    itemDate: string | null;
    attachmentNames: string[];
    backedUpFrom: string;
    replacedOrDeletedAt: string | null;
    deletedAt: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * The backed-up messages of one Outlook conversation (Graph conversationId, Office.js item.conversationId), every version and deleted ones included, newest first
 * `GET /api/v1/backups/resources/{resourceId}/conversation` (backups.conversation)
 */
export function backupsConversation(
  transport: ApiTransport,
  request: {
    params: BackupsConversationParams;
    query: BackupsConversationQuery;
  },
): Promise<BackupsConversationResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/backups/resources/${pathSegment(request.params.resourceId)}/conversation`,
    query: request.query,
  }) as Promise<BackupsConversationResponse>;
}

export type BackupsSearchQuery = {
  q: string;
  resourceId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
};

export type BackupsSearchResponse = {
  items: Array<{
    /** Pass it in a `versions` selection to restore or export exactly this version */
    id: string;
    resourceId: string;
    kind: 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';
    name: string;
    containerId: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    containerPath: string;
    from: string | null;
    to: string[];
    size: number;
    itemDate: string | null;
    attachmentNames: string[];
    backedUpFrom: string;
    replacedOrDeletedAt: string | null;
    deletedAt: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * Searches backed-up items by words of subject or name, sender, recipients and attachment names; every word must match
 * `GET /api/v1/backups/search` (backups.search)
 */
export function backupsSearch(
  transport: ApiTransport,
  request: {
    query: BackupsSearchQuery;
  },
): Promise<BackupsSearchResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/backups/search`,
    query: request.query,
  }) as Promise<BackupsSearchResponse>;
}

export type RestoresListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'requestedAt' | '-requestedAt';
  status?: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
};

export type RestoresListResponse = {
  items: Array<{
    id: string;
    status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
    requestedBy: string;
    requestedAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    selection: {
      type: 'versions' | 'folder' | 'resource' | 'search';
      /** The accounts the selection names (empty for exact versions) */
      resourceIds: string[];
      /** How many versions were named, for `versions` selections */
      items: number | null;
      words: string[];
      at: string | null;
    };
    target:
      | {
          type: 'original';
        }
      | {
          type: 'newFolder';
        }
      | {
          type: 'otherUser';
          userId: string;
        };
    conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
    restoreFolderName: string;
    progress: {
      total: number;
      restored: number;
      skipped: number;
      failed: number;
      verified: number;
      mismatched: number;
      exportOnly: number;
    };
    error: string | null;
    approval: {
      decision: 'pending' | 'approved' | 'rejected';
      decidedBy: string | null;
      decidedAt: string | null;
      note: string | null;
    } | null;
  }>;
  nextCursor: string | null;
};

/**
 * Every restore of the tenant, newest first, with its live progress
 * `GET /api/v1/restores` (restores.list)
 */
export function restoresList(
  transport: ApiTransport,
  request: {
    query?: RestoresListQuery;
  } = {},
): Promise<RestoresListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/restores`,
    query: request.query,
  }) as Promise<RestoresListResponse>;
}

export type RestoresCreateBody = {
  selection:
    | {
        type: 'versions';
        versionIds: string[];
      }
    | {
        type: 'folder';
        resourceId: string;
        containerId: string;
        includeSubfolders?: boolean;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'resource';
        resourceId: string;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'search';
        words: string[];
        resourceIds?: string[];
        from?: string;
        to?: string;
        limit?: number;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      };
  target:
    | {
        type: 'original';
      }
    | {
        type: 'newFolder';
      }
    | {
        type: 'otherUser';
        userId: string;
      };
  conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
  /** Names the new folder (Ripristino / Restored); default: the caller’s */
  language?: 'it' | 'en';
};

export type RestoresCreateResponse = {
  id: string;
  status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  selection: {
    type: 'versions' | 'folder' | 'resource' | 'search';
    /** The accounts the selection names (empty for exact versions) */
    resourceIds: string[];
    /** How many versions were named, for `versions` selections */
    items: number | null;
    words: string[];
    at: string | null;
  };
  target:
    | {
        type: 'original';
      }
    | {
        type: 'newFolder';
      }
    | {
        type: 'otherUser';
        userId: string;
      };
  conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
  restoreFolderName: string;
  progress: {
    total: number;
    restored: number;
    skipped: number;
    failed: number;
    verified: number;
    mismatched: number;
    exportOnly: number;
  };
  error: string | null;
  approval: {
    decision: 'pending' | 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: string | null;
    note: string | null;
  } | null;
};

/**
 * Restores items, a folder, a whole account or search results, as of any instant or finished run, in the background; every restored item is read back and compared with its backup
 * `POST /api/v1/restores` (restores.create)
 */
export function restoresCreate(
  transport: ApiTransport,
  request: {
    body: RestoresCreateBody;
  },
): Promise<RestoresCreateResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/restores`,
    body: request.body,
  }) as Promise<RestoresCreateResponse>;
}

export type RestoresReadParams = {
  id: string;
};

export type RestoresReadResponse = {
  id: string;
  status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  selection: {
    type: 'versions' | 'folder' | 'resource' | 'search';
    /** The accounts the selection names (empty for exact versions) */
    resourceIds: string[];
    /** How many versions were named, for `versions` selections */
    items: number | null;
    words: string[];
    at: string | null;
  };
  target:
    | {
        type: 'original';
      }
    | {
        type: 'newFolder';
      }
    | {
        type: 'otherUser';
        userId: string;
      };
  conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
  restoreFolderName: string;
  progress: {
    total: number;
    restored: number;
    skipped: number;
    failed: number;
    verified: number;
    mismatched: number;
    exportOnly: number;
  };
  error: string | null;
  approval: {
    decision: 'pending' | 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: string | null;
    note: string | null;
  } | null;
};

/**
 * One restore with its live progress: restored, skipped, failed, verified, different from the backup
 * `GET /api/v1/restores/{id}` (restores.read)
 */
export function restoresRead(
  transport: ApiTransport,
  request: {
    params: RestoresReadParams;
  },
): Promise<RestoresReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/restores/${pathSegment(request.params.id)}`,
  }) as Promise<RestoresReadResponse>;
}

export type RestoresItemsParams = {
  id: string;
};

export type RestoresItemsQuery = {
  state?: 'pending' | 'writing' | 'restored' | 'skipped' | 'failed' | 'exportOnly';
  limit?: number;
  cursor?: string;
};

export type RestoresItemsResponse = {
  items: Array<{
    seq: number;
    kind: string;
    name: string;
    containerPath: string;
    state: 'pending' | 'writing' | 'restored' | 'skipped' | 'failed' | 'exportOnly';
    target: {
      resourceId: string;
      path: string;
      name: string;
    } | null;
    verified: boolean | null;
    differences: string[];
    reason: {
      en: string;
      it: string;
    } | null;
    finishedAt: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * Each item’s outcome in restore order: where it went, whether its read-back matches the backup, or why not
 * `GET /api/v1/restores/{id}/items` (restores.items)
 */
export function restoresItems(
  transport: ApiTransport,
  request: {
    params: RestoresItemsParams;
    query?: RestoresItemsQuery;
  },
): Promise<RestoresItemsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/restores/${pathSegment(request.params.id)}/items`,
    query: request.query,
  }) as Promise<RestoresItemsResponse>;
}

export type ExportsZipBody = {
  selection:
    | {
        type: 'versions';
        versionIds: string[];
      }
    | {
        type: 'folder';
        resourceId: string;
        containerId: string;
        includeSubfolders?: boolean;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'resource';
        resourceId: string;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'search';
        words: string[];
        resourceIds?: string[];
        from?: string;
        to?: string;
        limit?: number;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      };
};

/**
 * Streams a selection as a ZIP now: mail as EML, files as themselves, channel messages as HTML and JSON
 * `POST /api/v1/exports/zip` (exports.zip)
 */
export function exportsZip(
  transport: ApiTransport,
  request: {
    body: ExportsZipBody;
  },
): Promise<DownloadedFile> {
  return transport.file({ method: 'POST', path: `/api/v1/exports/zip`, body: request.body });
}

export type ExportsCreateBody = {
  selection:
    | {
        type: 'versions';
        versionIds: string[];
      }
    | {
        type: 'folder';
        resourceId: string;
        containerId: string;
        includeSubfolders?: boolean;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'resource';
        resourceId: string;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'search';
        words: string[];
        resourceIds?: string[];
        from?: string;
        to?: string;
        limit?: number;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      };
};

export type ExportsCreateResponse = {
  id: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  items: number;
  bytes: number;
  requestedAt: string;
  finishedAt: string | null;
  expiresAt: string;
  /** Below the API prefix; works without a token until `expiresAt` */
  downloadPath: string | null;
  error: string | null;
  /** Items left out of a ready export and why; the ZIP lists them too */
  failures: Array<{
    name: string;
    reason: {
      en: string;
      it: string;
    };
  }>;
};

/**
 * Prepares a large export in the background; its download link works without signing in until it expires
 * `POST /api/v1/exports` (exports.create)
 */
export function exportsCreate(
  transport: ApiTransport,
  request: {
    body: ExportsCreateBody;
  },
): Promise<ExportsCreateResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/exports`,
    body: request.body,
  }) as Promise<ExportsCreateResponse>;
}

export type ExportsReadParams = {
  id: string;
};

export type ExportsReadResponse = {
  id: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  items: number;
  bytes: number;
  requestedAt: string;
  finishedAt: string | null;
  expiresAt: string;
  /** Below the API prefix; works without a token until `expiresAt` */
  downloadPath: string | null;
  error: string | null;
  /** Items left out of a ready export and why; the ZIP lists them too */
  failures: Array<{
    name: string;
    reason: {
      en: string;
      it: string;
    };
  }>;
};

/**
 * A background export: its progress and, once ready, its download link and when the link expires
 * `GET /api/v1/exports/{id}` (exports.read)
 */
export function exportsRead(
  transport: ApiTransport,
  request: {
    params: ExportsReadParams;
  },
): Promise<ExportsReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/exports/${pathSegment(request.params.id)}`,
  }) as Promise<ExportsReadResponse>;
}

export type ExportsDownloadParams = {
  tenantId: string;
  token: string;
};

/**
 * Downloads a ready background export; the secret link expires (24 hours by default)
 * `GET /api/v1/downloads/{tenantId}/{token}` (exports.download)
 */
export function exportsDownload(
  transport: ApiTransport,
  request: {
    params: ExportsDownloadParams;
  },
): Promise<DownloadedFile> {
  return transport.file({
    method: 'GET',
    path: `/api/v1/downloads/${pathSegment(request.params.tenantId)}/${pathSegment(request.params.token)}`,
  });
}

export type ApprovalsListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'requestedAt' | '-requestedAt';
};

export type ApprovalsListResponse = {
  items: Array<{
    id: string;
    status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
    requestedBy: string;
    requestedAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    selection: {
      type: 'versions' | 'folder' | 'resource' | 'search';
      /** The accounts the selection names (empty for exact versions) */
      resourceIds: string[];
      /** How many versions were named, for `versions` selections */
      items: number | null;
      words: string[];
      at: string | null;
    };
    target:
      | {
          type: 'original';
        }
      | {
          type: 'newFolder';
        }
      | {
          type: 'otherUser';
          userId: string;
        };
    conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
    restoreFolderName: string;
    progress: {
      total: number;
      restored: number;
      skipped: number;
      failed: number;
      verified: number;
      mismatched: number;
      exportOnly: number;
    };
    error: string | null;
    approval: {
      decision: 'pending' | 'approved' | 'rejected';
      decidedBy: string | null;
      decidedAt: string | null;
      note: string | null;
    } | null;
  }>;
  nextCursor: string | null;
};

/**
 * Self-service restores awaiting an administrator’s approval, oldest first
 * `GET /api/v1/approvals` (approvals.list)
 */
export function approvalsList(
  transport: ApiTransport,
  request: {
    query?: ApprovalsListQuery;
  } = {},
): Promise<ApprovalsListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/approvals`,
    query: request.query,
  }) as Promise<ApprovalsListResponse>;
}

export type ApprovalsDecideParams = {
  id: string;
};

export type ApprovalsDecideBody = {
  approve: boolean;
  /** Shown to the requester, above all when rejecting */
  note?: string;
};

export type ApprovalsDecideResponse = {
  id: string;
  status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  selection: {
    type: 'versions' | 'folder' | 'resource' | 'search';
    /** The accounts the selection names (empty for exact versions) */
    resourceIds: string[];
    /** How many versions were named, for `versions` selections */
    items: number | null;
    words: string[];
    at: string | null;
  };
  target:
    | {
        type: 'original';
      }
    | {
        type: 'newFolder';
      }
    | {
        type: 'otherUser';
        userId: string;
      };
  conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
  restoreFolderName: string;
  progress: {
    total: number;
    restored: number;
    skipped: number;
    failed: number;
    verified: number;
    mismatched: number;
    exportOnly: number;
  };
  error: string | null;
  approval: {
    decision: 'pending' | 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: string | null;
    note: string | null;
  } | null;
};

/**
 * Approves (the restore starts) or rejects (with a note to the requester) a waiting self-service restore
 * `POST /api/v1/approvals/{id}` (approvals.decide)
 */
export function approvalsDecide(
  transport: ApiTransport,
  request: {
    params: ApprovalsDecideParams;
    body: ApprovalsDecideBody;
  },
): Promise<ApprovalsDecideResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/approvals/${pathSegment(request.params.id)}`,
    body: request.body,
  }) as Promise<ApprovalsDecideResponse>;
}

export type MeBackupsResourcesQuery = {
  kind?: 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
};

export type MeBackupsResourcesResponse = {
  items: Array<{
    id: string;
    kind: 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
    displayName: string;
    ownerEmail: string | null;
    lastBackupAt: string | null;
  }>;
};

/**
 * The backed-up accounts (mailboxes, OneDrives, site libraries, teams) that can be browsed and restored
 * `GET /api/v1/me/backups/resources` (me.backups.resources)
 */
export function meBackupsResources(
  transport: ApiTransport,
  request: {
    query?: MeBackupsResourcesQuery;
  } = {},
): Promise<MeBackupsResourcesResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/backups/resources`,
    query: request.query,
  }) as Promise<MeBackupsResourcesResponse>;
}

export type MeBackupsFoldersParams = {
  resourceId: string;
};

export type MeBackupsFoldersResponse = {
  items: Array<{
    id: string;
    parentId: string | null;
    displayName: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    path: string;
    /** Exchange’s name for a folder every mailbox has (`inbox`, `contacts`…); null for any other */
    wellKnownName: string | null;
    deleted: boolean;
  }>;
};

/**
 * The folders of a backed-up account (mail folders, drive folders, channels), with their paths
 * `GET /api/v1/me/backups/resources/{resourceId}/folders` (me.backups.folders)
 */
export function meBackupsFolders(
  transport: ApiTransport,
  request: {
    params: MeBackupsFoldersParams;
  },
): Promise<MeBackupsFoldersResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/backups/resources/${pathSegment(request.params.resourceId)}/folders`,
  }) as Promise<MeBackupsFoldersResponse>;
}

export type MeBackupsItemsParams = {
  resourceId: string;
};

export type MeBackupsItemsQuery = {
  containerId: string;
  at?: string;
  limit?: number;
  cursor?: string;
};

export type MeBackupsItemsResponse = {
  items: Array<{
    /** Pass it in a `versions` selection to restore or export exactly this version */
    id: string;
    resourceId: string;
    kind: 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';
    name: string;
    containerId: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    containerPath: string;
    from: string | null;
    to: string[];
    size: number;
    itemDate: string | null;
    attachmentNames: string[];
    backedUpFrom: string;
    replacedOrDeletedAt: string | null;
    deletedAt: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * The items of one folder as the backup saw them at an instant (default: now), newest first
 * `GET /api/v1/me/backups/resources/{resourceId}/items` (me.backups.items)
 */
export function meBackupsItems(
  transport: ApiTransport,
  request: {
    params: MeBackupsItemsParams;
    query: MeBackupsItemsQuery;
  },
): Promise<MeBackupsItemsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/backups/resources/${pathSegment(request.params.resourceId)}/items`,
    query: request.query,
  }) as Promise<MeBackupsItemsResponse>;
}

export type MeBackupsPointsParams = {
  resourceId: string;
};

export type MeBackupsPointsResponse = {
  items: Array<{
    runId: string;
    finishedAt: string;
    items: number;
  }>;
};

/**
 * Restore points of an account: the finished runs that backed it up, newest first
 * `GET /api/v1/me/backups/resources/{resourceId}/points` (me.backups.points)
 */
export function meBackupsPoints(
  transport: ApiTransport,
  request: {
    params: MeBackupsPointsParams;
  },
): Promise<MeBackupsPointsResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/backups/resources/${pathSegment(request.params.resourceId)}/points`,
  }) as Promise<MeBackupsPointsResponse>;
}

export type MeBackupsConversationParams = {
  resourceId: string;
};

export type MeBackupsConversationQuery = {
  conversationId: string;
  limit?: number;
  cursor?: string;
};

export type MeBackupsConversationResponse = {
  items: Array<{
    /** Pass it in a `versions` selection to restore or export exactly this version */
    id: string;
    resourceId: string;
    kind: 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';
    name: string;
    containerId: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    containerPath: string;
    from: string | null;
    to: string[];
    size: number;
    itemDate: string | null;
    attachmentNames: string[];
    backedUpFrom: string;
    replacedOrDeletedAt: string | null;
    deletedAt: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * The backed-up messages of one Outlook conversation (Graph conversationId, Office.js item.conversationId), every version and deleted ones included, newest first
 * `GET /api/v1/me/backups/resources/{resourceId}/conversation` (me.backups.conversation)
 */
export function meBackupsConversation(
  transport: ApiTransport,
  request: {
    params: MeBackupsConversationParams;
    query: MeBackupsConversationQuery;
  },
): Promise<MeBackupsConversationResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/backups/resources/${pathSegment(request.params.resourceId)}/conversation`,
    query: request.query,
  }) as Promise<MeBackupsConversationResponse>;
}

export type MeBackupsSearchQuery = {
  q: string;
  resourceId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
};

export type MeBackupsSearchResponse = {
  items: Array<{
    /** Pass it in a `versions` selection to restore or export exactly this version */
    id: string;
    resourceId: string;
    kind: 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';
    name: string;
    containerId: string;
    /** The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id */
    containerPath: string;
    from: string | null;
    to: string[];
    size: number;
    itemDate: string | null;
    attachmentNames: string[];
    backedUpFrom: string;
    replacedOrDeletedAt: string | null;
    deletedAt: string | null;
  }>;
  nextCursor: string | null;
};

/**
 * Searches backed-up items by words of subject or name, sender, recipients and attachment names; every word must match
 * `GET /api/v1/me/backups/search` (me.backups.search)
 */
export function meBackupsSearch(
  transport: ApiTransport,
  request: {
    query: MeBackupsSearchQuery;
  },
): Promise<MeBackupsSearchResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/backups/search`,
    query: request.query,
  }) as Promise<MeBackupsSearchResponse>;
}

export type MeRestoresListQuery = {
  limit?: number;
  cursor?: string;
  sort?: 'requestedAt' | '-requestedAt';
};

export type MeRestoresListResponse = {
  items: Array<{
    id: string;
    status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
    requestedBy: string;
    requestedAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    selection: {
      type: 'versions' | 'folder' | 'resource' | 'search';
      /** The accounts the selection names (empty for exact versions) */
      resourceIds: string[];
      /** How many versions were named, for `versions` selections */
      items: number | null;
      words: string[];
      at: string | null;
    };
    target:
      | {
          type: 'original';
        }
      | {
          type: 'newFolder';
        }
      | {
          type: 'otherUser';
          userId: string;
        };
    conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
    restoreFolderName: string;
    progress: {
      total: number;
      restored: number;
      skipped: number;
      failed: number;
      verified: number;
      mismatched: number;
      exportOnly: number;
    };
    error: string | null;
    approval: {
      decision: 'pending' | 'approved' | 'rejected';
      decidedBy: string | null;
      decidedAt: string | null;
      note: string | null;
    } | null;
  }>;
  nextCursor: string | null;
};

/**
 * The caller’s own restores, newest first
 * `GET /api/v1/me/restores` (me.restores.list)
 */
export function meRestoresList(
  transport: ApiTransport,
  request: {
    query?: MeRestoresListQuery;
  } = {},
): Promise<MeRestoresListResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/restores`,
    query: request.query,
  }) as Promise<MeRestoresListResponse>;
}

export type MeRestoresCreateBody = {
  selection:
    | {
        type: 'versions';
        versionIds: string[];
      }
    | {
        type: 'folder';
        resourceId: string;
        containerId: string;
        includeSubfolders?: boolean;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'resource';
        resourceId: string;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'search';
        words: string[];
        resourceIds?: string[];
        from?: string;
        to?: string;
        limit?: number;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      };
  target:
    | {
        type: 'original';
      }
    | {
        type: 'newFolder';
      };
  conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
  /** Names the new folder (Ripristino / Restored); default: the caller’s */
  language?: 'it' | 'en';
};

export type MeRestoresCreateResponse = {
  id: string;
  status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  selection: {
    type: 'versions' | 'folder' | 'resource' | 'search';
    /** The accounts the selection names (empty for exact versions) */
    resourceIds: string[];
    /** How many versions were named, for `versions` selections */
    items: number | null;
    words: string[];
    at: string | null;
  };
  target:
    | {
        type: 'original';
      }
    | {
        type: 'newFolder';
      }
    | {
        type: 'otherUser';
        userId: string;
      };
  conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
  restoreFolderName: string;
  progress: {
    total: number;
    restored: number;
    skipped: number;
    failed: number;
    verified: number;
    mismatched: number;
    exportOnly: number;
  };
  error: string | null;
  approval: {
    decision: 'pending' | 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: string | null;
    note: string | null;
  } | null;
};

/**
 * Restores the caller’s own items, folder or whole mailbox/OneDrive; may wait for an administrator’s approval
 * `POST /api/v1/me/restores` (me.restores.create)
 */
export function meRestoresCreate(
  transport: ApiTransport,
  request: {
    body: MeRestoresCreateBody;
  },
): Promise<MeRestoresCreateResponse> {
  return transport.json({
    method: 'POST',
    path: `/api/v1/me/restores`,
    body: request.body,
  }) as Promise<MeRestoresCreateResponse>;
}

export type MeRestoresReadParams = {
  id: string;
};

export type MeRestoresReadResponse = {
  id: string;
  status: 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  selection: {
    type: 'versions' | 'folder' | 'resource' | 'search';
    /** The accounts the selection names (empty for exact versions) */
    resourceIds: string[];
    /** How many versions were named, for `versions` selections */
    items: number | null;
    words: string[];
    at: string | null;
  };
  target:
    | {
        type: 'original';
      }
    | {
        type: 'newFolder';
      }
    | {
        type: 'otherUser';
        userId: string;
      };
  conflictPolicy: 'skip' | 'keepBoth' | 'overwrite';
  restoreFolderName: string;
  progress: {
    total: number;
    restored: number;
    skipped: number;
    failed: number;
    verified: number;
    mismatched: number;
    exportOnly: number;
  };
  error: string | null;
  approval: {
    decision: 'pending' | 'approved' | 'rejected';
    decidedBy: string | null;
    decidedAt: string | null;
    note: string | null;
  } | null;
  items: Array<{
    seq: number;
    kind: string;
    name: string;
    containerPath: string;
    state: 'pending' | 'writing' | 'restored' | 'skipped' | 'failed' | 'exportOnly';
    target: {
      resourceId: string;
      path: string;
      name: string;
    } | null;
    verified: boolean | null;
    differences: string[];
    reason: {
      en: string;
      it: string;
    } | null;
    finishedAt: string | null;
  }>;
};

/**
 * One of the caller’s restores with its progress and the outcome of its first 200 items
 * `GET /api/v1/me/restores/{id}` (me.restores.read)
 */
export function meRestoresRead(
  transport: ApiTransport,
  request: {
    params: MeRestoresReadParams;
  },
): Promise<MeRestoresReadResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/me/restores/${pathSegment(request.params.id)}`,
  }) as Promise<MeRestoresReadResponse>;
}

export type MeExportsZipBody = {
  selection:
    | {
        type: 'versions';
        versionIds: string[];
      }
    | {
        type: 'folder';
        resourceId: string;
        containerId: string;
        includeSubfolders?: boolean;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'resource';
        resourceId: string;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      }
    | {
        type: 'search';
        words: string[];
        resourceIds?: string[];
        from?: string;
        to?: string;
        limit?: number;
        /** Restore as the backup saw things at this instant (default: the latest backup) */
        at?: string;
        /** Restore as the backup saw things when this run finished */
        asOfRun?: string;
      };
};

/**
 * Streams a selection as a ZIP now: mail as EML, files as themselves, channel messages as HTML and JSON
 * `POST /api/v1/me/exports/zip` (me.exports.zip)
 */
export function meExportsZip(
  transport: ApiTransport,
  request: {
    body: MeExportsZipBody;
  },
): Promise<DownloadedFile> {
  return transport.file({ method: 'POST', path: `/api/v1/me/exports/zip`, body: request.body });
}

export type ReportsUsageQuery = {
  /** First day (yyyy-mm-dd, UTC) */
  from?: string;
  /** Last day (yyyy-mm-dd, UTC), default today */
  to?: string;
};

export type ReportsUsageResponse = {
  from: string;
  to: string;
  points: Array<{
    day: string;
    takenAt: string;
    plans: Array<{
      profile: string;
      retentionYears: number;
      seats: number;
      used: number;
    }>;
    protectedPeople: number;
    protectedResources: number;
    unprotectedAccounts: number | null;
    storedBytes: number;
    purchasedBytes: number;
    itemsStored: number;
    runs: {
      succeeded: number;
      warning: number;
      failed: number;
    };
  }>;
};

/**
 * Daily points of seats used per plan, protected accounts, stored bytes, items and runs (default the last 90 days, at most 400)
 * `GET /api/v1/reports/usage` (reports.usage)
 */
export function reportsUsage(
  transport: ApiTransport,
  request: {
    query?: ReportsUsageQuery;
  } = {},
): Promise<ReportsUsageResponse> {
  return transport.json({
    method: 'GET',
    path: `/api/v1/reports/usage`,
    query: request.query,
  }) as Promise<ReportsUsageResponse>;
}

export type ReportsCoverageResponse = {
  checkedAt: string;
  kinds: Array<{
    kind: 'user' | 'team';
    protected: number;
    unprotected: number;
  }>;
  unprotected: Array<{
    kind: 'user' | 'team';
    id: string;
    displayName: string;
    email: string | null;
  }>;
  staleJobs: Array<{
    id: string;
    name: string;
    lastSuccessAt: string | null;
    lastStatus: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed' | null;
  }>;
};

/**
 * Accounts of the directory protected and not protected by any job, by kind, with the unprotected ones, and jobs without a successful run in 48 hours
 * `GET /api/v1/reports/coverage` (reports.coverage)
 */
export function reportsCoverage(transport: ApiTransport): Promise<ReportsCoverageResponse> {
  return transport.json({ method: 'GET', path: `/api/v1/reports/coverage` }) as Promise<ReportsCoverageResponse>;
}
