import { z } from 'zod';
import { firstDifference } from '../validation/difference';
import { firstIssueMessage } from '../validation/messages';
import { canonicalJson, verifyRecord, fingerprintRecord, type Verification } from './fingerprint';
import { orderRecord, wholeRecordSchema, type MeetingRecord } from './record';
import { migrateDecisionStatus } from '../followup/state';
import { hasBadCharacters } from '../validation/characters';
import { fieldName } from '../validation/fieldNames';
import type { RecordSignature } from '../signing/sign';
import {
  corruptAttachmentIndex,
  EMPTY_FOLLOWUP,
  extrasFault,
  fileFollowupSchema,
  fileSignaturesSchema,
  type FileFollowup,
} from './fileFollowup';

/**
 * One meeting as a JSON file: for export/import between laptops, for filing (备案) with the
 * sub-district, and for command-line tools. The record inside is the same value the
 * fingerprint covers, so a signed file can be checked anywhere.
 */
export const MEETING_FILE_FORMAT = 'yishi-meeting';
/**
 * 2: decisions carry follow-up (督办) states; version 1 files are read with their old statuses mapped.
 * 3: the record's signatures and its follow-up (fileFollowup.ts) travel beside it. Files of
 * version 1 and 2 carry no signatures: they are read, and shown as 旧格式，无签名.
 */
export const MEETING_FILE_FORMAT_VERSION = 3;
/** The first version whose files carry signatures. */
export const SIGNED_FILE_FORMAT_VERSION = 3;
export const MEETING_FILE_MAX_MB = 50;
const MAX_BYTES = MEETING_FILE_MAX_MB * 1024 * 1024;

export interface MeetingFile {
  format: typeof MEETING_FILE_FORMAT;
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  record: MeetingRecord;
  /** The lock's and each amendment's signature, by slot; each names its key, organisation and time. */
  signatures: RecordSignature[];
  followup: FileFollowup;
}

/** What travels beside the record; absent parts are empty. */
export interface MeetingFileExtras {
  signatures?: readonly RecordSignature[];
  followup?: FileFollowup;
}

export function toMeetingFile(
  record: MeetingRecord,
  appVersion: string,
  now: Date,
  extras: MeetingFileExtras = {},
): MeetingFile {
  return {
    format: MEETING_FILE_FORMAT,
    formatVersion: MEETING_FILE_FORMAT_VERSION,
    appVersion,
    exportedAt: now.toISOString(),
    record: orderRecord(record),
    signatures: [...(extras.signatures ?? [])].sort((a, b) => a.slot - b.slot),
    followup: extras.followup ?? EMPTY_FOLLOWUP,
  };
}

/** The file's text: indented, so that a reviewer can read it and a diff tool can compare two. */
export function meetingFileText(
  record: MeetingRecord,
  appVersion: string,
  now: Date,
  extras: MeetingFileExtras = {},
): string {
  return `${JSON.stringify(toMeetingFile(record, appVersion, now, extras), null, 2)}\n`;
}

/** Why a meeting file is refused; every variant has a message in the UI. */
export type MeetingFileProblem =
  | { code: 'tooLarge'; maxMb: number }
  | { code: 'notJson' }
  | { code: 'notAMeetingFile' }
  | { code: 'newerFormat'; formatVersion: number }
  /** `message`: a Chinese sentence naming the field in words (shared/validation/messages.ts). */
  | { code: 'invalid'; path: Array<string | number>; message: string }
  /** A signed record that validation would change (extra keys, untrimmed text): `message` says where. */
  | { code: 'notCanonical'; path: Array<string | number>; message: string }
  | { code: 'tampered'; stored: string; computed: string }
  /** A noncharacter or lone surrogate in some text: `message` says where. */
  | { code: 'malformed'; message: string }
  /** Signatures or follow-up rows that belong to another meeting, or repeat an id: `message` says which. */
  | { code: 'foreignExtras'; message: string }
  /** An evidence file whose bytes are not what its SHA-256 says. */
  | { code: 'attachmentDamaged'; fileName: string };

export type MeetingFileReading =
  | {
      ok: true;
      record: MeetingRecord;
      verification: Exclude<Verification['state'], 'inconsistent'>;
      /** The file's format version: below SIGNED_FILE_FORMAT_VERSION it is 旧格式，无签名. */
      formatVersion: number;
      signatures: RecordSignature[];
      followup: FileFollowup;
    }
  | { ok: false; problem: MeetingFileProblem };

