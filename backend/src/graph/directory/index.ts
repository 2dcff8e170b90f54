export { directoryResource, isNotFound, unlessNotFound, type DirectoryReads } from './directory-reads.js';
export { findUser, listUsers, readDisplayName, userAddress, userSelect, type DirectoryUser } from './users.js';
export { hasTeam, isMicrosoft365Group, listGroups, listGroupUserMembers, type DirectoryGroup } from './groups.js';
export {
  findGroupSite,
  findGroupSites,
  getSite,
  getSites,
  listAllSites,
  siteName,
  type DirectorySite,
} from './sites.js';
export { findUserDrive, findUserDrives, listDrivesOfSites, type DriveSummary } from './drives.js';
export { findTeam, findTeams, listTeams, type DirectoryTeam } from './teams.js';
export { GroupNotFound, peopleInScope, type DirectoryScope } from './people-in-scope.js';
