/**
 * WebCrypto's types by what the global offers, so the code compiles both with the DOM's lib (the
 * renderer) and with Node's (the main process), which name them differently.
 */
export type Subtle = typeof globalThis.crypto.subtle;
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;

export function defaultSubtle(): Subtle {
  return globalThis.crypto.subtle;
}
