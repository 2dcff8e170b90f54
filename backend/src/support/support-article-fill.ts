import type { ArticleFill } from '../knowledge/knowledge-base.js';
import type { ProviderProfile } from '../tenants/provider-profile.js';
import { describeHours } from './support-contact.js';

/** The provider's name and support contact, as the knowledge base's articles write them (`{{supportPhone}}`…). */
export function supportArticleFill(provider: ProviderProfile): ArticleFill {
  const hours = describeHours(provider.support.hours);
  const common = {
    provider: provider.name,
    supportEmail: provider.supportEmail,
    supportPhone: provider.support.phone,
    supportPin: provider.support.pin,
  };
  return { it: { ...common, supportHours: hours.it }, en: { ...common, supportHours: hours.en } };
}
