import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, type CryptoKey } from 'jose';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  kid: string;
  jwks: { keys: JWK[] };
}

/** A fresh RSA key per simulator start: tokens from another run fail signature checks, as with a rotated Entra key. */
export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  // JWKS entries carry kty, use, kid and n/e as Entra's keys endpoint does (https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens).
  return { privateKey, publicKey, kid, jwks: { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] } };
}
