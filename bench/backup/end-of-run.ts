// Waits until the end-of-run pipeline has handled a run's end (the licence check and the day's usage point, which read
// the directory through Graph: backend/src/run-end/end-of-run.ts), so that its requests count in the phase whose run
// caused them rather than in the next phase's.
import type { Db } from 'mongodb';
import { eventsCollection, runEndTypes } from '../../backend/dist/events.js';
import { endOfRunConsumerName, eventClaims } from '../../backend/dist/run-end/index.js';

const pollMs = 100;

/** Resolves once the pipeline's claim on the run's end event is done; throws after `timeoutMs`. */
export async function endOfRunHandled(db: Db, tenantId: string, runId: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const event = await eventsCollection
      .scoped(db)
      .findOne(tenantId, { 'payload.runId': runId, type: { $in: [...runEndTypes] } }, { projection: { eventId: 1 } });
    const done =
      event &&
      (await eventClaims.raw(db).findOne({ _id: `${endOfRunConsumerName}|${event.eventId}`, doneAt: { $ne: null } }));
    if (done) return;
    if (Date.now() > deadline)
      throw new Error(`the end-of-run pipeline did not handle run ${runId} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
