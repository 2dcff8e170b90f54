import type { Db } from 'mongodb';
import { defineCollection } from '../db/index.js';

/**
 * The provider's (the telco's) own staff. Not tenant data: they belong to the provider's
 * directory, and are added by the deployment, not through the customer API.
 */
export interface ProviderOperator {
  providerTenantId: string;
  email: string;
  name: string;
}

export const providerOperators = defineCollection<ProviderOperator>('provider_operators', [
  { key: { providerTenantId: 1, email: 1 }, unique: true, name: 'provider_email' },
]);

export async function addProviderOperator(db: Db, operator: ProviderOperator): Promise<void> {
  const email = operator.email.toLowerCase();
  await providerOperators
    .raw(db)
    .updateOne(
      { providerTenantId: operator.providerTenantId, email },
      { $set: { name: operator.name, providerTenantId: operator.providerTenantId, email } },
      { upsert: true },
    );
}

/**
 * Makes the provider's operators exactly these addresses (the deployment's list): adds the missing, removes whoever is
 * no longer listed. Answers how many were added and removed.
 */
export async function replaceProviderOperators(
  db: Db,
  providerTenantId: string,
  emails: readonly string[],
): Promise<{ added: number; removed: number }> {
  const listed = [...new Set(emails.map((email) => email.toLowerCase()))];
  const collection = providerOperators.raw(db);
  const removed = await collection.deleteMany({ providerTenantId, email: { $nin: listed } });
  let added = 0;
  for (const email of listed) {
    const result = await collection.updateOne(
      { providerTenantId, email },
      { $setOnInsert: { providerTenantId, email, name: email } },
      { upsert: true },
    );
    added += result.upsertedCount;
  }
  return { added, removed: removed.deletedCount };
}

export function isProviderOperator(db: Db, providerTenantId: string, email: string): Promise<boolean> {
  return providerOperators
    .raw(db)
    .countDocuments({ providerTenantId, email: email.toLowerCase() }, { limit: 1 })
    .then((count) => count > 0);
}
