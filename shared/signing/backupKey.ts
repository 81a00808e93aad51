import { z } from 'zod';
import { fromBase64, toBase64 } from './bytes';
import { defaultSubtle, type Subtle, type WebCryptoKey } from './webcrypto';

/**
 * A copy of a private signing key for backups: its PKCS#8 bytes encrypted with AES-GCM under a
 * key derived by PBKDF2-SHA-256 from a passphrase the user chooses in 设置. The key id is bound
 * in as additional data, so a copy cannot be passed off as another key's. Without the passphrase
 * the copy is useless; with it, a restore on another computer can keep signing with the same key.
 */
export const PBKDF2_ITERATIONS = 310_000;
export const MIN_PBKDF2_ITERATIONS = 200_000;
export const MIN_PASSPHRASE_CHARS = 8;

export const wrappedKeySchema = z.object({
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(10_000_000),
  salt: z.string().min(1).max(64),
  iv: z.string().min(1).max(64),
  data: z.string().min(1).max(1000),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

/** The derived key and how it was derived: kept on this machine only, to wrap keys made later. */
export interface WrappingKey {
  key: WebCryptoKey;
  salt: string;
  iterations: number;
}

export async function deriveWrappingKey(
  passphrase: string,
  salt: string,
  iterations = PBKDF2_ITERATIONS,
  subtle: Subtle = defaultSubtle(),
): Promise<WrappingKey> {
  const saltBytes = fromBase64(salt);
  if (!saltBytes) throw new Error('deriveWrappingKey: salt is not base64');
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { key, salt, iterations };
}

export function newSalt(): string {
  return toBase64(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

export async function wrapPrivateKey(
  pkcs8: ArrayBuffer,
  keyId: string,
  wrapping: WrappingKey,
  subtle: Subtle = defaultSubtle(),
): Promise<WrappedKey> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const additionalData = new TextEncoder().encode(keyId);
  const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, wrapping.key, pkcs8);
  return {
    kdf: 'PBKDF2-SHA-256',
    iterations: wrapping.iterations,
    salt: wrapping.salt,
    iv: toBase64(iv),
    data: toBase64(data),
  };
}

/**
 * The PKCS#8 of a backup copy, checked to be an Ed25519 private key; null when the passphrase is
 * wrong or the copy was altered (AES-GCM's tag fails) or is not this key's.
 */
export async function unwrapPkcs8(
  wrapped: WrappedKey,
  keyId: string,
  wrapping: WrappingKey,
  subtle: Subtle = defaultSubtle(),
): Promise<{ pkcs8: Uint8Array; key: WebCryptoKey } | null> {
  const iv = fromBase64(wrapped.iv);
  const data = fromBase64(wrapped.data);
  if (!iv || !data) return null;
  try {
    const additionalData = new TextEncoder().encode(keyId);
    const pkcs8 = new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, wrapping.key, data));
    return { pkcs8, key: await subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']) };
  } catch {
    return null;
  }
}

/** The private key of a backup copy, imported non-extractable for signing (see unwrapPkcs8). */
export async function unwrapPrivateKey(
  wrapped: WrappedKey,
  keyId: string,
  wrapping: WrappingKey,
  subtle: Subtle = defaultSubtle(),
): Promise<WebCryptoKey | null> {
  return (await unwrapPkcs8(wrapped, keyId, wrapping, subtle))?.key ?? null;
}
