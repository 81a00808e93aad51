import type { MeetingRecord } from '../../shared/meeting/record';
import { signRecord } from '../../shared/meeting/lifecycle';
import { sampleRedBenchRecord } from '../../shared/fixtures/testRecord';
import { buildLongMeetingRecord } from '../../shared/fixtures/longMeeting';
import { drawnSignaturePng } from '../../shared/demo/signatureInk';
import { pngDataUrl } from '../../shared/documents/png';

/**
 * Records the document tests print: the sample 帝纱富仕城 红板凳议事会 (signed, with signatures that
 * look like signatures), the long meeting, and a bare one with nothing optional filled in.
 */

/** The sample record with drawn signatures (one signed on paper), signed and sealed. */
export async function signedRedBenchRecord(): Promise<MeetingRecord> {
  const sample = sampleRedBenchRecord();
  const attendance = sample.attendance.map((a, i) => {
    if (!a.signature) return a;
    if (i === 3) return { ...a, signature: { kind: 'paper' as const, signedAt: a.signature.signedAt } };
    return { ...a, signature: { ...a.signature, imageDataUrl: pngDataUrl(drawnSignaturePng(i + 1)) } };
  });
  const signed = await signRecord({ ...sample, attendance }, new Date('2026-07-16T02:00:00Z'));
  if (!signed.ok) throw new Error(`the sample record cannot be signed: ${signed.error.code}`);
  return signed.record;
}

export function longRecord(): MeetingRecord {
  return buildLongMeetingRecord();
}

/** Nothing optional: no chair, recorder, place, attendees, minutes, votes or decisions; unsigned. */
export function bareRecord(): MeetingRecord {
  const sample = sampleRedBenchRecord();
  const { chair: _chair, recorder: _recorder, finalisedAt: _f, ...meeting } = sample.meeting;
  return {
    ...sample,
    meeting: { ...meeting, place: '', status: 'draft', title: '临时议事协商会议', type: 'general' },
    orgPath: [],
    agendaItems: sample.agendaItems
      .slice(0, 1)
      .map(({ background: _b, resolution: _r, raisedBy: _rb, ...item }) => item),
    minutes: [],
    attendance: [],
    decisions: [],
    votes: [],
    householdConsultations: [],
  };
}
