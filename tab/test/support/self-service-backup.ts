import { mintUserToken, type RunningSimulator } from '@custodia/m365-simulator';
import type { PortalServer } from './portal-server.js';
import { directoryGroup } from './directory.js';

/** Calls the API as a person of the demo tenant, with the token the dev sign-in would give them. */
export interface PersonApi {
  call<T>(path: string, init?: { method: string; body?: unknown }): Promise<{ status: number; body: T }>;
}

export async function personApi(server: PortalServer, userId: string): Promise<PersonApi> {
  const token = await mintUserToken(server.sim, { id: userId });
  return {
    async call<T>(path: string, init?: { method: string; body?: unknown }) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
      if (init?.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method: init?.method ?? 'GET',
        headers,
        ...(init?.body !== undefined && { body: JSON.stringify(init.body) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
  };
}

async function ok<T>(answer: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`API answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

interface Listed<T> {
  items: T[];
}
interface RunView {
  id: string;
  status: string;
  finishedAt: string | null;
}

/** A daily time about eleven hours away, so no scheduled run joins the test's. */
function farDailyTime(): string {
  return `${String((new Date().getUTCHours() + 11) % 24).padStart(2, '0')}:40`;
}

/** The administration group's people: few mailboxes and drives, so a backup stays small. */
export const backedUpGroup = 'Amministrazione';

export interface SelfServiceTenant {
  readonly admin: PersonApi;
  readonly jobId: string;
  readonly members: string[];
  /** Starts a run of the job and waits until it has finished. */
  backUp(): Promise<RunView>;
  /** Adds another job over the same group, for these services. */
  addJob(name: string, workloads: string[]): Promise<string>;
  /** Starts a run of a job and waits until it has finished. */
  runJob(jobId: string): Promise<RunView>;
  setSelfService(on: boolean, options?: { oneDriveApproval: boolean }): Promise<void>;
}

/**
 * The demo tenant with a backup job of the administration group's mail and OneDrive (the seeded nightly job moved
 * away from the test's hours), self-service turned on by the admin through the API, as a customer would do it.
 */
export async function selfServiceTenant(server: PortalServer, runTimeoutMs: number): Promise<SelfServiceTenant> {
  const sim: RunningSimulator = server.sim;
  const [first] = sim.control.listUsers();
  if (!first) throw new Error('the demo tenant has no users');
  const admin = await personApi(server, first.id);
  const terms = await ok(admin.call<{ version: string }>('/terms'));
  await ok(admin.call('/terms/acceptance', { method: 'POST', body: { version: terms.version } }));
  for (const job of (await ok(admin.call<Listed<{ id: string }>>('/jobs'))).items) {
    await ok(admin.call(`/jobs/${job.id}`, { method: 'PATCH', body: { dailyTime: farDailyTime() } }));
  }
  const group = await directoryGroup(sim, backedUpGroup);
  const addJob = async (name: string, workloads: string[]) => {
    const body = { name, scope: { type: 'groups', groupIds: [group.id] }, workloads, dailyTime: farDailyTime() };
    const added = await ok(
      admin.call<{ id: string }>('/jobs', {
        method: 'POST',
        body: { ...body, retentionYears: 1, profile: 'Gold', confirm: true },
      }),
    );
    return added.id;
  };
  const jobId = await addJob('Amministrazione: posta e OneDrive', ['exchange', 'onedrive']);
  const tenant: SelfServiceTenant = {
    admin,
    jobId,
    members: group.memberIds,
    addJob,
    backUp: () => tenant.runJob(jobId),
    async runJob(id) {
      const run = await ok(admin.call<RunView>(`/jobs/${id}/runs`, { method: 'POST' }));
      const deadline = Date.now() + runTimeoutMs;
      for (;;) {
        const current = await ok(admin.call<RunView>(`/runs/${run.id}`));
        if (current.finishedAt) return current;
        if (Date.now() > deadline) throw new Error(`run ${run.id} still ${current.status}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    async setSelfService(on, options = { oneDriveApproval: false }) {
      await ok(
        admin.call('/settings', {
          method: 'PATCH',
          body: { selfServiceRestore: on, oneDriveSelfServiceNeedsApproval: options.oneDriveApproval },
        }),
      );
    },
  };
  await tenant.setSelfService(true);
  return tenant;
}
