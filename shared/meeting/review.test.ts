import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from './record';
import { reviewRecord } from './review';
import {
  SAMPLE_DECISION_PARKING_ID,
  SAMPLE_ITEM_PARKING_ID,
  SAMPLE_ITEM_WASTE_ID,
  SAMPLE_VOTE_ID,
  sampleRedBenchRecord,
} from '../fixtures/testRecord';

function edited(change: (r: MeetingRecord) => void): MeetingRecord {
  const r = sampleRedBenchRecord();
  change(r);
  return r;
}

describe('reviewRecord', () => {
  it('finds nothing in the complete sample', () => expect(reviewRecord(sampleRedBenchRecord())).toEqual([]));

  it('wants a chair, a recorder and someone present', () => {
    const r = edited((x) => {
      delete x.meeting.chair;
      x.meeting.recorder = { kind: 'text', name: '  ' };
      x.attendance = x.attendance.map((a) => ({ ...a, state: a.state === 'present' ? 'absent' : a.state }));
    });
    expect(reviewRecord(r).map((p) => p.code)).toEqual(['chairMissing', 'recorderMissing', 'nobodyPresent']);
  });

  it('lists people not marked yet, in sign-in order', () => {
    const r = edited((x) => {
      x.attendance[5]!.state = 'invited';
      x.attendance[1]!.state = 'invited';
    });
    expect(reviewRecord(r)).toEqual([
      {
        code: 'attendanceNotMarked',
        count: 2,
        attendanceIds: ['sample-attendance-zhaolijuan', 'sample-attendance-wudesheng'],
        names: ['赵丽娟', '吴德胜'],
      },
    ]);
  });

  it('finds items without minutes text', () => {
    const r = edited((x) => {
      x.minutes[0]!.text = ' \n\t ';
      x.minutes = x.minutes.filter((m) => m.agendaItemId !== SAMPLE_ITEM_PARKING_ID);
    });
    expect(reviewRecord(r)).toEqual([
      { code: 'minutesMissing', itemId: SAMPLE_ITEM_WASTE_ID, itemTitle: '分类垃圾桶改造' },
      { code: 'minutesMissing', itemId: SAMPLE_ITEM_PARKING_ID, itemTitle: '停车位重新施划' },
    ]);
  });

  it('checks decisions against the meeting date', () => {
    const r = edited((x) => {
      x.decisions[1]!.deadline = '2026-07-14';
      x.decisions[1]!.supervisor = x.decisions[1]!.responsible;
    });
    expect(reviewRecord(r)).toEqual([
      {
        code: 'decisionIncomplete',
        decisionId: SAMPLE_DECISION_PARKING_ID,
        decisionTitle: '重新施划地面停车位',
        itemId: SAMPLE_ITEM_PARKING_ID,
        problems: ['deadlineBeforeMeeting', 'supervisorIsResponsible'],
      },
    ]);
  });

  it("takes the meeting's day from its wall clock, not from the UTC characters of its start", () => {
    const previousTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      // 07:30 on 15 July in Beijing is stored as the 14th in UTC: a deadline on the 14th is early.
      const r = edited((x) => {
        x.meeting.startAt = '2026-07-14T23:30:00.000Z';
        x.decisions[1]!.deadline = '2026-07-14';
      });
      expect(reviewRecord(r)).toMatchObject([{ code: 'decisionIncomplete', problems: ['deadlineBeforeMeeting'] }]);
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
  });

  it('finds votes whose result cannot be computed', () => {
    const r = edited((x) => {
      x.votes[0]!.presentVoters = 8;
    });
    expect(reviewRecord(r)).toEqual([
      {
        code: 'voteInvalid',
        voteId: SAMPLE_VOTE_ID,
        subject: '停车位重新施划方案',
        itemId: SAMPLE_ITEM_PARKING_ID,
        problem: 'tooManyVotes',
      },
    ]);
  });

  it('finds an empty agenda and rows of items that are gone, meeting problems first', () => {
    const r = edited((x) => {
      x.agendaItems = [];
      delete x.meeting.recorder;
    });
    expect(reviewRecord(r).map((p) => (p.code === 'itemMissing' ? `${p.code}:${p.part}` : p.code))).toEqual([
      'recorderMissing',
      'agendaEmpty',
      'itemMissing:minutes',
      'itemMissing:minutes',
      'itemMissing:decision',
      'itemMissing:decision',
      'itemMissing:vote',
      'itemMissing:householdConsultation',
    ]);
  });
});

describe('reviewRecord and items carried over (转下次会议)', () => {
  /** The sample with the parking item put off before anything was recorded on it. */
  function parkingCarriedOver(): MeetingRecord {
    return edited((x) => {
      const item = x.agendaItems.find((i) => i.id === SAMPLE_ITEM_PARKING_ID)!;
      item.state = 'carriedOver';
      delete item.resolution;
      x.minutes = x.minutes.filter((m) => m.agendaItemId !== item.id);
      x.decisions = x.decisions.filter((d) => d.agendaItemId !== item.id);
      x.votes = x.votes.filter((v) => v.agendaItemId !== item.id);
      x.householdConsultations = x.householdConsultations.filter((h) => h.agendaItemId !== item.id);
    });
  }

  it('asks no minutes of an item carried over with nothing recorded on it', () =>
    expect(reviewRecord(parkingCarriedOver())).toEqual([]));

  it('still asks minutes of the same item when it is only pending', () => {
    const r = parkingCarriedOver();
    r.agendaItems.find((i) => i.id === SAMPLE_ITEM_PARKING_ID)!.state = 'pending';
    expect(reviewRecord(r)).toEqual([
      { code: 'minutesMissing', itemId: SAMPLE_ITEM_PARKING_ID, itemTitle: '停车位重新施划' },
    ]);
  });

  it('asks minutes of a carried-over item that has a 决议 or a decision: it is a section of the 纪要', () => {
    const withResolution = parkingCarriedOver();
    withResolution.agendaItems.find((i) => i.id === SAMPLE_ITEM_PARKING_ID)!.resolution = '先逐户征求意见，下月再议';
    expect(reviewRecord(withResolution).map((p) => p.code)).toEqual(['minutesMissing']);
    const withDecision = parkingCarriedOver();
    withDecision.decisions.push({ ...sampleRedBenchRecord().decisions[1]!, deadline: '2026-07-14' });
    expect(reviewRecord(withDecision).map((p) => p.code)).toEqual(['minutesMissing', 'decisionIncomplete']);
  });
});
