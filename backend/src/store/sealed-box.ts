import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** A sealed box is this many bytes longer than its plaintext (FORMAT.md, "Conventions"). */
export const SEALED_BOX_OVERHEAD = NONCE_BYTES + TAG_BYTES;

/** AES-256-GCM: nonce || ciphertext || tag. */
export function seal(key: Buffer, aad: Uint8Array, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const last = cipher.final();
  return Buffer.concat([nonce, body, last, cipher.getAuthTag()]);
}

/** Opens a sealed box; returns undefined when the key, the AAD or any byte of the box is wrong. */
export function open(key: Buffer, aad: Uint8Array, box: Uint8Array): Buffer | undefined {
  if (box.length < SEALED_BOX_OVERHEAD) return undefined;
  const nonce = box.subarray(0, NONCE_BYTES);
  const tag = box.subarray(box.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    const body = decipher.update(box.subarray(NONCE_BYTES, box.length - TAG_BYTES));
    return Buffer.concat([body, decipher.final()]);
  } catch {
    return undefined;
  }
}

/** Names a master key without revealing it, so a store can refuse a process configured with another key. */
export function masterKeyId(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('custodia-master-key-id-v1').digest('hex').slice(0, 16);
}
