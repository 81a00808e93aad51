import { z } from 'zod';
import { firstDifference } from '../validation/difference';
import { firstIssueMessage } from '../validation/messages';
import { canonicalJson, verifyRecord, fingerprintRecord, type Verification } from './fingerprint';
import { orderRecord, wholeRecordSchema, type MeetingRecord } from './record';
import { migrateDecisionStatus } from '../followup/state';

/**
 * One meeting as a JSON file: for export/import between laptops, for filing (备案) with the
 * sub-district, and for command-line tools. The record inside is the same value the
 * fingerprint covers, so a signed file can be checked anywhere.
 */
export const MEETING_FILE_FORMAT = 'yishi-meeting';
/** 2: decisions carry follow-up (督办) states; version 1 files are read with their old statuses mapped. */
export const MEETING_FILE_FORMAT_VERSION = 2;
export const MEETING_FILE_MAX_MB = 50;
const MAX_BYTES = MEETING_FILE_MAX_MB * 1024 * 1024;

export interface MeetingFile {
  format: typeof MEETING_FILE_FORMAT;
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  record: MeetingRecord;
}

export function toMeetingFile(record: MeetingRecord, appVersion: string, now: Date): MeetingFile {
  return {
    format: MEETING_FILE_FORMAT,
    formatVersion: MEETING_FILE_FORMAT_VERSION,
    appVersion,
    exportedAt: now.toISOString(),
    record: orderRecord(record),
  };
}

/** The file's text: indented, so that a reviewer can read it and a diff tool can compare two. */
export function meetingFileText(record: MeetingRecord, appVersion: string, now: Date): string {
  return `${JSON.stringify(toMeetingFile(record, appVersion, now), null, 2)}\n`;
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
  | { code: 'tampered'; stored: string; computed: string };

export type MeetingFileReading =
  | { ok: true; record: MeetingRecord; verification: Exclude<Verification['state'], 'inconsistent'> }
  | { ok: false; problem: MeetingFileProblem };

const meetingFileSchema = z.object({
  format: z.literal(MEETING_FILE_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(100),
  exportedAt: z.string().max(100),
  record: wholeRecordSchema,
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
function readEnvelope(
  text: string,
): { ok: true; raw: Record<string, unknown>; record: MeetingRecord } | { ok: false; problem: MeetingFileProblem } {
  if (isTooLarge(text)) return { ok: false, problem: { code: 'tooLarge', maxMb: MEETING_FILE_MAX_MB } };
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problem: { code: 'notJson' } };
  const header = headerSchema.safeParse(json.value);
  if (!header.success) return { ok: false, problem: { code: 'notAMeetingFile' } };
  // A newer file may be shaped differently: say so rather than report it as invalid.
  if (header.data.formatVersion > MEETING_FILE_FORMAT_VERSION)
    return { ok: false, problem: { code: 'newerFormat', formatVersion: header.data.formatVersion } };
  const value = header.data.formatVersion < 2 ? withFollowupStates(json.value) : json.value;
  const file = meetingFileSchema.safeParse(value);
  if (!file.success) return { ok: false, problem: firstIssue(file.error, value) };
  return { ok: true, raw: value as Record<string, unknown>, record: file.data.record };
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
  if (verification === 'unsigned' || verification === 'consistent') return { ok: true, record, verification };
  const computed = await fingerprintRecord(record).catch(() => '');
  return { ok: false, problem: { code: 'tampered', stored: record.meeting.fingerprint ?? '', computed } };
}

/** JSON Schema (draft 2020-12) of the file, for the format's documentation. */
export function meetingFileJsonSchema(): Record<string, unknown> {
  // Refinements (e.g. household totals) have no JSON Schema form; 'any' keeps them out
  // instead of failing, so the schema is slightly looser than readMeetingFile.
  return z.toJSONSchema(meetingFileSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
}
