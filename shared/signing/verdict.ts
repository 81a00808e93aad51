import { defaultSubtle, type Subtle } from './webcrypto';
import type { MeetingRecord } from '../meeting/record';
import { verifyRecord } from '../meeting/fingerprint';
import { verifiedStatement, type RecordSignature } from './sign';
import type { Statement } from './statement';

/**
 * 核验 with signatures: one verdict over a record, the signatures stored beside it and the public
 * keys this installation knows (its own, current and retired, and those registered from others'
 * key files). Pure apart from WebCrypto, which is passed in.
 */

/** A public key the installation trusts to name its organisation. */
export interface KnownKey {
  keyId: string;
  publicKey: string;
  orgName: string;
  source: 'own' | 'registered';
}

export type MismatchReason =
  /** The content does not match its fingerprint, or the amendments do not chain up. */
  | 'content'
  /** A stored signature does not verify (a byte changed in it or in what it signs). */
  | 'signature'
  /** A signature that verifies, but over another fingerprint or meeting: the record was re-sealed. */
  | 'resealed'
  /** The record's newest state (its last amendment) carries no signature while earlier ones do. */
  | 'latestUnsigned';

export type SignatureVerdict =
  | { state: 'signedValid'; orgName: string; keyId: string; source: 'own' | 'registered'; amendments: number }
  | { state: 'signedUnregistered'; orgName: string; keyId: string; amendments: number }
  | { state: 'mismatch'; reason: MismatchReason }
  /** Sealed before signatures existed, or imported from a meeting file without them (旧格式，无签名). */
  | { state: 'unsigned'; amendments: number };

/**
 * The fingerprints a signature may cover, by slot: [0] the fingerprint at the lock, [n] the one
 * after the n-th amendment (walked back from the stored fingerprint along the amendment chain).
 * Only meaningful for a record verifyRecord found consistent.
 */
export function recordSlots(record: MeetingRecord): string[] {
  const byAfter = new Map(record.amendments.map((a) => [a.fingerprintAfter, a]));
  const slots: string[] = [];
  let current = record.meeting.fingerprint ?? '';
  for (let i = 0; i < record.amendments.length; i++) {
    slots.push(current);
    current = byAfter.get(current)?.fingerprintBefore ?? '';
  }
  slots.push(current);
  return slots.reverse();
}

interface Signed {
  statement: Statement;
  row: RecordSignature;
}
type Checked = { ok: true; signed: Signed[] } | { ok: false; reason: MismatchReason };

async function checkSignatures(
  record: MeetingRecord,
  slots: readonly string[],
  signatures: readonly RecordSignature[],
  subtle: Subtle,
): Promise<Checked> {
  const signed: Signed[] = [];
  for (const row of signatures) {
    const statement = await verifiedStatement(row, subtle);
    if (!statement) return { ok: false, reason: 'signature' };
    if (statement.meetingId !== record.meeting.id || slots[statement.slot] !== statement.fingerprint)
      return { ok: false, reason: 'resealed' };
    signed.push({ statement, row });
  }
  // The newest state must be signed: otherwise a change appended and re-sealed by hand after a
  // signed lock would pass as the signed record.
  if (!signed.some((s) => s.statement.slot === slots.length - 1)) return { ok: false, reason: 'latestUnsigned' };
  return { ok: true, signed };
}

export async function signatureVerdict(
  record: MeetingRecord,
  signatures: readonly RecordSignature[],
  keys: readonly KnownKey[],
  subtle: Subtle = defaultSubtle(),
): Promise<SignatureVerdict> {
  const sealed = await verifyRecord(record).catch(() => ({ state: 'inconsistent' as const }));
  if (sealed.state === 'inconsistent') return { state: 'mismatch', reason: 'content' };
  if (sealed.state === 'unsigned')
    return signatures.length > 0 ? { state: 'mismatch', reason: 'resealed' } : { state: 'unsigned', amendments: 0 };
  const amendments = sealed.amendments;
  if (signatures.length === 0) return { state: 'unsigned', amendments };
  const checked = await checkSignatures(record, recordSlots(record), signatures, subtle);
  if (!checked.ok) return { state: 'mismatch', reason: checked.reason };
  // Every signer must be known for the verdict to name one; the organisation is then the one the
  // key was registered under, not the name the statement claims.
  const pairs = checked.signed.map(({ statement, row }) => ({
    statement,
    key: keys.find((k) => k.keyId === statement.keyId && k.publicKey === row.publicKey),
  }));
  const unknown = pairs.find((p) => !p.key);
  if (unknown) {
    const { orgName, keyId } = unknown.statement;
    return { state: 'signedUnregistered', orgName, keyId, amendments };
  }
  const latest = pairs.reduce((a, b) => (b.statement.slot > a.statement.slot ? b : a));
  const key = latest.key!;
  return { state: 'signedValid', orgName: key.orgName, keyId: key.keyId, source: key.source, amendments };
}
