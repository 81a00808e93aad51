import { defaultSubtle, type Subtle } from './webcrypto';
import { z } from 'zod';
import { canonicalJson } from '../meeting/fingerprint';
import { fromBase64, toHex } from './bytes';

/**
 * What a signature covers: one statement, as canonical JSON, saying that this organisation's key
 * vouches for this fingerprint of this meeting at this time, as its lock (签字锁定) or as its n-th
 * amendment (修订). The fingerprint covers the whole record (shared/meeting/fingerprint.ts), so a
 * signature over the statement covers the record; the statement is stored as the exact text that
 * was signed, and is only trusted once the signature over that text verifies.
 */
export const STATEMENT_FORMAT = 'yishi-signature';
export const STATEMENT_VERSION = 1;

/** Raw Ed25519 public keys are 32 bytes; signatures 64. */
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const statementSchema = z
  .object({
    format: z.literal(STATEMENT_FORMAT),
    version: z.literal(STATEMENT_VERSION),
    meetingId: z.string().min(1).max(200),
    fingerprint: hex64,
    /** 0: the lock; n ≥ 1: the n-th amendment. */
    slot: z.number().int().min(0).max(10_000),
    kind: z.enum(['lock', 'amendment']),
    orgUnitId: z.string().min(1).max(200),
    orgName: z.string().min(1).max(200),
    signedAt: z.string().min(1).max(40),
    keyId: keyIdSchema,
  })
  .strict()
  .refine((s) => (s.kind === 'lock') === (s.slot === 0), { message: 'kind and slot disagree' });
export type Statement = z.infer<typeof statementSchema>;

/** The exact text that is signed. */
export function statementText(statement: Statement): string {
  return canonicalJson(statement);
}

/** A stored statement's text, read back: null unless it is a statement in exactly its canonical form. */
export function parseStatement(text: string): Statement | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = statementSchema.safeParse(value);
  if (!parsed.success || statementText(parsed.data) !== text) return null;
  return parsed.data;
}

/**
 * A key's id: the first 16 hex digits of SHA-256 over its raw public key. People compare it by eye
 * (keyIdLabel), so it is short; the full key is what verifies.
 */
export async function keyIdOf(publicKeyBase64: string, subtle: Subtle = defaultSubtle()): Promise<string> {
  const raw = fromBase64(publicKeyBase64);
  if (!raw) throw new Error('keyIdOf: not base64');
  return toHex(await subtle.digest('SHA-256', raw)).slice(0, 16);
}

/** '1A2B-3C4D-5E6F-7A8B': how a key id is shown and printed. */
export function keyIdLabel(keyId: string): string {
  return (keyId.toUpperCase().match(/.{1,4}/g) ?? []).join('-');
}
