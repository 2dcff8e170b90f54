import type { SimulatorContext } from '../context.js';

/**
 * Who an authority segment names: the tenant (its id or a domain), or a multi-tenant authority a multi-tenant app
 * signs people in through, `common` or `organizations`
 * (https://learn.microsoft.com/entra/identity-platform/v2-protocols#endpoints).
 */
export type Authority =
  { kind: 'tenant'; segment: string } | { kind: 'multi-tenant'; segment: 'common' | 'organizations' };

export function authorityOf(context: SimulatorContext, segment: string): Authority | undefined {
  const lower = segment.toLowerCase();
  if (lower === 'common' || lower === 'organizations') return { kind: 'multi-tenant', segment: lower };
  if (lower === context.tenant.id || lower === context.tenant.domain.toLowerCase()) return { kind: 'tenant', segment };
  return undefined;
}
