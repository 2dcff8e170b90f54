import { ObjectId } from 'mongodb';
import type { Activity } from 'botbuilder';
import { activityEntries } from '../../backend/src/audit/activity-store.js';
import { resourcesCollection } from '../../backend/src/catalog/index.js';
import type { NewRestoreRequest } from '../../backend/src/restore/index.js';
import { cardOf, people, startBotHarness, type BotHarness } from './support/bot-harness.js';
import { checkCard } from './support/card-check.js';

let bot: BotHarness;
const strangerDrive = 'onedrive:stranger-drive';

beforeAll(async () => {
  bot = await startBotHarness();
  const { tenantId, database } = bot.backup;
  // The self-service requester's OneDrive, as a backup would have catalogued it.
  await resourcesCollection.scoped(database.db).insertOne(tenantId, {
    tenantId,
    resourceId: strangerDrive,
    kind: 'onedrive',
    graphId: 'stranger-drive',
    displayName: 'Sara Neri',
    ownerUserId: people.stranger.aadObjectId,
    ownerEmail: people.stranger.email,
    firstSeenAt: new Date(),
  });
  // Everyone has a personal chat with the bot; the restore operator writes in Italian.
  await bot.say('admin', 'help');
  await bot.say('restorer', 'aiuto', 'it-IT');
  await bot.say('viewer', 'help');
  await bot.say('stranger', 'help');
});
afterAll(() => bot?.stop());

function seen(card: object): string {
  const checked = checkCard(card);
  expect(checked.errors).toEqual([]);
  return checked.text;
}

function actionsOf(card: object): { title: string; verb: string; data: Record<string, string> }[] {
  return (card as { actions?: [] }).actions ?? [];
}

interface PostedCard {
  chat: string;
  id: string;
  card: object;
}

/** The cards posted since `before`, as last updated. */
function cardsSince(before: ReadonlySet<string>): PostedCard[] {
  return [...bot.adapter.shown]
    .filter(([id, activity]) => !before.has(id) && activity.attachments !== undefined)
    .map(([id, activity]) => ({ chat: activity.conversation!.id, id, card: cardOf(activity) }));
}

/** The one approval card posted to each approver's chat since `before`. */
function approvalCardsSince(before: ReadonlySet<string>): Map<string, PostedCard> {
  const posted = cardsSince(before).filter((card) => seen(card.card).match(/Restore (awaiting|da approvare)/));
  const byChat = new Map(posted.map((card) => [card.chat, card]));
  expect(byChat.size).toBe(posted.length);
  return byChat;
}

/** What the requester was told since `before` about a decision (other cards, like a finished restore, aside). */
function toldRequester(before: ReadonlySet<string>): string[] {
  return cardsSince(before)
    .filter((card) => card.chat === 'personal-stranger')
    .map((card) => seen(card.card))
    .filter((text) => /Your restore was (approved|rejected)/.test(text));
}

function shownNow(activityId: string): string {
  return seen(cardOf(bot.adapter.shown.get(activityId) as Partial<Activity>));
}

async function selfServiceRestore(selection: NewRestoreRequest['selection']) {
  return bot.restores.request(
    bot.backup.tenantId,
    `self-service:${people.stranger.aadObjectId}`,
    { selection, target: { type: 'newFolder' }, conflictPolicy: 'keepBoth', language: 'en' },
    { awaitApproval: 'oneDriveSelfService' },
  );
}

function decisionsLogged(restoreId: string) {
  return activityEntries.scoped(bot.backup.database.db).find(bot.backup.tenantId, { 'target.id': restoreId }).toArray();
}

