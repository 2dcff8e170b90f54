/** The API's "My backups" routes: the signed-in person's own mailbox and OneDrive only. */
export const myBackups = {
  resources: '/me/backups/resources',
  folders: (resourceId: string) => `/me/backups/resources/${encodeURIComponent(resourceId)}/folders`,
  items: (resourceId: string) => `/me/backups/resources/${encodeURIComponent(resourceId)}/items`,
  points: (resourceId: string) => `/me/backups/resources/${encodeURIComponent(resourceId)}/points`,
  conversation: (resourceId: string) => `/me/backups/resources/${encodeURIComponent(resourceId)}/conversation`,
  search: '/me/backups/search',
  restores: '/me/restores',
  restore: (id: string) => `/me/restores/${encodeURIComponent(id)}`,
  zip: '/me/exports/zip',
} as const;
