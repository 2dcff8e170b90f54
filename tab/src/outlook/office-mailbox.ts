/** The few parts of Office.js the pane reads: the host, its language, and the message open in the reading pane. */
export interface OfficeMessage {
  readonly subject?: string;
  readonly conversationId?: string;
  readonly internetMessageId?: string;
}

interface OfficeGlobal {
  onReady(): Promise<{ host: string | null }>;
  context: { displayLanguage?: string; mailbox?: { item?: OfficeMessage | null } };
}

declare global {
  interface Window {
    Office?: OfficeGlobal;
  }
}

const officeJsUrl = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** A browser outside Office may never reach the script: give up and offer the development sign-in. */
const officeLoadTimeoutMs = 4000;

function loadOfficeJs(): Promise<void> {
  if (window.Office) return Promise.resolve();
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = officeJsUrl;
    script.onload = () => resolve();
    script.onerror = () => resolve();
    setTimeout(resolve, officeLoadTimeoutMs);
    document.head.append(script);
  });
}

export interface OutlookContext {
  readonly locale: string | undefined;
  readonly message: OfficeMessage | undefined;
}

/** Loads Office.js (this view only) and waits for Outlook; undefined in a plain browser or another Office host. */
export async function connectToOutlookHost(): Promise<OutlookContext | undefined> {
  await loadOfficeJs();
  const office = window.Office;
  if (!office) return undefined;
  const info = await Promise.race([
    office.onReady(),
    new Promise<{ host: null }>((resolve) => setTimeout(() => resolve({ host: null }), officeLoadTimeoutMs)),
  ]);
  if (info.host !== 'Outlook') return undefined;
  return { locale: office.context.displayLanguage, message: office.context.mailbox?.item ?? undefined };
}

/** The message open when the pane was opened (re-read: Outlook swaps the item when the pane is pinned). */
export function openMessage(): OfficeMessage | undefined {
  return window.Office?.context.mailbox?.item ?? undefined;
}
