import type { DriveSummary, FileContent, FolderSummary, UserSummary } from './control.js';
import type { CountersSnapshot } from './limits/counters.js';

/** A message as the control surface lists it. */
export interface MessageSummary {
  id: string;
  subject: string;
  isRead: boolean;
  isDraft: boolean;
}

/**
 * The control surface of a simulator running in another process, over its `/_sim` HTTP API (control-http.ts): the
 * same operations and answers as SimulatorControl, each a promise. The benchmark runs the simulator in its own
 * process so that the simulator's work and memory are not measured as the backup engine's.
 */
export class RemoteSimulatorControl {
  constructor(private readonly url: string) {}

  listUsers(): Promise<UserSummary[]> {
    return this.call('GET', '/users');
  }

  listMailFolders(user: string): Promise<FolderSummary[]> {
    return this.call('GET', `/users/${segment(user)}/mailFolders`);
  }

  listMessages(user: string, folder: string): Promise<MessageSummary[]> {
    return this.call('GET', `/users/${segment(user)}/mailFolders/${segment(folder)}/messages`);
  }

  async addMessage(
    user: string,
    folder: string,
    mime: Buffer | string,
    options: { isRead?: boolean } = {},
  ): Promise<string> {
    const body = {
      mimeBase64: (Buffer.isBuffer(mime) ? mime : Buffer.from(mime, 'utf8')).toString('base64'),
      isRead: options.isRead === true,
    };
    const added = await this.call<{ id: string }>(
      'POST',
      `/users/${segment(user)}/mailFolders/${segment(folder)}/messages`,
      body,
    );
    return added.id;
  }

  async updateMessage(
    user: string,
    messageId: string,
    change: { isRead?: boolean; flagged?: boolean; categories?: string[] },
  ): Promise<void> {
    await this.call('PATCH', `/users/${segment(user)}/messages/${segment(messageId)}`, change);
  }

  /** Moves a message; like Exchange, the moved message gets a new id, which is returned. */
  async moveMessage(user: string, messageId: string, destinationFolder: string): Promise<string> {
    const moved = await this.call<{ id: string }>(
      'POST',
      `/users/${segment(user)}/messages/${segment(messageId)}/move`,
      { destinationFolder },
    );
    return moved.id;
  }

  async deleteMessage(user: string, messageId: string): Promise<void> {
    await this.call('DELETE', `/users/${segment(user)}/messages/${segment(messageId)}`);
  }

  listDrives(): Promise<DriveSummary[]> {
    return this.call('GET', '/drives');
  }

  async findDriveItem(driveId: string, path: string): Promise<string | undefined> {
    const found = await this.call<{ id: string | null }>(
      'GET',
      `/drives/${segment(driveId)}/item-id?path=${encodeURIComponent(path)}`,
    );
    return found.id ?? undefined;
  }

  async addFile(driveId: string, folderPath: string, name: string, content: FileContent): Promise<string> {
    const added = await this.call<{ id: string }>('POST', `/drives/${segment(driveId)}/files`, {
      folderPath,
      name,
      ...fileBody(content),
    });
    return added.id;
  }

  /** A new version of a file. */
  async updateFile(driveId: string, itemId: string, content: FileContent): Promise<void> {
    await this.call('PUT', `/drives/${segment(driveId)}/items/${segment(itemId)}/content`, fileBody(content));
  }

  async deleteDriveItem(driveId: string, itemId: string): Promise<void> {
    await this.call('DELETE', `/drives/${segment(driveId)}/items/${segment(itemId)}`);
  }

  counters(): Promise<CountersSnapshot> {
    return this.call('GET', '/counters');
  }

  async resetCounters(): Promise<void> {
    await this.call('DELETE', '/counters');
  }

  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(`${this.url}/_sim${path}`, {
      method,
      ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /_sim${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

function fileBody(content: FileContent): Record<string, unknown> {
  return Buffer.isBuffer(content) ? { contentBase64: content.toString('base64') } : content;
}
