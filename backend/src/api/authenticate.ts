import type { Request } from 'restify';
import { resolvePrincipal } from '../auth/principal-resolver.js';
import type { Principal } from '../access/principal.js';
import { TokenRejected } from '../auth/token-verifier.js';
import type { ApiServices } from './services.js';
import { ApiError } from '../http/api-error.js';

/** Who is calling: a verified bearer token mapped to a tenant and role, or a 401/403. */
export async function authenticate(request: Request, services: ApiServices): Promise<Principal> {
  const header = request.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new ApiError(401, 'unauthenticated');
  try {
    const identity = await services.tokens.verify(match[1]);
    return await resolvePrincipal(services.db, identity, services.provider.tenantId, services.clock());
  } catch (error) {
    if (error instanceof TokenRejected) {
      services.logger?.info({ reason: error.reason, detail: error.message }, 'access token refused');
      throw new ApiError(401, error.reason);
    }
    throw error;
  }
}
