import type { AnyBulkWriteOperation } from 'mongodb';
import { bulkWriteInBatches, defineUpgrade } from '../db/index.js';
import { dateBucketsCollection, itemVersionsCollection } from './collections.js';
import { bucketId, dateBucketFieldsOf, wholeTenant } from './date-buckets.js';
import type { CatalogDateBucket, ItemVersion } from './model.js';

/**
 * Versions recorded before search walked months get their month and day keys, and every month its count, so that search
 * still finds them. One resource at a time (memory holds the ids and dates of the largest resource). Counts are
 * raised to what the versions hold, never lowered, so a second run, or a worker counting new versions meanwhile,
 * loses nothing.
 */
defineUpgrade('catalog-date-buckets', async (db) => {
  const versions = itemVersionsCollection.raw(db);
  const buckets = dateBucketsCollection.raw(db);
  for (const tenantId of await versions.distinct('tenantId')) {
    const tenantMonths = new Map<string, number>();
    for (const resourceId of await versions.distinct('resourceId', { tenantId })) {
      const ofResource = await versions
        .find({ tenantId, resourceId }, { projection: { _id: 1, itemDate: 1, searchMonths: 1 } })
        .toArray();
      const months = new Map<string, number>();
      const missing: AnyBulkWriteOperation<ItemVersion>[] = [];
      for (const version of ofResource) {
        const fields = dateBucketFieldsOf(resourceId, version.itemDate);
        months.set(fields.itemMonth, (months.get(fields.itemMonth) ?? 0) + 1);
        tenantMonths.set(fields.itemMonth, (tenantMonths.get(fields.itemMonth) ?? 0) + 1);
        if (version.searchMonths === undefined) {
          missing.push({ updateOne: { filter: { _id: version._id }, update: { $set: fields } } });
        }
      }
      await bulkWriteInBatches(versions, missing);
      await raiseCounts(tenantId, resourceId, months);
    }
    await raiseCounts(tenantId, wholeTenant, tenantMonths);
  }

  async function raiseCounts(tenantId: string, scope: string, months: Map<string, number>): Promise<void> {
    const updates: AnyBulkWriteOperation<CatalogDateBucket>[] = [...months].map(([month, count]) => ({
      updateOne: {
        filter: { _id: bucketId(tenantId, scope, month) },
        update: { $max: { versions: count }, $setOnInsert: { tenantId, scope, month } },
        upsert: true,
      },
    }));
    await bulkWriteInBatches(buckets, updates);
  }
});
