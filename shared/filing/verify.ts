import { defaultSubtle, type Subtle } from '../signing/webcrypto';
import { fromBase64 } from '../signing/bytes';
import { importPublicKey } from '../signing/sign';
import { keyIdOf, SIGNATURE_BYTES } from '../signing/statement';
import { meetingFileVerdict, type FileVerdict } from '../signing/fileVerdict';
import type { KnownKey, MismatchReason } from '../signing/verdict';
import { readMeetingFile, SIGNED_FILE_FORMAT_VERSION, type MeetingFileProblem } from '../meeting/file';
import type { MeetingRecord } from '../meeting/record';
import type { RecordSignature } from '../signing/sign';
import type { FileFollowup } from '../meeting/fileFollowup';
import { canonicalJson } from '../meeting/fingerprint';
import { imageOfDataUrl, sha256Hex } from './build';
import {
  FILING_FORMAT,
  FILING_VERSION,
  MANIFEST_PATH,
  manifestSchema,
  manifestSignatureSchema,
  MAX_MANIFEST_BYTES,
  readCanonical,
  SIGNATURE_PATH,
  type FilingManifest,
  type ManifestMeeting,
} from './manifest';
import { readZip, unpack, type ZipEntry, type ZipProblem } from './zip';

/** Why a package is refused; every variant has a Chinese sentence in the review screen. */
export type FilingProblem =
  | ZipProblem
  | { code: 'noManifest' }
  | { code: 'badManifest' }
  | { code: 'newerVersion'; version: number }
  | { code: 'notSigned' }
  /** The manifest's signature does not verify: the manifest changed, or another key signed it. */
  | { code: 'badSignature' }
  /** The signature names another key than the manifest does, or a key id that is not its key's. */
  | { code: 'wrongSigner' }
  | { code: 'partMissing'; path: string }
  | { code: 'partAdded'; path: string }
  | { code: 'partChanged'; path: string }
  /** A meeting file inside is refused as a meeting file would be on import. */
  | { code: 'meetingFileRefused'; title: string; problem: MeetingFileProblem['code'] }
  | { code: 'meetingUnsigned'; title: string }
  | { code: 'meetingMismatch'; title: string; reason: MismatchReason }
  /** The record in a meeting's part is not the meeting the manifest names there (id, seal or month). */
  | { code: 'meetingNotAsListed'; title: string }
  | { code: 'imageMismatch'; path: string };

/** Who signed the manifest, as this installation knows the key. */
export type PackageSigner =
  | { state: 'signedValid'; orgName: string; keyId: string; source: KnownKey['source'] }
  | { state: 'signedUnregistered'; orgName: string; keyId: string; publicKey: string };

export interface FiledMeeting {
  listed: ManifestMeeting;
  record: MeetingRecord;
  signatures: RecordSignature[];
  followup: FileFollowup;
  /** The meeting's own 核验 (signedValid or signedUnregistered: anything else is refused). */
  verdict: FileVerdict;
  /** The meeting file's text, as filed. */
  fileText: string;
  minutesDocx: Uint8Array;
  /** Where the filing computer's office suite made one. */
  minutesPdf?: Uint8Array;
}

export type FilingReading =
  | {
      ok: true;
      manifest: FilingManifest;
      signer: PackageSigner;
      /** Same community, period and signed meetings (ids and seals): the same filing, whenever exported. */
      contentId: string;
      meetings: FiledMeeting[];
    }
  | { ok: false; problem: FilingProblem };

type Fail = { ok: false; problem: FilingProblem };
const fail = (problem: FilingProblem): Fail => ({ ok: false, problem });

/**
 * Verifies a filing package, in an order that never inflates what is not yet known to be small
 * and signed: the zip's structure and caps; the manifest and its signature; every part against
 * the manifest (present, nothing extra, its packed bytes' SHA-256); then each part unpacked
 * against its SHA-256 and size; then each meeting file as an import would read it, plus its 核验.
 * Pure apart from WebCrypto; never throws on bad input.
 */
