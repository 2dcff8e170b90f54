import type { Workload as SetupService } from './tenant-store.js';

/**
 * What each service ticked at setup lets a backup job include: the guide's three services (Exchange, SharePoint and
 * OneDrive, Teams) against the four kinds of account a job backs up.
 */
const backupWorkloadsOfService = {
  exchange: ['exchange'],
  'sharepoint-onedrive': ['onedrive', 'sharepoint'],
  teams: ['teams'],
} as const satisfies Record<SetupService, readonly string[]>;

export type BackupWorkload = (typeof backupWorkloadsOfService)[SetupService][number];

/** The workloads a job may include, given the services ticked at setup. */
export function backupWorkloadsChosen(services: readonly SetupService[]): BackupWorkload[] {
  return services.flatMap((service) => backupWorkloadsOfService[service]);
}

/** The names people know the workloads by, the same in both languages. */
export const workloadNames: Record<BackupWorkload, string> = {
  exchange: 'Exchange',
  onedrive: 'OneDrive',
  sharepoint: 'SharePoint',
  teams: 'Teams',
};

export function workloadList(workloads: readonly BackupWorkload[]): string {
  return workloads.map((workload) => workloadNames[workload]).join(', ');
}
