import { ApiError } from '../http/api-error.js';
import type { BackupScope } from '../backup/model.js';

/** Each group once, and a profile only for a group of the job: the guide's "select the group, then its profile". */
export function assertGroupsChosenOnce(scope: BackupScope): void {
  if (scope.type !== 'groups') return;
  const seen = new Set<string>();
  for (const groupId of scope.groupIds) {
    if (seen.has(groupId)) throw new ApiError(400, 'group_listed_twice', { groupId }, { groupId });
    seen.add(groupId);
  }
  for (const groupId of Object.keys(scope.groupProfiles ?? {})) {
    if (!seen.has(groupId)) throw new ApiError(400, 'group_profile_without_group', { groupId }, { groupId });
  }
}