test('a waiting restore reaches approvers once; a viewer cannot decide; an admin approves for everyone', async () => {
  const { tenantId } = bot.backup;
  const before = new Set(bot.adapter.shown.keys());
  const request = await selfServiceRestore({ type: 'resource', resourceId: strangerDrive });
  await bot.feed.poll();
  await bot.feed.poll();

  const delivered = approvalCardsSince(before);
  expect([...delivered.keys()].sort()).toEqual(['personal-admin', 'personal-restorer']);
  const adminCard = delivered.get('personal-admin')!;
  const text = seen(adminCard.card);
  expect(text).toContain('Restore awaiting approval');
  expect(text).toContain('Sara Neri (someone@officinetest.it)');
  expect(text).toContain('OneDrive: Sara Neri');
  expect(text).toContain(`in the folder "${request.restoreFolderName}"`);
  expect(text).toContain('Note to the requester (optional)');
  expect(actionsOf(adminCard.card).map((action) => action.title)).toEqual(['Approve', 'Reject']);
  const italian = delivered.get('personal-restorer')!;
  expect(seen(italian.card)).toContain('Restore da approvare');
  expect(actionsOf(italian.card).map((action) => action.title)).toEqual(['Approva', 'Rifiuta']);

  const approve = actionsOf(adminCard.card)[0]!;
  const refused = await bot.press('viewer', approve);
  expect(seen(refused)).toContain('(viewer) does not allow approving or rejecting restores');
  expect(actionsOf(refused)).toEqual([]);
  expect((await bot.restores.get(tenantId, request.restoreId))?.status).toBe('awaitingApproval');
  expect(await decisionsLogged(request.restoreId)).toEqual([]);

  const approved = await bot.press('admin', approve, adminCard.id);
  expect(seen(approved)).toContain('Approved by admin (admin@officinetest.it)');
  expect(actionsOf(approved)).toEqual([]);
  const decided = await bot.restores.get(tenantId, request.restoreId);
  expect(decided?.status).not.toBe('awaitingApproval');
  expect(decided?.status).not.toBe('rejected');
  expect(decided?.approval).toMatchObject({ decision: 'approved', decidedBy: people.admin.email, note: null });
  const logged = await decisionsLogged(request.restoreId);
  expect(logged.map((entry) => [entry.action, entry.actor.email])).toEqual([['restore.approved', people.admin.email]]);

  // Every approver's card now tells the decision, and the requester is told in their own chat.
  expect(shownNow(italian.id)).toContain('Approvato da admin (admin@officinetest.it)');
  const told = toldRequester(before);
  expect(told).toHaveLength(1);
  expect(told[0]).toMatch(/Your restore was approved.*It starts now/s);

  const second = await bot.press('restorer', actionsOf(italian.card)[1]!, italian.id);
  expect(seen(second)).toContain('This restore was already decided.');
  expect((await bot.restores.get(tenantId, request.restoreId))?.approval?.decision).toBe('approved');
  expect(await decisionsLogged(request.restoreId)).toHaveLength(1);

  const beforeRepeat = new Set(bot.adapter.shown.keys());
  await bot.feed.poll();
  expect(approvalCardsSince(beforeRepeat).size).toBe(0);
  expect(toldRequester(before)).toHaveLength(1);
});