export async function verifyFilingPackage(
  bytes: Uint8Array,
  keys: readonly KnownKey[],
  subtle: Subtle = defaultSubtle(),
): Promise<FilingReading> {
  const zip = readZip(bytes);
  if (!zip.ok) return zip;
  const byPath = new Map(zip.entries.map((e) => [e.path, e]));
  const head = await readHead(byPath, subtle);
  if (!head.ok) return head;
  const { manifest } = head;
  const parts = await checkParts(zip.entries, manifest, subtle);
  if (!parts.ok) return parts;
  const meetings: FiledMeeting[] = [];
  for (const listed of manifest.meetings) {
    const meeting = await readMeeting(listed, parts.bytes, manifest, keys, subtle);
    if (!meeting.ok) return meeting;
    meetings.push(meeting.meeting);
  }
  return {
    ok: true,
    manifest,
    signer: signerOf(manifest, keys),
    contentId: await contentIdOf(manifest, subtle),
    meetings,
  };
}

type Head = { ok: true; manifest: FilingManifest } | Fail;

async function readHead(byPath: Map<string, ZipEntry>, subtle: Subtle): Promise<Head> {
  const manifestEntry = byPath.get(MANIFEST_PATH);
  if (!manifestEntry || manifestEntry.method !== 'store' || manifestEntry.size > MAX_MANIFEST_BYTES)
    return fail({ code: 'noManifest' });
  const manifestData = unpack(manifestEntry);
  if (!manifestData.ok) return manifestData;
  const value = readCanonical(manifestData.bytes);
  const header = (value ?? {}) as { format?: unknown; version?: unknown };
  if (header.format !== FILING_FORMAT) return fail({ code: 'badManifest' });
  if (typeof header.version === 'number' && header.version > FILING_VERSION)
    return fail({ code: 'newerVersion', version: header.version });
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) return fail({ code: 'badManifest' });
  const manifest = parsed.data;
  const sigEntry = byPath.get(SIGNATURE_PATH);
  if (!sigEntry) return fail({ code: 'notSigned' });
  const sigData = sigEntry.method === 'store' && sigEntry.size <= 4096 ? unpack(sigEntry) : null;
  if (!sigData?.ok) return fail({ code: 'badSignature' });
  const sig = manifestSignatureSchema.safeParse(readCanonical(sigData.bytes));
  if (!sig.success) return fail({ code: 'badSignature' });
  const { keyId, publicKey } = manifest.signer;
  if (sig.data.keyId !== keyId) return fail({ code: 'wrongSigner' });
  const key = await importPublicKey(publicKey, subtle);
  if (!key || (await keyIdOf(publicKey, subtle)) !== keyId) return fail({ code: 'wrongSigner' });
  const signature = fromBase64(sig.data.signature);
  if (!signature || signature.length !== SIGNATURE_BYTES) return fail({ code: 'badSignature' });
  const valid = await subtle
    .verify({ name: 'Ed25519' }, key, signature, manifestData.bytes as Uint8Array<ArrayBuffer>)
    .catch(() => false);
  return valid ? { ok: true, manifest } : fail({ code: 'badSignature' });
}

type Parts = { ok: true; bytes: Map<string, Uint8Array> } | Fail;

/** Every part the manifest lists is there, exactly as listed, and nothing else is. */
async function checkParts(entries: readonly ZipEntry[], manifest: FilingManifest, subtle: Subtle): Promise<Parts> {
  const listed = new Map(manifest.parts.map((p) => [p.path, p]));
  if (listed.size !== manifest.parts.length || listed.has(MANIFEST_PATH) || listed.has(SIGNATURE_PATH))
    return fail({ code: 'badManifest' });
  const present = new Set(entries.map((e) => e.path));
  for (const part of manifest.parts) if (!present.has(part.path)) return fail({ code: 'partMissing', path: part.path });
  for (const entry of entries)
    if (entry.path !== MANIFEST_PATH && entry.path !== SIGNATURE_PATH && !listed.has(entry.path))
      return fail({ code: 'partAdded', path: entry.path });
  // All packed bytes first: nothing is inflated unless the whole package is as signed.
  for (const entry of entries) {
    const part = listed.get(entry.path);
    if (!part) continue;
    const same =
      part.method === entry.method &&
      part.size === entry.size &&
      part.packedSize === entry.packed.length &&
      part.packedSha256 === (await sha256Hex(entry.packed, subtle));
    if (!same) return fail({ code: 'partChanged', path: entry.path });
  }
  const out = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const part = listed.get(entry.path);
    if (!part) continue;
    const unpacked = unpack(entry);
    if (!unpacked.ok) return unpacked;
    if (unpacked.bytes.length !== part.size || (await sha256Hex(unpacked.bytes, subtle)) !== part.sha256)
      return fail({ code: 'partChanged', path: entry.path });
    out.set(entry.path, unpacked.bytes);
  }
  const referenced = manifest.meetings.flatMap((m) => [
    m.file,
    m.minutes,
    ...(m.minutesPdf ? [m.minutesPdf] : []),
    ...m.images.map((i) => i.path),
  ]);
  // Each part belongs to exactly one place of one meeting.
  if (new Set(referenced).size !== referenced.length || referenced.length !== manifest.parts.length)
    return fail({ code: 'badManifest' });
  for (const path of referenced) if (!out.has(path)) return fail({ code: 'partMissing', path });
  return { ok: true, bytes: out };
}

