import { z } from 'zod';
import { fromBase64, toBase64 } from './bytes';

/**
 * Protecting a private signing key with the operating system (Electron's safeStorage: DPAPI on
 * Windows, the Keychain on macOS, libsecret/kwallet on Linux). The main process hands over
 * safeStorage; everything else here is pure, so it is tested without Electron. The browser build
 * has no such facility and keeps its non-extractable CryptoKey.
 */

/** What main.ts passes: Electron's safeStorage, or a stand-in in tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
  /** Linux only: 'basic_text' means a hard-coded password, i.e. no protection at all. */
  getSelectedStorageBackend?(): string;
}

export type KeyProtectionStatus =
  | { available: true; method: 'safeStorage' }
  /** browser: no OS store in a web page; unavailable: the OS offers none; weak: Linux without a keyring. */
  | { available: false; reason: 'browser' | 'unavailable' | 'weak' };

export function protectionStatus(storage: SafeStorageLike, platform: string): KeyProtectionStatus {
  if (!storage.isEncryptionAvailable()) return { available: false, reason: 'unavailable' };
  // On Linux without a keyring Electron still "encrypts", with a password everyone knows.
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text')
    return { available: false, reason: 'weak' };
  return { available: true, method: 'safeStorage' };
}

/** An Ed25519 PKCS#8 is 48 bytes; anything far larger is not a key. */
export const MAX_KEY_BYTES = 256;
export const keyBytesSchema = z
  .custom<Uint8Array>((b) => b instanceof Uint8Array, '不是密钥内容')
  .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_KEY_BYTES, '密钥长度不对');
/** What safeStorage makes of it: a little longer, never megabytes. */
export const protectedKeySchema = z
  .custom<Uint8Array>((b) => b instanceof Uint8Array, '不是密钥内容')
  .refine((b) => b.byteLength > 0 && b.byteLength <= 16 * MAX_KEY_BYTES, '受保护的密钥长度不对');

/** The key's bytes encrypted by the OS; throws when protection is not available (never stores it weakly). */
export function protectKeyBytes(storage: SafeStorageLike, platform: string, pkcs8: Uint8Array): Uint8Array {
  if (!protectionStatus(storage, platform).available) throw new Error('safeStorage is not available');
  return new Uint8Array(storage.encryptString(toBase64(pkcs8)));
}

/** The key's bytes again, or null when the blob is not one this user's OS store made (another account, damaged). */
export function unprotectKeyBytes(storage: SafeStorageLike, platform: string, blob: Uint8Array): Uint8Array | null {
  if (!protectionStatus(storage, platform).available) return null;
  try {
    const bytes = fromBase64(storage.decryptString(blob));
    return bytes && bytes.byteLength <= MAX_KEY_BYTES ? bytes : null;
  } catch {
    return null;
  }
}
