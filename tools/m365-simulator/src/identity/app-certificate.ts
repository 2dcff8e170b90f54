import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * The certificate credential registered on the simulated app registration: a key pair whose private key the client
 * signs its `client_assertion` with (https://learn.microsoft.com/entra/identity-platform/certificate-credentials).
 * The simulator issues no X.509 certificate: its "thumbprints" are the SHA-1 and SHA-256 of the public key's DER,
 * which a client sends in the assertion's `x5t` / `x5t#S256` header exactly as it would a certificate's.
 */
export interface AppCertificate {
  /** SHA-1, hex: what `x5t` names (base64url of these bytes). */
  thumbprint: string;
  /** SHA-256, hex: what `x5t#S256` names. */
  thumbprintSha256: string;
  privateKeyPem: string;
  publicKey: KeyObject;
}

export function createAppCertificate(): AppCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey,
  };
}
