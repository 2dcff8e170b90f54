/** Where the portal tab lives in Teams, so cards can open it at the right page. */
export interface PortalDeepLink {
  /** The Teams app id of the manifest. */
  appId: string;
  /** The `entityId` of the portal's static tab. */
  entityId: string;
}

export interface PortalLinks {
  jobLog(jobId: string, runId: string): string;
  licences(): string;
}

/**
 * Teams deep links into the portal tab; the tab reads `subEntityId` to open the page
 * (`log/<jobId>/<runId>`, `licences`).
 */
export function portalLinks({ appId, entityId }: PortalDeepLink): PortalLinks {
  const link = (subEntityId: string) =>
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}` +
    `?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`;
  return {
    jobLog: (jobId, runId) => link(`log/${jobId}/${runId}`),
    licences: () => link('licences'),
  };
}
