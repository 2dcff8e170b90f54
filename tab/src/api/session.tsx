import { createContext, useContext } from 'react';
import type { ApiClient } from './client.js';
import type { Me, TenantStatus } from './model.js';

/** The signed-in person, their API client, and the tenant they work on. */
export interface Session {
  readonly api: ApiClient;
  readonly me: Me;
  readonly tenant: TenantStatus;
  /** Re-reads the tenant after a change that moves its setup along. */
  refreshTenant(): Promise<void>;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in portal');
  return session;
}
