import { describe, expect, it } from 'vitest';
import { protectionStatus, protectKeyBytes, unprotectKeyBytes, type SafeStorageLike } from './keyProtection';

/** A stand-in for safeStorage: XOR with a per-"account" byte, so another account cannot read it. */
function fakeStorage(options: { available?: boolean; backend?: string; account?: number } = {}): SafeStorageLike {
  const pad = options.account ?? 0x5a;
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Uint8Array.from([pad, ...new TextEncoder().encode(text).map((b) => b ^ pad)]),
    decryptString: (blob) => {
      if (blob[0] !== pad)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return new TextDecoder().decode(blob.slice(1).map((b) => b ^ pad));
    },
    ...(options.backend ? { getSelectedStorageBackend: () => options.backend! } : {}),
  };
}

const PKCS8 = Uint8Array.from({ length: 48 }, (_, i) => i * 5);

describe('key protection with safeStorage', () => {
  it('says when the OS offers no real protection', () => {
    expect(protectionStatus(fakeStorage(), 'win32')).toEqual({ available: true, method: 'safeStorage' });
    expect(protectionStatus(fakeStorage({ available: false }), 'win32')).toEqual({
      available: false,
      reason: 'unavailable',
    });
    expect(protectionStatus(fakeStorage({ backend: 'basic_text' }), 'linux')).toEqual({
      available: false,
      reason: 'weak',
    });
    expect(protectionStatus(fakeStorage({ backend: 'gnome_libsecret' }), 'linux')).toMatchObject({ available: true });
  });

  it('round-trips a key; never stores it in clear; another account or a damaged blob gives null', () => {
    const storage = fakeStorage();
    const blob = protectKeyBytes(storage, 'win32', PKCS8);
    expect(Buffer.from(blob).includes(Buffer.from(PKCS8))).toBe(false);
    expect(unprotectKeyBytes(storage, 'win32', blob)).toEqual(PKCS8);
    expect(unprotectKeyBytes(fakeStorage({ account: 0x33 }), 'win32', blob)).toBeNull();
    expect(unprotectKeyBytes(storage, 'win32', blob.slice(0, 10))).toBeNull();
    expect(() => protectKeyBytes(fakeStorage({ backend: 'basic_text' }), 'linux', PKCS8)).toThrow();
    expect(unprotectKeyBytes(fakeStorage({ available: false }), 'win32', blob)).toBeNull();
  });
});
