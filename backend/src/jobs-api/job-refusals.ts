import type { Refusals } from '../http/route.js';

/** Every route of backup jobs and runs: this process was started without the backup engine. */
export const backupRefusals: Refusals = { 503: ['backup_unavailable'] };

/** Creating or editing a job: its groups must exist, its name be free, and the licences allow it. */
export const jobAdmissionRefusals: Refusals = {
  ...backupRefusals,
  400: ['group_not_found', 'group_listed_twice', 'group_profile_without_group'],
  409: [
    'already_exists',
    'graph_consent_missing',
    'licence_missing',
    'licence_plan_missing',
    'workloads_not_in_setup',
    'licence_workloads_not_included',
    'licence_seats_exceeded',
    'licence_storage_exceeded',
    'licence_overrun_growth',
  ],
};
