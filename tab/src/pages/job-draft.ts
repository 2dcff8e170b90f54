import { type JobSettings, type JobView, type JobWorkload, type RetentionYears, jobWorkloads } from '../api/model.js';

/** The job form's fields as typed: group ids are one text, split only when the job is saved. */
export interface JobDraft {
  name: string;
  scopeType: 'organisation' | 'groups';
  groupIds: string;
  /** A profile of its own for a group, by group id; a group not here has the job's `profile`. */
  groupProfiles: Readonly<Record<string, string>>;
  workloads: JobWorkload[];
  dailyTime: string;
  timeZone: string;
  retentionYears: RetentionYears;
  profile: string;
}

/** A new job starts with every workload the tenant's setup lets a job include; an edit with the job's own. */
export function draftOf(job: JobView | undefined, allowed: readonly JobWorkload[]): JobDraft {
  if (!job) {
    return {
      name: '',
      scopeType: 'organisation',
      groupIds: '',
      groupProfiles: {},
      workloads: jobWorkloads.filter((workload) => allowed.includes(workload)),
      dailyTime: '22:00',
      timeZone: 'Europe/Rome',
      retentionYears: 1,
      profile: 'Gold',
    };
  }
  return {
    name: job.name,
    scopeType: job.scope.type,
    groupIds: job.scope.type === 'groups' ? job.scope.groupIds.join('\n') : '',
    // The API names every group's profile; those that are the job's own are the default, not a choice.
    groupProfiles:
      job.scope.type === 'groups'
        ? Object.fromEntries(Object.entries(job.scope.groupProfiles).filter(([, profile]) => profile !== job.profile))
        : {},
    workloads: job.workloads,
    dailyTime: job.dailyTime,
    timeZone: job.timeZone,
    retentionYears: job.retentionYears,
    profile: job.profile,
  };
}

export function groupIdsOf(draft: JobDraft): string[] {
  return draft.groupIds.split(/[\s,;]+/).filter((id) => id.length > 0);
}

/** The profile a chosen group is protected under: its own, or the job's. */
export function groupProfileOf(draft: JobDraft, groupId: string): string {
  return draft.groupProfiles[groupId] ?? draft.profile;
}

/** The groups with a profile other than the job's, among those still chosen. */
function ownGroupProfiles(draft: JobDraft): Record<string, string> {
  return Object.fromEntries(
    groupIdsOf(draft).flatMap((id) => {
      const profile = draft.groupProfiles[id];
      return profile !== undefined && profile !== draft.profile ? [[id, profile]] : [];
    }),
  );
}

export function settingsOf(draft: JobDraft): JobSettings {
  return {
    name: draft.name.trim(),
    scope:
      draft.scopeType === 'organisation'
        ? { type: 'organisation' }
        : { type: 'groups', groupIds: groupIdsOf(draft), groupProfiles: ownGroupProfiles(draft) },
    workloads: jobWorkloads.filter((workload) => draft.workloads.includes(workload)),
    dailyTime: draft.dailyTime,
    timeZone: draft.timeZone,
    retentionYears: draft.retentionYears,
    profile: draft.profile,
  };
}

/** What the form itself can tell before asking the API: the rest (licence, groups, names) the API answers. */
export function draftComplete(draft: JobDraft): boolean {
  return (
    draft.name.trim().length > 0 &&
    draft.workloads.length > 0 &&
    /^([01]\d|2[0-3]):[0-5]\d$/.test(draft.dailyTime) &&
    (draft.scopeType === 'organisation' || groupIdsOf(draft).length > 0)
  );
}