const meetingFileSchema = z.object({
  format: z.literal(MEETING_FILE_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(100),
  exportedAt: z.string().max(100),
  record: wholeRecordSchema,
});

/** Version 3: the same, with the signatures and the follow-up beside the record. */
const signedFileSchema = meetingFileSchema.extend({
  signatures: fileSignaturesSchema,
  followup: fileFollowupSchema,
});

const headerSchema = z.object({ format: z.literal(MEETING_FILE_FORMAT), formatVersion: z.number().int().min(1) });

/** UTF-8 size without encoding 50 MB just to measure it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isTooLarge(text: string): boolean {
  if (text.length > MAX_BYTES) return true;
  return text.length * 3 > MAX_BYTES && utf8Length(text) > MAX_BYTES;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    // Notepad on Windows saves UTF-8 with a byte-order mark.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false };
  }
}

function firstIssue(error: z.ZodError, input: unknown): MeetingFileProblem {
  const issue = error.issues[0];
  return {
    code: 'invalid',
    path: (issue?.path ?? []).map((p) => (typeof p === 'number' ? p : String(p))),
    message: firstIssueMessage(error, { root: { kind: 'meetingFile' }, input }),
  };
}

/** Parses, checks the envelope and the record, then the seal. Never throws on bad input. */
type Envelope = {
  ok: true;
  raw: Record<string, unknown>;
  record: MeetingRecord;
  formatVersion: number;
  signatures: RecordSignature[];
  followup: FileFollowup;
};

function readEnvelope(text: string): Envelope | { ok: false; problem: MeetingFileProblem } {
  if (isTooLarge(text)) return { ok: false, problem: { code: 'tooLarge', maxMb: MEETING_FILE_MAX_MB } };
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problem: { code: 'notJson' } };
  const header = headerSchema.safeParse(json.value);
  if (!header.success) return { ok: false, problem: { code: 'notAMeetingFile' } };
  // A newer file may be shaped differently: say so rather than report it as invalid.
  const formatVersion = header.data.formatVersion;
  if (formatVersion > MEETING_FILE_FORMAT_VERSION)
    return { ok: false, problem: { code: 'newerFormat', formatVersion } };
  const shape = shapeProblem(json.value);
  if (shape) return { ok: false, problem: { code: 'malformed', message: shape } };
  const value = formatVersion < 2 ? withFollowupStates(json.value) : json.value;
  if (formatVersion < SIGNED_FILE_FORMAT_VERSION) {
    // Older files have no signatures; anything in their place is not read.
    const file = meetingFileSchema.safeParse(value);
    if (!file.success) return { ok: false, problem: firstIssue(file.error, value) };
    const raw = value as Record<string, unknown>;
    return { ok: true, raw, record: file.data.record, formatVersion, signatures: [], followup: EMPTY_FOLLOWUP };
  }
  const file = signedFileSchema.safeParse(value);
  if (!file.success) return { ok: false, problem: firstIssue(file.error, value) };
  const { record, signatures, followup } = file.data;
  const fault = extrasFault(record, signatures, followup);
  if (fault)
    return {
      ok: false,
      problem: { code: 'foreignExtras', message: fieldName(fault.path, { kind: 'meetingFile' }) + fault.words },
    };
  return { ok: true, raw: value as Record<string, unknown>, record, formatVersion, signatures, followup };
}

/**
 * Noncharacters and lone surrogates anywhere in the file (never typed; they come from damaged or
 * crafted files and break the Word export later), looked for without recursion. Nesting, numbers
 * JSON turns into Infinity and "__proto__" keys are refused by the record's schemas, field by field.
 */
function shapeProblem(value: unknown): string | null {
  type Node = { value: unknown; key: string | number | null; parent: Node | null };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === 'string' && hasBadCharacters(current)) {
      const path: Array<string | number> = [];
      for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
      return `${fieldName(path, { kind: 'meetingFile' }) || '文件'}含有无效的字符（非字符或不成对的代理项）`;
    }
    if (typeof current === 'object' && current !== null)
      for (const [key, child] of Object.entries(current))
        stack.push({ value: child, key: Array.isArray(current) ? Number(key) : key, parent: node });
  }
  return null;
}

/**
 * A version 1 file's decisions had open/done/overdue/rated: mapped as a database upgrade maps
 * them (shared/followup/state.ts). The status is outside the seal, so a signed file still verifies.
 */
function withFollowupStates(value: unknown): unknown {
  const record = (value as { record?: unknown }).record;
  const decisions = (record as { decisions?: unknown } | null | undefined)?.decisions;
  if (!Array.isArray(decisions)) return value;
  return { ...(value as object), record: { ...(record as object), decisions: decisions.map(migrateDecisionStatus) } };
}

/** Canonical text of a value, or null when it has none (NaN, a cycle…): then it differs from anything. */
function canonicalOrNull(value: unknown): string | null {
  try {
    return canonicalJson(value);
  } catch {
    return null;
  }
}

/**
 * Reads a meeting file. What is returned is always the validated record (trimmed, unknown keys
 * left out), so what is stored is exactly what was checked. A signed record must already be in
 * that form: one that validation would change (an extra key, untrimmed text) is refused, since
 * storing it changed would break its seal after the next backup and restore, and storing it as
 * read would keep content nobody checked. A signed record that does not verify is refused as
 * tampered. Never throws on bad input.
 */
export async function readMeetingFile(text: string): Promise<MeetingFileReading> {
  const envelope = readEnvelope(text);
  if (!envelope.ok) return envelope;
  const record = envelope.record;
  const { state: verification } = await verifyRecord(record);
  if (verification !== 'unsigned') {
    const raw = envelope.raw.record;
    const rawText = canonicalOrNull(raw);
    if (rawText === null || rawText !== canonicalJson(record)) {
      const difference = firstDifference(raw, record) ?? { path: ['record'], message: '记录不是规范的形式' };
      return { ok: false, problem: { code: 'notCanonical', ...difference } };
    }
  }
  if (verification === 'unsigned' || verification === 'consistent') {
    const damaged = await corruptAttachmentIndex(envelope.followup.attachments);
    if (damaged >= 0)
      return {
        ok: false,
        problem: { code: 'attachmentDamaged', fileName: envelope.followup.attachments[damaged]!.fileName },
      };
    const { formatVersion, signatures, followup } = envelope;
    return { ok: true, record, verification, formatVersion, signatures, followup };
  }
  const computed = await fingerprintRecord(record).catch(() => '');
  return { ok: false, problem: { code: 'tampered', stored: record.meeting.fingerprint ?? '', computed } };
}

/** JSON Schema (draft 2020-12) of the file, for the format's documentation. */
export function meetingFileJsonSchema(): Record<string, unknown> {
  // Refinements (e.g. household totals) have no JSON Schema form; 'any' keeps them out
  // instead of failing, so the schema is slightly looser than readMeetingFile.
  return z.toJSONSchema(signedFileSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
}
