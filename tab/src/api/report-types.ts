/** The Reports routes' answers (backend/src/reports/report-routes.ts). */
export interface UsagePoint {
  day: string;
  takenAt: string;
  plans: Array<{ profile: string; retentionYears: number; seats: number; used: number }>;
  protectedPeople: number;
  protectedResources: number;
  unprotectedAccounts: number | null;
  storedBytes: number;
  purchasedBytes: number;
  itemsStored: number;
  runs: { succeeded: number; warning: number; failed: number };
}

export interface UsageReport {
  from: string;
  to: string;
  points: UsagePoint[];
}

export type AccountKind = 'user' | 'team';

export interface CoverageReport {
  checkedAt: string;
  kinds: Array<{ kind: AccountKind; protected: number; unprotected: number }>;
  unprotected: Array<{ kind: AccountKind; id: string; displayName: string; email: string | null }>;
  staleJobs: Array<{
    id: string;
    name: string;
    lastSuccessAt: string | null;
    lastStatus: 'queued' | 'running' | 'succeeded' | 'warning' | 'failed' | null;
  }>;
}