type MeetingRead = { ok: true; meeting: FiledMeeting } | Fail;

async function readMeeting(
  listed: ManifestMeeting,
  parts: Map<string, Uint8Array>,
  manifest: FilingManifest,
  keys: readonly KnownKey[],
  subtle: Subtle,
): Promise<MeetingRead> {
  const title = listed.title;
  let fileText: string;
  try {
    fileText = new TextDecoder('utf-8', { fatal: true }).decode(parts.get(listed.file));
  } catch {
    return fail({ code: 'meetingFileRefused', title, problem: 'notJson' });
  }
  const reading = await readMeetingFile(fileText);
  if (!reading.ok) return fail({ code: 'meetingFileRefused', title, problem: reading.problem.code });
  const { record } = reading;
  const inMonth = manifest.period.kind === 'meeting' || listed.date.startsWith(`${manifest.period.month}-`);
  if (
    record.meeting.id !== listed.meetingId ||
    record.meeting.fingerprint !== listed.fingerprint ||
    record.meeting.title !== listed.title ||
    !inMonth ||
    (manifest.period.kind === 'meeting' && manifest.meetings.length !== 1)
  )
    return fail({ code: 'meetingNotAsListed', title });
  if (reading.formatVersion < SIGNED_FILE_FORMAT_VERSION) return fail({ code: 'meetingUnsigned', title });
  const verdict = await meetingFileVerdict(reading, keys, subtle);
  if (verdict.state === 'mismatch') return fail({ code: 'meetingMismatch', title, reason: verdict.reason });
  if (verdict.state !== 'signedValid' && verdict.state !== 'signedUnregistered')
    return fail({ code: 'meetingUnsigned', title });
  for (const image of listed.images) {
    const source = image.paperSheet
      ? record.meeting.paperSignatureSheet?.imageDataUrl
      : record.attendance.find((a) => a.id === image.attendanceId)?.signature?.imageDataUrl;
    const expected = imageOfDataUrl(source)?.bytes;
    const actual = parts.get(image.path)!;
    if (!expected || !sameBytes(expected, actual)) return fail({ code: 'imageMismatch', path: image.path });
  }
  return {
    ok: true,
    meeting: {
      listed,
      record,
      signatures: reading.signatures,
      followup: reading.followup,
      verdict,
      fileText,
      minutesDocx: parts.get(listed.minutes)!,
      ...(listed.minutesPdf ? { minutesPdf: parts.get(listed.minutesPdf)! } : {}),
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function signerOf(manifest: FilingManifest, keys: readonly KnownKey[]): PackageSigner {
  const { keyId, publicKey } = manifest.signer;
  const known = keys.find((k) => k.keyId === keyId && k.publicKey === publicKey);
  return known
    ? { state: 'signedValid', orgName: known.orgName, keyId, source: known.source }
    : { state: 'signedUnregistered', orgName: manifest.organisation.orgName, keyId, publicKey };
}

/** The filing's identity for recognising duplicates: not the export time, only what was filed. */
export async function contentIdOf(manifest: FilingManifest, subtle: Subtle = defaultSubtle()): Promise<string> {
  const meetings = manifest.meetings.map((m) => [m.meetingId, m.fingerprint]).sort();
  const text = canonicalJson({ org: manifest.organisation.orgUnitId, period: manifest.period, meetings });
  return sha256Hex(new TextEncoder().encode(text), subtle);
}