test('a restore operator rejects with a note: the restore ends rejected, the requester reads the note, the log names the operator', async () => {
  const { tenantId } = bot.backup;
  const before = new Set(bot.adapter.shown.keys());
  const versionIds = [new ObjectId().toHexString(), new ObjectId().toHexString()];
  const request = await selfServiceRestore({ type: 'versions', versionIds });
  await bot.feed.poll();
  const delivered = approvalCardsSince(before);
  const adminCard = delivered.get('personal-admin')!;
  expect(seen(adminCard.card)).toMatch(/Items2/);

  const reject = actionsOf(delivered.get('personal-restorer')!.card)[1]!;
  const note = 'Questi file sono nel drive del team: chiedi a Marco.';
  // The activity claims another name: the log records the operator as the portal knows them, by object id.
  const rejected = await bot.press(
    'restorer',
    { verb: reject.verb, data: { ...reject.data, note } },
    delivered.get('personal-restorer')!.id,
    { name: 'Tenant Admin' },
  );
  expect(seen(rejected)).toMatch(/Rejected by restorer \(restorer@officinetest.it\).*Note: Questi file/s);
  const decided = await bot.restores.get(tenantId, request.restoreId);
  expect(decided).toMatchObject({ status: 'rejected', approval: { decision: 'rejected', note } });
  expect(decided?.finishedAt).toBeInstanceOf(Date);
  const logged = await decisionsLogged(request.restoreId);
  expect(logged.map((entry) => [entry.action, entry.details?.note])).toEqual([['restore.rejected', note]]);
  expect(logged[0]?.actor).toEqual({
    kind: 'person',
    id: people.restorer.aadObjectId,
    name: 'restorer',
    email: people.restorer.email,
    role: 'restore_operator',
  });

  expect(shownNow(adminCard.id)).toContain('Rejected by restorer (restorer@officinetest.it)');
  const told = toldRequester(before);
  expect(told).toHaveLength(1);
  expect(told[0]).toMatch(/Your restore was rejected.*Note: Questi file sono nel drive del team/s);
});

test('a decision taken in the portal replaces the cards at the next poll and tells the requester', async () => {
  const before = new Set(bot.adapter.shown.keys());
  const request = await selfServiceRestore({ type: 'resource', resourceId: strangerDrive });
  await bot.feed.poll();
  const adminCard = approvalCardsSince(before).get('personal-admin')!;
  await bot.restores.decide(bot.backup.tenantId, request.restoreId, {
    approve: false,
    decidedBy: people.admin.email,
    note: 'Use the shared folder.',
  });
  await bot.feed.poll();
  expect(shownNow(adminCard.id)).toMatch(/Rejected by admin.*Note: Use the shared folder\./s);
  expect(toldRequester(before)).toEqual([expect.stringContaining('Your restore was rejected')]);
  await bot.feed.poll();
  expect(toldRequester(before)).toHaveLength(1);
});

test('a restore decided in the portal before any poll saw it waiting still reaches its requester, once', async () => {
  const before = new Set(bot.adapter.shown.keys());
  const request = await selfServiceRestore({ type: 'resource', resourceId: strangerDrive });
  await bot.restores.decide(bot.backup.tenantId, request.restoreId, { approve: true, decidedBy: people.admin.email });
  await bot.feed.poll();
  await bot.feed.poll();
  expect(approvalCardsSince(before).size).toBe(0);
  expect(toldRequester(before)).toEqual([expect.stringContaining('Your restore was approved')]);
});

test('two approvers pressing at once: one decision, one log entry, the other is told it was already decided', async () => {
  const { tenantId } = bot.backup;
  const request = await selfServiceRestore({ type: 'resource', resourceId: strangerDrive });
  await bot.feed.poll();
  const pressAs = (who: 'admin' | 'restorer', verb: string) =>
    bot.core.cardAction(
      {
        tenantId,
        conversationId: `personal-${who}`,
        scope: 'personal',
        reference: {},
        user: { id: `29:${who}`, name: who, aadObjectId: people[who].aadObjectId, email: undefined },
        locale: 'en-US',
      },
      { verb, data: { restoreId: request.restoreId }, cardActivityId: undefined },
    );
  const answers = await Promise.all([pressAs('admin', 'restore.approve'), pressAs('restorer', 'restore.reject')]);
  const texts = answers.map((card) => seen(card));
  const decided = await bot.restores.get(tenantId, request.restoreId);
  const winner = decided?.approval?.decision === 'approved' ? 'Approved by admin' : 'Rejected by restorer';
  // The other press lost and is told so, whether the winner had finished deciding or not.
  const lost = /already decided|Another approver is deciding right now/;
  expect(texts.filter((text) => lost.test(text))).toHaveLength(1);
  expect(texts.find((text) => !lost.test(text))).toMatch(new RegExp(`^${winner}`));
  expect(await decisionsLogged(request.restoreId)).toHaveLength(1);
});
