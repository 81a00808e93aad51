import { describe, expect, it } from 'vitest';
import { extrasFault, fileFollowupOf, EMPTY_FOLLOWUP, type FileFollowup } from './fileFollowup';
import { exampleExtras } from '../fixtures/exampleKey';
import { sampleSignedRedBenchRecord, SAMPLE_DECISION_PARKING_ID } from '../fixtures/testRecord';
import type { Attachment } from '../evidence/attachment';
import type { ProgressEvent } from '../followup/state';

function attachment(id: string, ownerId: string, size: number): Attachment {
  return {
    id,
    ownerKind: 'progress',
    ownerId,
    decisionId: 'd1',
    fileName: `${id}.png`,
    mime: 'image/png',
    size,
    sha256: '0'.repeat(64),
    data: 'A'.repeat(4 * Math.ceil(size / 3)),
    addedAt: '2026-07-20T01:00:00.000Z',
  };
}

function note(id: string, at: string): ProgressEvent {
  return { id, decisionId: 'd1', meetingId: 'm1', at, by: '陈志强', kind: 'note', text: '' };
}

describe('fileFollowupOf', () => {
  it('orders by time and keeps evidence up to the cap, listing the rest by name, size and hash', () => {
    const followup = fileFollowupOf(
      {
        progress: [note('p2', '2026-07-21T00:00:00.000Z'), note('p1', '2026-07-20T00:00:00.000Z')],
        notices: [],
        evaluations: [],
        attachments: [attachment('a2', 'p2', 60), attachment('a1', 'p1', 50), attachment('a3', 'p2', 10)],
      },
      100,
    );
    expect(followup.progress.map((p) => p.id)).toEqual(['p1', 'p2']);
    // a1 (p1, 50) then a2 (p2, 60) would pass 100: a2 is left out, a3 (10) still fits.
    expect(followup.attachments.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(followup.omittedAttachments).toEqual([
      { id: 'a2', ownerId: 'p2', decisionId: 'd1', fileName: 'a2.png', size: 60, sha256: '0'.repeat(64) },
    ]);
  });
});

describe('extrasFault', () => {
  async function parts() {
    const record = await sampleSignedRedBenchRecord();
    const extras = await exampleExtras(record);
    return { record, signatures: extras.signatures, followup: extras.followup };
  }

  it('accepts the example’s signatures and follow-up', async () => {
    const { record, signatures, followup } = await parts();
    expect(extrasFault(record, signatures, followup)).toBeNull();
  });

  it('refuses follow-up beside a record that is not signed', async () => {
    const { record, signatures, followup } = await parts();
    const draft = { ...record, meeting: { ...record.meeting, status: 'finalised' as const } };
    expect(extrasFault(draft, signatures, followup)).toMatchObject({ path: ['followup', 'progress', 0] });
    expect(extrasFault(draft, [], { ...followup, progress: [], notices: [] })).toBeNull();
  });

  it('refuses a signature of another meeting, rows of another meeting or decision, and repeated ids', async () => {
    const { record, signatures, followup } = await parts();
    const sig = signatures[0]!;
    const other = { ...sig, meetingId: 'another', id: 'another#0' };
    expect(extrasFault(record, [other], followup)).toEqual({ path: ['signatures', 0], words: '属于另一个会议' });
    expect(extrasFault(record, [sig, sig], followup)).toMatchObject({ path: ['signatures', 1] });
    const p = followup.progress[0]!;
    const cases: Array<[Partial<FileFollowup>, Array<string | number>]> = [
      [{ progress: [{ ...p, meetingId: 'another' }] }, ['followup', 'progress', 0]],
      [{ progress: [{ ...p, decisionId: 'decision-of-another-meeting' }] }, ['followup', 'progress', 0]],
      [{ progress: [p, { ...p, decisionId: SAMPLE_DECISION_PARKING_ID }] }, ['followup', 'progress', 1]],
      [{ notices: [followup.notices[0]!, followup.notices[0]!] }, ['followup', 'notices', 1]],
      [
        { attachments: [{ ...attachment('a', 'no-such-note', 3), decisionId: p.decisionId }] },
        ['followup', 'attachments', 0],
      ],
    ];
    for (const [change, path] of cases)
      expect(
        extrasFault(record, signatures, { ...EMPTY_FOLLOWUP, ...followup, ...change }),
        JSON.stringify(path),
      ).toMatchObject({
        path,
      });
  });
});
