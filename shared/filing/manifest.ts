import { z } from 'zod';
import { canonicalJson } from '../meeting/fingerprint';
import { keyIdSchema } from '../signing/statement';

/**
 * The manifest of a filing package (备案包): what the package holds, part by part with its SHA-256
 * and size, for which community and period, signed by the installation's key. Stored as canonical
 * JSON (`manifest.json`, not compressed) so the signature covers its exact bytes; the signature
 * is beside it in `manifest.sig` (docs/filing-package.md).
 */
export const FILING_FORMAT = 'yishi-filing';
/** 2: a meeting may carry its 纪要 as PDF too (minutesPdf); packages of version 1 still read. */
export const FILING_VERSION = 2;
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
/** A manifest lists a few hundred parts at most: anything far larger is not one. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const text = (max: number) => z.string().min(1).max(max);
const partPath = text(200);

export const manifestPartSchema = z
  .object({
    path: partPath,
    /** The part's own bytes. */
    size: z.number().int().min(0),
    sha256: hex64,
    /** How it sits in the zip, and the SHA-256 of exactly those bytes: every byte is covered. */
    method: z.enum(['store', 'deflate']),
    packedSize: z.number().int().min(0),
    packedSha256: hex64,
  })
  .strict();
export type ManifestPart = z.infer<typeof manifestPartSchema>;

export const manifestImageSchema = z
  .object({
    path: partPath,
    /** Whose signature: an attendee's (by attendance id), or the paper 签到表 photo. */
    attendanceId: text(200).optional(),
    paperSheet: z.literal(true).optional(),
  })
  .strict();

export const manifestMeetingSchema = z
  .object({
    meetingId: text(200),
    title: text(100),
    issueYear: z.number().int(),
    issueNo: z.number().int(),
    /** The meeting's day, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    fingerprint: hex64,
    /** The meeting file (format 3): the record, its signatures and its follow-up. */
    file: partPath,
    /** Its 纪要 as Word. */
    minutes: partPath,
    /** The same 纪要 as PDF, laid out by the office suite of the computer that filed it, where it had one. */
    minutesPdf: partPath.optional(),
    images: z.array(manifestImageSchema).max(500),
  })
  .strict();
export type ManifestMeeting = z.infer<typeof manifestMeetingSchema>;

export const filingPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting') }).strict(),
  /** 月度备案: the month's signed meetings of the community. */
  z.object({ kind: z.literal('month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
]);
export type FilingPeriod = z.infer<typeof filingPeriodSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(FILING_FORMAT),
    version: z.union([z.literal(1), z.literal(FILING_VERSION)]),
    appVersion: z.string().max(100),
    createdAt: z.string().min(1).max(40),
    organisation: z.object({ orgUnitId: text(200), orgName: text(200) }).strict(),
    period: filingPeriodSchema,
    /** The key that signs the manifest (the installation's key at the time). */
    signer: z.object({ keyId: keyIdSchema, publicKey: text(100) }).strict(),
    meetings: z.array(manifestMeetingSchema).min(1).max(200),
    /** Meetings of the month left out because they are not signed: named, so the reviewer knows. */
    leftOut: z.array(z.object({ meetingId: text(200), title: text(100), date: z.string().max(10) }).strict()).max(200),
    parts: z.array(manifestPartSchema).max(2000),
  })
  .strict();
export type FilingManifest = z.infer<typeof manifestSchema>;

export const manifestSignatureSchema = z
  .object({
    format: z.literal('yishi-filing-signature'),
    keyId: keyIdSchema,
    /** Ed25519 over the bytes of manifest.json, base64. */
    signature: text(200),
  })
  .strict();
export type ManifestSignature = z.infer<typeof manifestSignatureSchema>;

export function manifestBytes(manifest: FilingManifest): Uint8Array {
  return new TextEncoder().encode(canonicalJson(manifest));
}

/**
 * Reads canonical JSON: null unless the bytes are valid UTF-8, parse, and are exactly the
 * canonical text of what they parse to (so no byte can change without changing the value).
 */
export function readCanonical(bytes: Uint8Array): unknown {
  try {
    const textValue = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const value: unknown = JSON.parse(textValue);
    return canonicalJson(value) === textValue ? value : null;
  } catch {
    return null;
  }
}
