import type { YishiBridge } from '../../shared/bridge';

/**
 * The operating system's protection of private signing keys, as the data layer uses it: set once
 * at start-up from the bridge (main.tsx), absent in tests and wherever nothing sets it. With it, a
 * new key's PKCS#8 is kept encrypted by the OS (Electron's safeStorage) instead of as a
 * non-extractable CryptoKey in IndexedDB; the browser's bridge says the OS offers none.
 */
export interface OsKeyProtection {
  /** The key's bytes encrypted by the OS, or null when this computer offers no protection. */
  protect(pkcs8: Uint8Array): Promise<Uint8Array | null>;
  /** The bytes again, or null when this OS account cannot open them. */
  unprotect(blob: Uint8Array): Promise<Uint8Array | null>;
}

export function bridgeKeyProtection(
  bridge: Pick<YishiBridge, 'keyProtection' | 'protectKey' | 'unprotectKey'>,
): OsKeyProtection {
  return {
    async protect(pkcs8) {
      if (!(await bridge.keyProtection()).available) return null;
      return bridge.protectKey(pkcs8);
    },
    unprotect: (blob) => bridge.unprotectKey(blob),
  };
}

let configured: OsKeyProtection | null = null;

/** Called once at start-up (and by tests): the protection new keys get from now on. */
export function setOsKeyProtection(protection: OsKeyProtection | null): void {
  configured = protection;
}

export function osKeyProtection(): OsKeyProtection | null {
  return configured;
}
