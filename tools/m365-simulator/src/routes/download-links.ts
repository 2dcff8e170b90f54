import { randomBytes } from 'node:crypto';
import type { ContentSource } from '../model/content.js';

/** Pre-authenticated download URLs last a few minutes (https://learn.microsoft.com/graph/api/driveitem-get-content). */
const LINK_LIFETIME_MS = 10 * 60 * 1000;

interface Link {
  content: ContentSource;
  expiresAt: number;
  resource: string;
  /** The app the link was issued to: downloads spend its SharePoint resource units. */
  appId: string;
}

/** Short-lived capability URLs for file bytes: whoever holds the URL may read, no Authorization header. */
export class DownloadLinks {
  private readonly links = new Map<string, Link>();

  constructor(private readonly baseUrl: () => string) {}

  create(content: ContentSource, resource: string, appId: string): string {
    const token = randomBytes(24).toString('base64url');
    this.links.set(token, { content, expiresAt: Date.now() + LINK_LIFETIME_MS, resource, appId });
    return `${this.baseUrl()}/_download/${token}`;
  }

  resolve(token: string): Link | undefined {
    const link = this.links.get(token);
    if (!link) return undefined;
    if (link.expiresAt < Date.now()) {
      this.links.delete(token);
      return undefined;
    }
    return link;
  }

  expireAll(): void {
    this.links.clear();
  }
}
