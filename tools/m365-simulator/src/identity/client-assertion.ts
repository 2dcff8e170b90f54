import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { GraphResponse } from '../http/types.js';
import type { AppCertificate } from './app-certificate.js';
import { oauthError } from './oauth-error.js';

/** "client_assertion_type: The value must be set to urn:ietf:params:oauth:client-assertion-type:jwt-bearer." */
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const refuse = (code: number, message: string): GraphResponse => oauthError(401, 'invalid_client', code, message);

/**
 * Verifies a `client_assertion` as the certificate credentials page describes it: type `jwt-bearer`; header `alg`
 * RS256 or PS256 and `x5t` (or `x5t#S256`) naming a certificate registered on the app; `aud` the token endpoint;
 * `iss` and `sub` the client id; `exp` and `nbf` around now; a `jti`; signed by that certificate's key. Undefined
 * when it verifies, else the refusal (https://learn.microsoft.com/entra/identity-platform/certificate-credentials).
 */
export async function refuseClientAssertion(
  form: URLSearchParams,
  clientId: string,
  certificate: AppCertificate,
  tokenEndpoints: readonly string[],
): Promise<GraphResponse | undefined> {
  const assertion = form.get('client_assertion') ?? '';
  if (form.get('client_assertion_type') !== ASSERTION_TYPE)
    return oauthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_assertion_type'.",
    );
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    return refuse(700027, 'Client assertion contains an invalid signature. The assertion is not a signed JWT.');
  }
  const named = [
    header.x5t === Buffer.from(certificate.thumbprint, 'hex').toString('base64url'),
    header['x5t#S256'] === Buffer.from(certificate.thumbprintSha256, 'hex').toString('base64url'),
  ];
  if (!named.some(Boolean))
    return refuse(
      700027,
      `Client assertion failed signature validation. The key was not found among the certificates of app '${clientId}'.`,
    );
  try {
    const { payload } = await jwtVerify(assertion, certificate.publicKey, {
      algorithms: ['RS256', 'PS256'],
      audience: [...tokenEndpoints],
      issuer: clientId,
      subject: clientId,
      requiredClaims: ['exp', 'jti'],
      // The client's clock and Entra's may differ: five minutes of skew are allowed, as for the tokens Entra issues
      // (msal-node writes nbf and iat as the second it signs, which can be ahead of the verifier's second).
      clockTolerance: 300,
    });
    if (payload.jti === undefined) return refuse(700027, 'Client assertion is missing its jti claim.');
    return undefined;
  } catch (error) {
    if (
      error instanceof errors.JWTExpired ||
      (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
    )
      return refuse(700024, 'Client assertion is not within its valid time range.');
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud')
      return refuse(
        700027,
        `Client assertion audience claim does not match the token endpoint: ${tokenEndpoints[0] ?? ''}.`,
      );
    if (error instanceof errors.JWTClaimValidationFailed)
      return refuse(700021, `Client assertion ${error.claim} claim does not match the client id '${clientId}'.`);
    return refuse(700027, 'Client assertion failed signature validation.');
  }
}
