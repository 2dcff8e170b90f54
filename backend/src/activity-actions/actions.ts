/**
 * Every action the activity log records, by category (the part before the dot): the one list the routes, the bot,
 * the workers and the API's filters are typed with, so an entry nobody can filter for or put into words cannot be
 * written.
 */
const verbsByCategory = {
  session: ['signed_in'],
  terms: ['accepted'],
  tenant: ['onboarded', 'data_location_set', 'workloads_set', 'admin_consent_verified', 'setup_confirmed'],
  licence: ['updated'],
  portal_user: ['invited', 'changed', 'revoked'],
  notification_recipient: ['added', 'changed', 'removed'],
  settings: ['changed'],
  support_ticket: ['opened', 'commented', 'answered', 'status_changed'],
  backup_job: ['created', 'updated', 'deleted', 'run_requested'],
  backup_data: ['deleted'],
  restore: ['requested', 'self_service_requested', 'approved', 'rejected'],
  export: ['requested', 'downloaded'],
  retention: ['swept'],
} as const;

type VerbsByCategory = typeof verbsByCategory;
export type ActivityCategory = keyof VerbsByCategory;
export type ActivityAction = {
  [C in ActivityCategory]: `${C}.${VerbsByCategory[C][number]}`;
}[ActivityCategory];

export const activityCategories = Object.keys(verbsByCategory) as [ActivityCategory, ...ActivityCategory[]];

export const activityActions = activityCategories.flatMap((category) =>
  verbsByCategory[category].map((verb) => `${category}.${verb}` as ActivityAction),
) as [ActivityAction, ...ActivityAction[]];

export function categoryOf(action: ActivityAction): ActivityCategory {
  return action.slice(0, action.indexOf('.')) as ActivityCategory;
}
