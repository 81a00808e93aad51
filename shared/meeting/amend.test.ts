import { describe, expect, it } from 'vitest';
import { amendmentSchema } from '../domain/meeting';
import { amendRecord, diffRecords, type AmendRequest } from './amend';
import { fingerprintRecord, verifyRecord } from './fingerprint';
import { signRecord } from './lifecycle';
import { meetingRecordSchema, type MeetingRecord } from './record';
import {
  SAMPLE_DECISION_PARKING_ID,
  SAMPLE_DECISION_WASTE_ID,
  SAMPLE_ITEM_PARKING_ID,
  sampleRedBenchRecord,
  sampleSignedRedBenchRecord,
} from '../fixtures/testRecord';

const NOW = new Date('2026-07-20T02:00:00Z');
let idCount = 0;
const newId = () => `amendment-${++idCount}`;

function request(apply: AmendRequest['apply']): AmendRequest {
  return { by: '赵丽娟', reason: '完成时限笔误，经主持人确认更正', apply };
}

describe('diffRecords', () => {
  it('names changed fields by row id, not position', () => {
    const before = sampleRedBenchRecord();
    const after = structuredClone(before);
    after.decisions.reverse();
    after.decisions.find((d) => d.id === SAMPLE_DECISION_PARKING_ID)!.deadline = '2026-09-30';
    after.agendaItems[1]!.resolution = '表决通过';
    after.meeting.chair = { kind: 'person', personId: 'sample-person-lizhenhai', name: '李振海（书记）' };
    after.meeting.updatedAt = NOW.toISOString();
    expect(diffRecords(before, after)).toEqual([
      { path: 'meeting.chair.name', before: '李振海', after: '李振海（书记）' },
      {
        path: `agendaItems[${SAMPLE_ITEM_PARKING_ID}].resolution`,
        before: '表决通过停车位重新施划方案，公示无异议后施工。',
        after: '表决通过',
      },
      { path: `decisions[${SAMPLE_DECISION_PARKING_ID}].deadline`, before: '2026-09-15', after: '2026-09-30' },
    ]);
  });
  it('shows added and removed rows as one change each, minutes keyed by their item', () => {
    const before = sampleRedBenchRecord();
    const after = structuredClone(before);
    const removed = after.decisions.shift()!;
    const added = { ...after.votes[0]!, id: 'vote-2', subject: '施工时间' };
    after.votes.push(added);
    after.minutes[1]!.text = '更正后的纪要';
    expect(diffRecords(before, after)).toEqual([
      { path: `minutes[${SAMPLE_ITEM_PARKING_ID}].text`, before: before.minutes[1]!.text, after: '更正后的纪要' },
      { path: `decisions[${SAMPLE_DECISION_WASTE_ID}]`, before: removed, after: undefined },
      { path: 'votes[vote-2]', before: undefined, after: added },
    ]);
  });
  it('treats lists without ids (orgPath, concerns) as one value and ignores seal bookkeeping', () => {
    const before = sampleRedBenchRecord();
    const after = structuredClone(before);
    after.orgPath.push('第一网格');
    after.agendaItems[0]!.concerns = ['property'];
    after.decisions[0]!.status = 'done';
    after.meeting.fingerprint = 'f'.repeat(64);
    expect(diffRecords(before, after).map((c) => c.path)).toEqual([
      'orgPath',
      'agendaItems[sample-item-waste].concerns',
    ]);
    expect(diffRecords(before, structuredClone(before))).toEqual([]);
  });
});

