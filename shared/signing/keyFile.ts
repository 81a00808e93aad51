import { defaultSubtle, type Subtle } from './webcrypto';
import { z } from 'zod';
import { fromBase64 } from './bytes';
import { importPublicKey } from './sign';
import { keyIdOf, keyIdSchema, PUBLIC_KEY_BYTES } from './statement';

/**
 * A public key file (公钥文件): what an installation hands its superior committee so that the
 * committee's app names it when verifying its signatures. Public data only.
 */
export const KEY_FILE_FORMAT = 'yishi-public-key';
export const KEY_FILE_VERSION = 1;
/** A key file is a few hundred bytes; anything far larger is not one. */
const MAX_CHARS = 20_000;

export interface PublicKeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: typeof KEY_FILE_VERSION;
  organisation: string;
  keyId: string;
  publicKey: string;
  createdAt: string;
}

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  organisation: z.string().trim().min(1).max(200),
  keyId: keyIdSchema,
  publicKey: z.string().max(100),
  createdAt: z.string().max(40),
});

export function publicKeyFileText(key: Omit<PublicKeyFile, 'format' | 'version'>): string {
  const file: PublicKeyFile = { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, ...key };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Why a key file is refused; each has a Chinese sentence in the settings screen. */
export type KeyFileProblem =
  'tooLarge' | 'notJson' | 'notAKeyFile' | 'newerVersion' | 'invalid' | 'badKey' | 'keyIdMismatch';

export type KeyFileReading = { ok: true; file: PublicKeyFile } | { ok: false; problem: KeyFileProblem };

/** Reads a key file; never throws on bad input. The key id must be the key's own. */
export async function readPublicKeyFile(text: string, subtle: Subtle = defaultSubtle()): Promise<KeyFileReading> {
  if (text.length > MAX_CHARS) return { ok: false, problem: 'tooLarge' };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const header = z.object({ format: z.literal(KEY_FILE_FORMAT), version: z.number() }).safeParse(value);
  if (!header.success) return { ok: false, problem: 'notAKeyFile' };
  if (header.data.version > KEY_FILE_VERSION) return { ok: false, problem: 'newerVersion' };
  const parsed = keyFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'invalid' };
  const raw = fromBase64(parsed.data.publicKey);
  if (!raw || raw.length !== PUBLIC_KEY_BYTES || !(await importPublicKey(parsed.data.publicKey, subtle)))
    return { ok: false, problem: 'badKey' };
  if ((await keyIdOf(parsed.data.publicKey, subtle)) !== parsed.data.keyId)
    return { ok: false, problem: 'keyIdMismatch' };
  return { ok: true, file: parsed.data };
}
