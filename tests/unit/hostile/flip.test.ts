/**
 * Any single flipped byte in a signed meeting file is caught: readMeetingFile refuses the file,
 * or what it returns is the signed record exactly (the flip hit whitespace or the unsigned
 * envelope, e.g. exportedAt), or it differs only in a field the seal leaves out by design
 * (shared/meeting/fingerprint.ts: meeting.updatedAt, decisions' status). Anything else that
 * changes the record and is still accepted fails.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingFileText, readMeetingFile } from '../../../shared/meeting/file';
import { sampleSignedRedBenchRecord } from '../../../shared/fixtures/testRecord';
import type { MeetingRecord } from '../../../shared/meeting/record';

const FLIPS = 3000;
let record: MeetingRecord;

/** The record without the fields the fingerprint deliberately does not cover. */
function sealedPart(r: MeetingRecord): unknown {
  return {
    ...r,
    meeting: { ...r.meeting, updatedAt: undefined },
    decisions: r.decisions.map((d) => ({ ...d, status: undefined })),
  };
}
let bytes: Uint8Array;

beforeAll(async () => {
  record = await sampleSignedRedBenchRecord();
  bytes = new TextEncoder().encode(meetingFileText(record, '0.1.0', new Date('2026-07-16T08:00:00.000Z')));
});

describe('single-byte flips in a signed meeting file', () => {
  it('the untouched file reads back as the signed record', async () => {
    const reading = await readMeetingFile(new TextDecoder().decode(bytes));
    expect(reading.ok && reading.verification).toBe('consistent');
    expect(reading.ok && reading.record).toEqual(record);
  });

  it(`${FLIPS} random flips: refused, or the record is exactly the signed one`, async () => {
    const outcomes = new Map<string, number>();
    let harmless = 0;
    let unsealedOnly = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const flipped = bytes.slice();
        flipped[at]! ^= mask;
        // As the app reads a picked file: UTF-8, invalid sequences become U+FFFD.
        const reading = await readMeetingFile(new TextDecoder().decode(flipped));
        const key = reading.ok ? `accepted:${reading.verification}` : reading.problem.code;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if (reading.ok) {
          harmless++;
          expect(reading.verification, `flip at byte ${at} (mask ${mask}) accepted as unsigned`).toBe('consistent');
          expect(
            sealedPart(reading.record),
            `flip at byte ${at} (mask ${mask}) changed the record but was accepted`,
          ).toEqual(sealedPart(record));
          try {
            expect(reading.record).toEqual(record);
          } catch {
            unsealedOnly++;
          }
        }
      }),
      { numRuns: FLIPS },
    );
    const refused = FLIPS - harmless;
    console.log(
      `flip: ${FLIPS} single-byte flips in a ${bytes.length}-byte signed file: ${refused} refused, ${harmless - unsealedOnly} harmless (record unchanged), ${unsealedOnly} changed only an unsealed field (meeting.updatedAt / decision status, by design), 0 undetected → ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  });
});