describe('amendRecord', () => {
  it('amends a signed record: it stays consistent and the amendment lists exactly the changed paths', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const result = await amendRecord(
      signed,
      request((d) => {
        d.decisions[1]!.deadline = '2026-09-30';
        d.meeting.place = '帝纱富仕城党群服务站';
      }),
      NOW,
      newId,
    );
    if (!result.ok) throw new Error(result.problem.code);
    const { record, amendment } = result;
    expect(amendment.changes.map((c) => c.path)).toEqual([
      'meeting.place',
      `decisions[${SAMPLE_DECISION_PARKING_ID}].deadline`,
    ]);
    expect(amendment).toMatchObject({
      meetingId: signed.meeting.id,
      at: NOW.toISOString(),
      by: '赵丽娟',
      fingerprintBefore: signed.meeting.fingerprint,
    });
    expect(amendment.fingerprintAfter).toBe(record.meeting.fingerprint);
    expect(amendment.fingerprintAfter).not.toBe(amendment.fingerprintBefore);
    expect(record.amendments).toEqual([amendment]);
    expect(amendmentSchema.parse(amendment)).toBeTruthy();
    expect(meetingRecordSchema.safeParse(record).success).toBe(true);
    expect(await fingerprintRecord(record)).toBe(record.meeting.fingerprint);
    expect(await verifyRecord(record)).toEqual({ state: 'consistent', amendments: 1 });
    expect(await verifyRecord(signed)).toEqual({ state: 'consistent', amendments: 0 }); // the input is untouched
    expect(signed.decisions[1]!.deadline).toBe('2026-09-15');
  });

  it('chains amendments, and verification does not depend on their clock order', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const first = await amendRecord(
      signed,
      request((d) => void (d.decisions[1]!.deadline = '2026-09-30')),
      NOW,
      () => 'z-first',
    );
    if (!first.ok) throw new Error(first.problem.code);
    // The second amendment is dated earlier (a laptop clock set wrong) and sorts first by id too.
    const second = await amendRecord(
      first.record,
      request((d) => ({ ...d, documentOrgName: '胜兴社区党委' })),
      new Date('2026-07-19T00:00:00Z'),
      () => 'a-second',
    );
    if (!second.ok) throw new Error(second.problem.code);
    expect(second.amendment.fingerprintBefore).toBe(first.amendment.fingerprintAfter);
    expect(second.amendment.changes).toEqual([
      { path: 'documentOrgName', before: '中共垦利街道胜兴社区委员会', after: '胜兴社区党委' },
    ]);
    expect(await verifyRecord(second.record)).toEqual({ state: 'consistent', amendments: 2 });

    const rewired = structuredClone(second.record);
    rewired.amendments[0]!.fingerprintAfter = rewired.amendments[1]!.fingerprintAfter;
    expect(await verifyRecord(rewired)).toEqual({ state: 'inconsistent' });
  });

  it('editing a signed record in place, without an amendment, makes it inconsistent', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const edited: MeetingRecord = structuredClone(signed);
    edited.agendaItems[0]!.resolution = '不同意改造';
    expect(await verifyRecord(edited)).toEqual({ state: 'inconsistent' });
    expect(
      await amendRecord(
        edited,
        request((d) => void (d.meeting.place = 'x')),
        NOW,
        newId,
      ),
    ).toEqual({ ok: false, problem: { code: 'notConsistent' } });
  });

  it('refuses with codes', async () => {
    const signed = await sampleSignedRedBenchRecord();
    const change = (d: MeetingRecord) => void (d.meeting.place = '社区会议室');
    const problem = async (r: MeetingRecord, req: AmendRequest) => {
      const result = await amendRecord(r, req, NOW, newId);
      return result.ok ? null : result.problem;
    };
    expect(await problem(sampleRedBenchRecord(), request(change))).toEqual({ code: 'notSigned' });
    expect(await problem(signed, { ...request(change), by: '  ' })).toEqual({ code: 'byMissing' });
    expect(await problem(signed, { ...request(change), reason: '' })).toEqual({ code: 'reasonMissing' });
    expect(
      await problem(
        signed,
        request(() => undefined),
      ),
    ).toEqual({ code: 'noChanges' });
    expect(
      await problem(
        signed,
        request((d) => void (d.decisions[0]!.status = 'done')),
      ),
    ).toEqual({ code: 'noChanges' });
    expect(
      await problem(
        signed,
        request((d) => void (d.meeting.status = 'closed')),
      ),
    ).toEqual({ code: 'lockedField', path: 'meeting.status' });
    expect(
      await problem(
        signed,
        request((d) => void (d.votes[0]!.meetingId = 'other')),
      ),
    ).toEqual({ code: 'lockedField', path: 'votes[sample-vote-parking].meetingId' });
    const forged = {
      id: 'x',
      meetingId: signed.meeting.id,
      at: NOW.toISOString(),
      by: '某人',
      reason: '伪造',
      changes: [{ path: 'meeting.place', before: 'a', after: 'b' }],
      fingerprintBefore: '0'.repeat(64),
      fingerprintAfter: '1'.repeat(64),
    };
    expect(
      await problem(
        signed,
        request((d) => void d.amendments.push(forged)),
      ),
    ).toEqual({ code: 'lockedField', path: 'amendments' });
    expect(
      await problem(
        signed,
        request((d) => void (d.meeting.title = '')),
      ),
    ).toMatchObject({ code: 'invalid', path: ['meeting', 'title'] });
    expect(
      await problem(
        signed,
        request((d) => void (d.votes[0]!.agree = Number.NaN)),
      ),
    ).toMatchObject({ code: 'invalid', path: ['votes', 0, 'agree'] });
    expect(await problem(signed, { ...request(change), by: '很长的名字'.repeat(10) })).toMatchObject({
      code: 'invalid',
      path: ['amendments', 0, 'by'],
    });
    const many = (d: MeetingRecord) => {
      for (let i = 0; i < 201; i++) d.attendance.push({ ...d.attendance[0]!, id: `guest-${i}`, order: 100 + i });
    };
    expect(await problem(signed, request(many))).toEqual({ code: 'tooManyChanges', count: 201, max: 200 });
  });

  describe('obeys the rules of the first entry', () => {
    const problem = async (r: MeetingRecord, apply: AmendRequest['apply']) => {
      const result = await amendRecord(r, request(apply), NOW, newId);
      return result.ok ? null : result.problem;
    };

    it('refuses a deadline before the meeting day, or one that is no date, as the decision form does', async () => {
      const signed = await sampleSignedRedBenchRecord();
      expect(await problem(signed, (d) => void (d.decisions[1]!.deadline = '2026-07-14'))).toEqual({
        code: 'entryRules',
        problems: [
          {
            code: 'decisionIncomplete',
            decisionId: SAMPLE_DECISION_PARKING_ID,
            decisionTitle: '重新施划地面停车位',
            itemId: SAMPLE_ITEM_PARKING_ID,
            problems: ['deadlineBeforeMeeting'],
          },
        ],
      });
      // The meeting's own day is allowed, as in the form.
      expect(await problem(signed, (d) => void (d.decisions[1]!.deadline = '2026-07-15'))).toBeNull();
      expect(await problem(signed, (d) => void (d.decisions[1]!.deadline = '2026-02-31' as never))).toMatchObject({
        code: 'invalid',
        path: ['decisions', 1, 'deadline'],
      });
    });

    it('refuses a supervisor who is the responsible person, an empty standard and impossible votes', async () => {
      const signed = await sampleSignedRedBenchRecord();
      const codes = async (apply: AmendRequest['apply']) => {
        const p = await problem(signed, apply);
        return p?.code === 'entryRules'
          ? p.problems.map((x) => (x.code === 'decisionIncomplete' ? x.problems.join() : x.code))
          : p;
      };
      expect(await codes((d) => void (d.decisions[1]!.supervisor = d.decisions[1]!.responsible))).toEqual([
        'supervisorIsResponsible',
      ]);
      expect(await codes((d) => void (d.votes[0]!.agree = 11))).toEqual(['voteInvalid']);
      expect(await codes((d) => void (d.meeting.recorder = undefined))).toEqual(['recorderMissing']);
    });

    it('refuses moving the meeting past the deadlines set at it', async () => {
      const signed = await sampleSignedRedBenchRecord();
      const moved = await problem(signed, (d) => {
        d.meeting.startAt = '2026-09-01T19:00:00+08:00';
        d.meeting.plannedEndAt = '2026-09-01T20:00:00+08:00';
      });
      expect(moved).toMatchObject({ code: 'entryRules', problems: [{ decisionId: SAMPLE_DECISION_WASTE_ID }] });
    });

    it('lets a record signed under older rules be amended elsewhere, and its old problem be fixed', async () => {
      const old = sampleRedBenchRecord();
      old.decisions[1]!.deadline = '2026-07-01'; // before the meeting: accepted once, signed as it was
      const signed = await signRecord(old, new Date('2026-07-16T02:00:00Z'));
      if (!signed.ok) throw new Error(signed.error.code);
      expect(await problem(signed.record, (d) => void (d.meeting.place = '社区会议室'))).toBeNull();
      expect(await problem(signed.record, (d) => void (d.decisions[1]!.deadline = '2026-09-30'))).toBeNull();
      // Making the old problem worse still counts as new: another rule is broken on that decision.
      expect(
        await problem(signed.record, (d) => void (d.decisions[1]!.supervisor = d.decisions[1]!.responsible)),
      ).toMatchObject({ code: 'entryRules', problems: [{ problems: ['supervisorIsResponsible'] }] });
    });
  });
});
