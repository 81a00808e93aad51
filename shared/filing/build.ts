import { defaultSubtle, type Subtle } from '../signing/webcrypto';
import { fromBase64, toBase64, toHex } from '../signing/bytes';
import type { SigningKey } from '../signing/sign';
import { meetingFileText, type MeetingFileExtras } from '../meeting/file';
import type { MeetingRecord } from '../meeting/record';
import { meetingDay } from '../dates';
import { canonicalJson } from '../meeting/fingerprint';
import {
  FILING_FORMAT,
  FILING_VERSION,
  MANIFEST_PATH,
  manifestBytes,
  SIGNATURE_PATH,
  type FilingManifest,
  type FilingPeriod,
  type ManifestMeeting,
  type ManifestPart,
  type ManifestSignature,
} from './manifest';
import { packPart, writeZip, type PackedInput, type ZipInput } from './zip';

/** One signed meeting to file: its record, what travels beside it, and its 纪要 as Word. */
export interface FilingMeetingInput {
  record: MeetingRecord;
  extras: MeetingFileExtras;
  minutesDocx: Uint8Array;
  /** The 纪要 as PDF, where the desktop could make one (bridge.convertToPdf). */
  minutesPdf?: Uint8Array;
}

export interface FilingInput {
  meetings: readonly FilingMeetingInput[];
  /** Meetings of the month not filed because they are not signed. */
  leftOut?: FilingManifest['leftOut'];
  organisation: { orgUnitId: string; orgName: string };
  period: FilingPeriod;
  appVersion: string;
  now: Date;
  key: SigningKey;
}

export interface BuiltPackage {
  bytes: Uint8Array;
  manifest: FilingManifest;
}

export async function sha256Hex(bytes: Uint8Array, subtle: Subtle = defaultSubtle()): Promise<string> {
  return toHex(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** A signature image stored in the record as a data URL, as the bytes of its file. */
export function imageOfDataUrl(url: string | undefined): { bytes: Uint8Array; extension: 'png' | 'jpg' } | null {
  const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(url ?? '');
  if (!match) return null;
  const bytes = fromBase64(match[2]!);
  return bytes ? { bytes, extension: match[1] === 'png' ? 'png' : 'jpg' } : null;
}

/** The parts of one meeting: folder `meetings/NN/`, so no id or title ever becomes a path. */
function meetingParts(input: FilingMeetingInput, index: number, appVersion: string, now: Date) {
  const folder = `meetings/${String(index + 1).padStart(2, '0')}`;
  const { record } = input;
  const file = `${folder}/meeting.json`;
  const minutes = `${folder}/minutes.docx`;
  const parts: ZipInput[] = [
    {
      path: file,
      bytes: new TextEncoder().encode(meetingFileText(record, appVersion, now, input.extras)),
      method: 'deflate',
    },
    // A .docx is a zip already: deflating it again gains nothing.
    { path: minutes, bytes: input.minutesDocx, method: 'store' },
  ];
  const minutesPdf = input.minutesPdf ? `${folder}/minutes.pdf` : undefined;
  if (minutesPdf && input.minutesPdf) parts.push({ path: minutesPdf, bytes: input.minutesPdf, method: 'deflate' });
  const images: ManifestMeeting['images'] = [];
  const paper = imageOfDataUrl(record.meeting.paperSignatureSheet?.imageDataUrl);
  if (paper) {
    const path = `${folder}/signatures/paper-sheet.${paper.extension}`;
    parts.push({ path, bytes: paper.bytes, method: 'store' });
    images.push({ path, paperSheet: true });
  }
  record.attendance.forEach((row, i) => {
    const image = imageOfDataUrl(row.signature?.imageDataUrl);
    if (!image) return;
    const path = `${folder}/signatures/${String(i + 1).padStart(3, '0')}.${image.extension}`;
    parts.push({ path, bytes: image.bytes, method: 'store' });
    images.push({ path, attendanceId: row.id });
  });
  const meeting: ManifestMeeting = {
    meetingId: record.meeting.id,
    title: record.meeting.title,
    issueYear: record.meeting.issueYear,
    issueNo: record.meeting.issueNo,
    date: meetingDay(record.meeting),
    fingerprint: record.meeting.fingerprint ?? '',
    file,
    minutes,
    ...(minutesPdf ? { minutesPdf } : {}),
    images,
  };
  return { parts, meeting };
}

async function describe(input: PackedInput, subtle: Subtle): Promise<ManifestPart> {
  const { packed } = input;
  return {
    path: input.path,
    size: input.bytes.length,
    sha256: await sha256Hex(input.bytes, subtle),
    method: input.method,
    packedSize: packed.length,
    packedSha256: await sha256Hex(packed, subtle),
  };
}

/**
 * A filing package: the meetings' files, 纪要 and signature images, and the manifest listing them
 * all, signed by the installation's key. Only signed meetings may be filed (the caller chooses
 * them; verification refuses any other).
 */
export async function buildFilingPackage(input: FilingInput, subtle: Subtle = defaultSubtle()): Promise<BuiltPackage> {
  if (input.meetings.length === 0) throw new Error('buildFilingPackage: no meeting');
  const built = input.meetings.map((m, i) => meetingParts(m, i, input.appVersion, input.now));
  const parts = built.flatMap((b) => b.parts).map(packPart);
  const manifest: FilingManifest = {
    format: FILING_FORMAT,
    version: FILING_VERSION,
    appVersion: input.appVersion,
    createdAt: input.now.toISOString(),
    organisation: input.organisation,
    period: input.period,
    signer: { keyId: input.key.keyId, publicKey: input.key.publicKey },
    meetings: built.map((b) => b.meeting),
    leftOut: input.leftOut ?? [],
    parts: await Promise.all(parts.map((p) => describe(p, subtle))),
  };
  const manifestData = manifestBytes(manifest);
  const signature: ManifestSignature = {
    format: 'yishi-filing-signature',
    keyId: input.key.keyId,
    signature: toBase64(
      await subtle.sign({ name: 'Ed25519' }, input.key.privateKey, manifestData as Uint8Array<ArrayBuffer>),
    ),
  };
  const bytes = writeZip([
    packPart({ path: MANIFEST_PATH, bytes: manifestData, method: 'store' }),
    packPart({ path: SIGNATURE_PATH, bytes: new TextEncoder().encode(canonicalJson(signature)), method: 'store' }),
    ...parts,
  ]);
  return { bytes, manifest };
}
