import type { SimulatorContext } from '../context.js';
import { GraphError } from '../http/errors.js';
import type { Caller } from '../http/types.js';
import { GRAPH_AUDIENCE, v1Issuer, verifyToken } from './tokens.js';

function unauthorized(message: string): GraphError {
  // Graph answers 401 InvalidAuthenticationToken with a WWW-Authenticate challenge (https://learn.microsoft.com/graph/errors).
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    'www-authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

/** Every Graph call needs a bearer token this tenant's authority signed for Graph. */
export async function authenticate(context: SimulatorContext, authorization: string | undefined): Promise<Caller> {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthorized('Access token is empty.');
  const verified = await verifyToken(context.keys, match[1], {
    audience: [GRAPH_AUDIENCE, '00000003-0000-0000-c000-000000000000'],
    issuer: v1Issuer(context.tenant.id),
  });
  if (!verified.ok) {
    throw unauthorized(
      verified.reason === 'expired'
        ? 'Lifetime validation failed, the token is expired.'
        : 'Access token validation failure. Invalid audience.',
    );
  }
  const { claims } = verified;
  const tokenId = String(claims['uti'] ?? '');
  if (context.revokedTokenIds.has(tokenId)) {
    throw unauthorized('Access token has expired or is not yet valid.');
  }
  // Strict mode: a token may stop being honoured before its exp, as one revoked by continuous access evaluation.
  const age = Date.now() / 1000 - Number(claims['iat'] ?? 0);
  if (age > context.strict.honouredSeconds(tokenId)) {
    throw unauthorized('Lifetime validation failed, the token is expired.');
  }
  const kind = claims['idtyp'] === 'app' ? 'app' : 'delegated';
  const roles = Array.isArray(claims['roles']) ? claims['roles'].map(String) : [];
  const scopes = typeof claims['scp'] === 'string' ? claims['scp'].split(' ').filter(Boolean) : [];
  return {
    appId: String(claims['appid'] ?? ''),
    tenantId: String(claims['tid'] ?? ''),
    kind,
    permissions: kind === 'app' ? roles : scopes,
    ...(kind === 'delegated' ? { userId: String(claims['oid'] ?? '') } : {}),
  };
}
