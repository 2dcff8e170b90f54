import type { Caller, RouteMeta } from '../http/types.js';
import { GraphError } from '../http/errors.js';
import { FixedWindow } from './window.js';

export interface LimitOptions {
  enforce: boolean;
  /** 60 makes a 10-minute window last 10 seconds. */
  timeScale: number;
  licences: number;
}

/** Outlook, per app and mailbox (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits). */
export const MAILBOX_CONCURRENCY = 4;
export const MAILBOX_REQUESTS_PER_WINDOW = 10_000;
const MAILBOX_WINDOW_MS = 10 * 60 * 1000;
/** Uploads (POST, PATCH, PUT) to one mailbox: 150 MB per 5 minutes, same page. */
export const MAILBOX_UPLOAD_BYTES_PER_WINDOW = 150 * 1024 * 1024;
const MAILBOX_UPLOAD_WINDOW_MS = 5 * 60 * 1000;

/** SharePoint/OneDrive, per app per tenant (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online#application-throttling). */
const SHAREPOINT_WINDOW_MS = 60 * 1000;

export function sharePointResourceUnitsPerMinute(licences: number): number {
  if (licences <= 1_000) return 1_250;
  if (licences <= 5_000) return 2_500;
  if (licences <= 15_000) return 3_750;
  if (licences <= 50_000) return 5_000;
  return 6_250;
}

/** Teams: at most 4 requests per second per app on one team or channel (https://learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits). */
const TEAMS_REQUESTS_PER_SECOND = 4;

export interface Admission {
  release(): void;
  headers: Record<string, string>;
}

/**
 * Documented Graph limits on the simulator's time scale. Rejections are GraphErrors with status 429 and a
 * `Retry-After` in seconds, the signal the throttling guidance tells clients to honour
 * (https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling).
 */
export class Limits {
  private readonly concurrent = new Map<string, number>();
  private readonly windows = new Map<string, FixedWindow>();

  constructor(private readonly options: LimitOptions) {}

  /** `uploadBytes`: the body of a POST, PATCH or PUT, which spends the mailbox's upload budget. */
  admit(caller: Caller, meta: RouteMeta, resourceKey: string | undefined, uploadBytes = 0): Admission {
    const none: Admission = { release: () => undefined, headers: {} };
    if (!this.options.enforce || !resourceKey) return none;
    if (meta.resource === 'mailbox') return this.admitMailbox(`${caller.appId}|${resourceKey}`, uploadBytes);
    if (meta.resource === 'sharepoint')
      return this.admitSharePoint(caller.appId, typeof meta.resourceUnits === 'number' ? meta.resourceUnits : 1);
    if (meta.resource === 'teams')
      this.spendOrThrow(
        `teams|${caller.appId}|${resourceKey}`,
        1000,
        1,
        TEAMS_REQUESTS_PER_SECOND,
        'Application is over its Teams per-channel request limit.',
      );
    return none;
  }

  private window(key: string, realMs: number): FixedWindow {
    let window = this.windows.get(key);
    if (!window) {
      window = new FixedWindow(realMs / this.options.timeScale);
      this.windows.set(key, window);
    }
    return window;
  }

  private spendOrThrow(key: string, realMs: number, cost: number, budget: number, message: string) {
    const result = this.window(key, realMs).spend(performance.now(), cost, budget);
    if (!result.allowed) throw throttled(message, result.resetMs, 'ApplicationThrottled');
    return result;
  }

  private admitMailbox(key: string, uploadBytes: number): Admission {
    this.spendOrThrow(
      `mailbox|${key}`,
      MAILBOX_WINDOW_MS,
      1,
      MAILBOX_REQUESTS_PER_WINDOW,
      'Application is over its MailboxRequestRate limit.',
    );
    if (uploadBytes > 0) {
      this.spendOrThrow(
        `upload|${key}`,
        MAILBOX_UPLOAD_WINDOW_MS,
        uploadBytes,
        MAILBOX_UPLOAD_BYTES_PER_WINDOW,
        'Application is over its MailboxUploadSize limit.',
      );
    }
    const running = this.concurrent.get(key) ?? 0;
    if (running >= MAILBOX_CONCURRENCY)
      throw throttled('Application is over its MailboxConcurrency limit.', 1000, 'ApplicationThrottled');
    this.concurrent.set(key, running + 1);
    let released = false;
    return {
      headers: {},
      release: () => {
        if (released) return;
        released = true;
        this.concurrent.set(key, (this.concurrent.get(key) ?? 1) - 1);
      },
    };
  }

  private admitSharePoint(appId: string, cost: number): Admission {
    const budget = sharePointResourceUnitsPerMinute(this.options.licences);
    const result = this.window(`sharepoint|${appId}`, SHAREPOINT_WINDOW_MS).spend(performance.now(), cost, budget);
    if (!result.allowed) throw throttled('The request has been throttled.', result.resetMs, 'activityLimitReached');
    // Past 80% of the budget SharePoint adds RateLimit headers (same page, "RateLimit headers").
    const headers: Record<string, string> =
      result.used >= budget * 0.8
        ? {
            'ratelimit-limit': String(budget),
            'ratelimit-remaining': String(Math.max(0, budget - result.used)),
            'ratelimit-reset': String(Math.ceil(result.resetMs / 1000)),
          }
        : {};
    return { release: () => undefined, headers };
  }
}

function throttled(message: string, resetMs: number, code: string): GraphError {
  const seconds = Math.max(1, Math.ceil(resetMs / 1000));
  return new GraphError(429, code, message, { 'retry-after': String(seconds) });
}
