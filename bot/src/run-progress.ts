import type { RunView } from '@custodia/backend/backup/index';
import { runCard } from './cards/run-card.js';
import type { Language } from './language.js';
import type { ProactiveChannel } from './proactive.js';
import { runCardData } from './run-card-data.js';
import type { BotServices } from './services.js';

export interface WatchedRun {
  tenantId: string;
  runId: string;
  conversationId: string;
  activityId: string;
  language: Language;
  canManage: boolean;
}

/**
 * Keeps the card of a run started from chat current: it is updated in place whenever the run's
 * progress changes, until the run ends.
 */
export class RunProgressUpdates {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly services: BotServices,
    private readonly channel: ProactiveChannel,
    private readonly intervalMs: number,
  ) {}

  watch(watched: WatchedRun): void {
    let lastShown = '';
    const tick = async (): Promise<void> => {
      const run = await this.services.engine.run(watched.tenantId, watched.runId);
      const conversation = await this.services.stores.conversations.find(watched.tenantId, watched.conversationId);
      if (!run || !conversation || this.stopped) return;
      const shown = fingerprint(run);
      if (shown !== lastShown) {
        const data = await runCardData(this.services, run, watched.conversationId, watched.canManage);
        await this.channel.update(conversation.reference, watched.activityId, runCard(data, watched.language));
        lastShown = shown;
      }
      if (run.status === 'queued' || run.status === 'running') this.schedule(tick);
    };
    this.schedule(tick);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(tick: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // A failed update (the connector unreachable for a moment) must not stop the watch.
      tick().catch(() => this.schedule(tick));
    }, this.intervalMs);
    this.timers.add(timer);
  }
}

function fingerprint(run: RunView): string {
  const { status, progress } = run;
  return `${status}/${progress.resourcesDone}/${progress.resourcesFailed}/${progress.items}/${progress.warnings}`;
}
