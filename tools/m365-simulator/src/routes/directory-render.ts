import type { Tenant } from '../model/tenant.js';
import type { GroupRecord, UserRecord } from '../model/records.js';

/** A directory object with every property the simulator knows, before a default set or `$select` narrows it. */
export type DirectoryEntity = Record<string, unknown> & { id: string };

/**
 * The properties `GET /users` and `GET /users/{id}` return without `$select`
 * (https://learn.microsoft.com/graph/api/user-list#optional-query-parameters).
 */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
] as const;

/**
 * The default properties of a group, as the example of https://learn.microsoft.com/graph/api/group-list shows them
 * ("All the default properties are returned for each group").
 */
export const GROUP_DEFAULT_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesLastSyncDateTime',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'preferredLanguage',
  'proxyAddresses',
  'renewedDateTime',
  'resourceBehaviorOptions',
  'resourceProvisioningOptions',
  'securityEnabled',
  'theme',
  'visibility',
  'onPremisesProvisioningErrors',
] as const;

/** Every property of a user the simulator holds (https://learn.microsoft.com/graph/api/resources/user#properties). */
export function userEntity(user: UserRecord): DirectoryEntity {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: `+39 347 555 ${String(1000 + user.index).slice(-4)}`,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    department: user.department,
    accountEnabled: user.accountEnabled,
    mailNickname: user.userPrincipalName.split('@')[0] ?? user.userPrincipalName,
    userType: 'Member',
    usageLocation: 'IT',
    city: null,
    country: null,
    postalCode: '20121',
    companyName: null,
    identities: [
      {
        signInType: 'userPrincipalName',
        issuer: user.userPrincipalName.split('@')[1] ?? '',
        issuerAssignedId: user.userPrincipalName,
      },
    ],
  };
}

/** Every property of a Microsoft 365 group the simulator holds (https://learn.microsoft.com/graph/api/resources/group#properties). */
export function groupEntity(group: GroupRecord): DirectoryEntity {
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: group.createdDateTime,
    description: group.description,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: ['Unified'],
    isAssignableToRole: null,
    mail: group.mail,
    mailEnabled: true,
    mailNickname: group.mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesLastSyncDateTime: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: 'EUR',
    preferredLanguage: null,
    proxyAddresses: [`SMTP:${group.mail}`],
    renewedDateTime: group.createdDateTime,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: group.isTeam ? ['Team'] : [],
    securityEnabled: false,
    theme: null,
    visibility: group.visibility,
    onPremisesProvisioningErrors: [],
  };
}

/** The tenant's organization (https://learn.microsoft.com/graph/api/resources/organization#properties). */
export function organizationEntity(tenant: Tenant): DirectoryEntity {
  return {
    id: tenant.id,
    assignedPlans: [],
    businessPhones: [],
    city: 'Milano',
    country: null,
    countryLetterCode: 'IT',
    createdDateTime: '2020-01-01T00:00:00Z',
    displayName: tenant.displayName,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    postalCode: '20121',
    preferredLanguage: 'it',
    privacyProfile: null,
    provisionedPlans: [],
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: 'MI',
    street: 'Via Alessandro Manzoni 1',
    technicalNotificationMails: [],
    tenantType: 'AAD',
    verifiedDomains: [
      {
        capabilities: 'Email, OfficeCommunicationsOnline',
        isDefault: true,
        isInitial: true,
        name: tenant.domain,
        type: 'Managed',
      },
    ],
  };
}
