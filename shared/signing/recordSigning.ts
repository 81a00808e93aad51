import { defaultSubtle, type Subtle } from './webcrypto';
import type { MeetingRecord } from '../meeting/record';
import { signStatement, type RecordSignature, type SigningKey } from './sign';
import { STATEMENT_FORMAT, STATEMENT_VERSION, type Statement } from './statement';
import { recordSlots } from './verdict';

/** Who signs: the installation's key and the organisation it signs for. */
export interface Signer {
  key: SigningKey;
  orgUnitId: string;
  orgName: string;
}

export function statementFor(record: MeetingRecord, slot: number, signer: Signer, at: Date): Statement {
  const fingerprint = recordSlots(record)[slot];
  if (!fingerprint) throw new Error(`statementFor: the record has no slot ${slot}`);
  return {
    format: STATEMENT_FORMAT,
    version: STATEMENT_VERSION,
    meetingId: record.meeting.id,
    fingerprint,
    slot,
    kind: slot === 0 ? 'lock' : 'amendment',
    orgUnitId: signer.orgUnitId,
    orgName: signer.orgName,
    signedAt: at.toISOString(),
    keyId: signer.key.keyId,
  };
}

/**
 * Signs a sealed record's newest state: at the lock its fingerprint, after an amendment the
 * fingerprint that amendment produced (which covers the lock and every amendment before it).
 */
export function signLatestState(
  record: MeetingRecord,
  signer: Signer,
  at: Date,
  subtle: Subtle = defaultSubtle(),
): Promise<RecordSignature> {
  if (record.meeting.status !== 'signed' || !record.meeting.fingerprint)
    throw new Error('signLatestState: the record is not sealed');
  return signStatement(statementFor(record, record.amendments.length, signer, at), signer.key, subtle);
}

/**
 * Signs every state of a sealed record, each at the moment it came to be (the lock at signedAt,
 * each amendment at its own time): for a record built outside the app's own steps, such as the
 * demo's year of meetings.
 */
export async function signEveryState(
  record: MeetingRecord,
  signer: Signer,
  subtle: Subtle = defaultSubtle(),
): Promise<RecordSignature[]> {
  const slots = recordSlots(record);
  const byAfter = new Map(record.amendments.map((a) => [a.fingerprintAfter, a]));
  const out: RecordSignature[] = [];
  for (let slot = 0; slot < slots.length; slot++) {
    const at = slot === 0 ? record.meeting.signedAt : byAfter.get(slots[slot]!)?.at;
    out.push(await signStatement(statementFor(record, slot, signer, new Date(at ?? 0)), signer.key, subtle));
  }
  return out;
}
