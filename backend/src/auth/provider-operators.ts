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

export function isProviderOperator(db: Db, providerTenantId: string, email: string): Promise<boolean> {
  return providerOperators
    .raw(db)
    .countDocuments({ providerTenantId, email: email.toLowerCase() }, { limit: 1 })
    .then((count) => count > 0);
}
