import type { AnyBulkWriteOperation } from 'mongodb';
import { bulkWriteInBatches, defineUpgrade } from '../db/index.js';
import { itemVersionsCollection } from './collections.js';
import type { ItemVersion } from './model.js';
import { searchBucketFields, searchBucketsOf } from './search-buckets.js';

/**
 * Versions recorded before search used buckets get theirs, so that search still finds them. One resource at a time,
 * so memory holds at most the ids and terms of the largest resource.
 */
defineUpgrade('catalog-search-buckets', async (db) => {
  const versions = itemVersionsCollection.raw(db);
  for (const resourceId of await versions.distinct('resourceId')) {
    const projection = Object.fromEntries(['_id', 'searchTerms', ...searchBucketFields].map((field) => [field, 1]));
    // A version that has any bucket was recorded (or upgraded) with them all; a second run rewrites nothing.
    const ofResource = (await versions.find({ resourceId }, { projection }).toArray()).filter((version) =>
      searchBucketFields.every((field) => version[field] === undefined),
    );
    const updates: AnyBulkWriteOperation<ItemVersion>[] = ofResource
      .map((version) => ({ version, buckets: searchBucketsOf(version.searchTerms ?? []) }))
      .filter(({ buckets }) => Object.keys(buckets).length > 0)
      .map(({ version, buckets }) => ({ updateOne: { filter: { _id: version._id }, update: { $set: buckets } } }));
    await bulkWriteInBatches(versions, updates);
  }
  // The single index on `searchTerms` served the search before buckets; nothing queries it any more.
  if ((await versions.indexes()).some((index) => index.name === 'search_terms'))
    await versions.dropIndex('search_terms');
});
