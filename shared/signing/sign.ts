import { defaultSubtle, type Subtle, type WebCryptoKey } from './webcrypto';
import { z } from 'zod';
import { fromBase64, toBase64 } from './bytes';
import { keyIdOf, parseStatement, PUBLIC_KEY_BYTES, SIGNATURE_BYTES, statementText, type Statement } from './statement';

/**
 * Ed25519 through WebCrypto (Chromium, Electron and Node 20 all have it): no library to trust
 * besides the platform. `subtle` is passed in so tests can use Node's and the app the window's.
 */
const ED25519 = { name: 'Ed25519' } as const;

/** The installation's key as signing uses it: the private half cannot be exported. */
export interface SigningKey {
  keyId: string;
  /** Raw public key, base64. */
  publicKey: string;
  privateKey: WebCryptoKey;
}

/**
 * A new key pair. The private key is generated extractable only to be re-imported as
 * non-extractable (what is kept), so that nothing in the page can read it out later; `pkcs8` is
 * handed to the caller once, for a passphrase-protected backup copy, and must not be stored as is.
 */
export async function generateSigningKey(
  subtle: Subtle = defaultSubtle(),
): Promise<{ key: SigningKey; pkcs8: ArrayBuffer }> {
  const pair = (await subtle.generateKey(ED25519, true, ['sign', 'verify'])) as {
    publicKey: WebCryptoKey;
    privateKey: WebCryptoKey;
  };
  const publicKey = toBase64(await subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = await subtle.exportKey('pkcs8', pair.privateKey);
  const privateKey = await importSigningKey(pkcs8, subtle);
  return { key: { keyId: await keyIdOf(publicKey, subtle), publicKey, privateKey }, pkcs8 };
}

/** A private key's PKCS#8 as a non-extractable signing key (rejects bytes that are not an Ed25519 key). */
export async function importSigningKey(
  pkcs8: ArrayBuffer | Uint8Array,
  subtle: Subtle = defaultSubtle(),
): Promise<WebCryptoKey> {
  const bytes = pkcs8 instanceof Uint8Array ? pkcs8.slice() : pkcs8;
  return subtle.importKey('pkcs8', bytes, ED25519, false, ['sign']);
}

/** A signature as stored beside the record (table `recordSignatures`), one per lock or amendment. */
export const recordSignatureSchema = z.object({
  /** `${meetingId}#${slot}`: one signature per slot, so a second one cannot sit beside it. */
  id: z.string().min(1).max(220),
  meetingId: z.string().min(1).max(200),
  slot: z.number().int().min(0).max(10_000),
  /** The exact text signed (canonical JSON of a Statement). */
  statement: z.string().min(1).max(4000),
  /** Ed25519 signature over the statement's UTF-8 bytes, base64. */
  signature: z.string().min(1).max(200),
  /** The signer's raw public key, base64: an unregistered signer's signature can still be checked. */
  publicKey: z.string().min(1).max(100),
});
export type RecordSignature = z.infer<typeof recordSignatureSchema>;

export function signatureRowId(meetingId: string, slot: number): string {
  return `${meetingId}#${slot}`;
}

export async function signStatement(
  statement: Statement,
  key: SigningKey,
  subtle: Subtle = defaultSubtle(),
): Promise<RecordSignature> {
  if (statement.keyId !== key.keyId) throw new Error('signStatement: statement names another key');
  const text = statementText(statement);
  const signature = await subtle.sign(ED25519, key.privateKey, new TextEncoder().encode(text));
  return {
    id: signatureRowId(statement.meetingId, statement.slot),
    meetingId: statement.meetingId,
    slot: statement.slot,
    statement: text,
    signature: toBase64(signature),
    publicKey: key.publicKey,
  };
}

/** Imports a raw public key for verifying; null when it is not one. */
export async function importPublicKey(
  publicKeyBase64: string,
  subtle: Subtle = defaultSubtle(),
): Promise<WebCryptoKey | null> {
  const raw = fromBase64(publicKeyBase64);
  if (!raw || raw.length !== PUBLIC_KEY_BYTES) return null;
  return subtle.importKey('raw', raw, ED25519, true, ['verify']).catch(() => null);
}

/**
 * The statement a stored signature vouches for, or null when it vouches for nothing: the row
 * and its statement disagree, the key id is not the key's, or the signature does not verify.
 */
export async function verifiedStatement(
  row: RecordSignature,
  subtle: Subtle = defaultSubtle(),
): Promise<Statement | null> {
  const statement = parseStatement(row.statement);
  if (!statement || statement.meetingId !== row.meetingId || statement.slot !== row.slot) return null;
  if (row.id !== signatureRowId(row.meetingId, row.slot)) return null;
  const signature = fromBase64(row.signature);
  const publicKey = await importPublicKey(row.publicKey, subtle);
  if (!signature || signature.length !== SIGNATURE_BYTES || !publicKey) return null;
  if ((await keyIdOf(row.publicKey, subtle)) !== statement.keyId) return null;
  const valid = await subtle
    .verify(ED25519, publicKey, signature, new TextEncoder().encode(row.statement))
    .catch(() => false);
  return valid ? statement : null;
}
