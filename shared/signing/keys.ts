import type { WebCryptoKey } from './webcrypto';
import { z } from 'zod';
import { keyIdSchema } from './statement';
import { wrappedKeySchema } from './backupKey';

/**
 * The keys an installation knows, as stored. Only public data lives in these rows, so they travel
 * in backups: after a restore the installation still names its own old signatures. The private
 * halves are kept apart (table `signingSecrets`, never in a backup): see renderer/data/db.ts.
 */

const publicKeyText = z.string().min(1).max(100);

/** One of this installation's own keys; the newest without `retiredAt` signs. */
export const ownKeySchema = z.object({
  id: keyIdSchema,
  orgUnitId: z.string().min(1).max(200),
  /** The organisation the key signs for, as its statements name it. */
  orgName: z.string().min(1).max(200),
  publicKey: publicKeyText,
  createdAt: z.string().max(40),
  /** Set when 更换密钥 replaced it: it signs no more, its signatures keep verifying. */
  retiredAt: z.string().max(40).optional(),
  /** The private key encrypted under the backup passphrase (backupKey.ts), when one was set. */
  wrapped: wrappedKeySchema.optional(),
});
export type OwnKey = z.infer<typeof ownKeySchema>;

/** Another organisation's key, registered from its public key file (公钥文件). */
export const registeredKeySchema = z.object({
  id: keyIdSchema,
  orgName: z.string().min(1).max(200),
  publicKey: publicKeyText,
  /** When the key was created, as its file says. */
  createdAt: z.string().max(40),
  registeredAt: z.string().max(40),
});
export type RegisteredKey = z.infer<typeof registeredKeySchema>;

/**
 * A private key, never exported: a non-extractable CryptoKey kept by IndexedDB's structured clone,
 * or — in the desktop app, where the operating system offers it (Electron's safeStorage: DPAPI,
 * the Keychain, libsecret) — its PKCS#8 encrypted by the OS, base64 (`osProtected`), decrypted
 * into a non-extractable CryptoKey only in memory, when it signs.
 */
export type SigningSecret = { keyId: string; privateKey: WebCryptoKey } | { keyId: string; osProtected: string };

/** Where the key derived from the backup passphrase is kept, beside the private keys (local only). */
export const PASSPHRASE_SECRET_ID = '#backup-passphrase';

/** The AES key derived from the backup passphrase, and how: wraps every key made after it was set. */
export interface PassphraseSecret {
  keyId: typeof PASSPHRASE_SECRET_ID;
  privateKey: WebCryptoKey;
  salt: string;
  iterations: number;
}
