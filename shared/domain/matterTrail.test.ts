import { describe, expect, it } from 'vitest';
import type { Decision } from './decision';
import type { AgendaItem, Meeting } from './meeting';
import type { MatterEvent } from './matter';
import type { MatterLinks } from './matterStage';
import { matterTimeline } from './matterTimeline';
import { dayStart, type FollowupTrail } from './matterTrail';
import type { Evaluation } from '../publicity/evaluation';
import type { PublicNotice } from '../publicity/notice';
import type { ProgressEvent } from '../followup/state';

const meeting = {
  id: 'a',
  status: 'signed',
  startAt: '2026-11-10T01:00:00.000Z',
  signedAt: '2026-11-10T04:00:00.000Z',
  title: '金湖花园党群议事日',
} as Meeting;
const item = { id: 'i1', meetingId: 'a', state: 'resolved', matterId: 'm1' } as AgendaItem;
const decision = {
  id: 'd1',
  agendaItemId: 'i1',
  meetingId: 'a',
  status: 'done',
  title: '重新施划车位',
  responsible: { kind: 'text', name: '物业公司' },
  standard: '划线清晰',
  supervisor: { kind: 'text', name: '业委会' },
  deadline: '2026-12-31',
  createdAt: '2026-11-10T02:30:00.000Z',
} as Decision;
const links: MatterLinks = { items: [{ item, meeting }], decisions: [decision] };
const events: MatterEvent[] = [
  { id: 'e1', matterId: 'm1', at: '2026-11-01T02:00:00.000Z', by: '王网格', kind: 'registered' },
];

function progress(id: string, kind: ProgressEvent['kind'], at: string, decisionId = 'd1'): ProgressEvent {
  return { id, decisionId, meetingId: 'a', at, by: '物业公司', kind, text: `${kind}说明` };
}

const evaluation: Evaluation = {
  id: 'v1',
  decisionId: 'd1',
  meetingId: 'a',
  rounds: [
    {
      no: 1,
      kind: 'first',
      on: '2026-12-01',
      by: '社区党委',
      counts: { satisfied: 2, basic: 1, unsatisfied: 7 },
      thresholdPercent: 80,
      passed: false,
      recordedAt: '2026-12-01T08:00:00.000Z',
    },
    {
      no: 2,
      kind: 'reinspection',
      on: '2026-12-20',
      by: '社区党委',
      counts: { satisfied: 9, basic: 1, unsatisfied: 0 },
      thresholdPercent: 80,
      passed: true,
      recordedAt: '2026-12-20T03:00:00.000Z',
    },
  ],
  // Opened the same day as the 评议, recorded only by its day: still after the 评议 on the timeline.
  rectifications: [
    {
      afterRound: 1,
      task: '补画车位线',
      responsible: '物业公司',
      deadline: '2026-12-15',
      openedOn: '2026-12-01',
      openedBy: '社区党委',
    },
  ],
  reports: [{ round: 2, on: '2026-12-20', by: '社区党委' }],
  updatedAt: '2026-12-20T03:00:00.000Z',
};

const notice = {
  id: 'n1',
  kind: 'result',
  meetingId: 'a',
  decisionId: 'd1',
  places: ['board'],
  startDate: '2026-11-21',
  days: 7,
  endDate: '2026-11-27',
  postedBy: '李书记',
  recordedAt: '2026-11-21T02:00:00.000Z',
  objections: [],
} as PublicNotice;

const trail: FollowupTrail = {
  progress: [
    progress('p1', 'note', '2026-11-12T02:00:00.000Z'),
    progress('p2', 'reportDone', '2026-11-15T02:00:00.000Z'),
    progress('p3', 'return', '2026-11-16T02:00:00.000Z'),
    progress('p4', 'reportDone', '2026-11-18T02:00:00.000Z'),
    progress('p5', 'confirm', '2026-11-20T02:00:00.000Z'),
    // Another matter's decision: not on this timeline.
    progress('p6', 'note', '2026-11-13T02:00:00.000Z', 'other'),
  ],
  notices: [notice, { ...notice, id: 'n2', decisionId: 'other' }],
  evaluations: [evaluation, { ...evaluation, id: 'v2', decisionId: 'other' }],
};

describe('a matter’s timeline through 督办, 公示 and 评议', () => {
  it('shows every step of its decision after the meeting, in order, each linked to the decision', () => {
    const steps = matterTimeline(events, links, trail);
    expect(steps.map((s) => s.kind)).toEqual([
      'registered',
      'decided',
      'meetingSigned',
      'progressNote',
      'reportedDone',
      'sentBack',
      'reportedDone',
      'confirmed',
      'noticePosted',
      'evaluated',
      'rectification',
      'reinspected',
      'reportedToParty',
    ]);
    for (const s of steps.slice(3)) expect(s.decisionId).toBe('d1');
    expect(steps[2]).toMatchObject({ meetingId: 'a', at: meeting.signedAt });
    expect(steps[5]!.note).toBe('return说明');
    expect(steps[9]!.rate).toEqual({ text: '30.0%', passed: false });
    expect(steps[11]!.rate).toEqual({ text: '100.0%', passed: true });
    expect(steps[10]).toMatchObject({ note: '补画车位线', dateOnly: true });
  });

  it('leaves out withdrawn rounds and meetings not yet signed', () => {
    const withdrawn: Evaluation = {
      ...evaluation,
      rounds: [
        { ...evaluation.rounds[0]!, withdrawn: { reason: '录错', by: '李书记', at: '2026-12-02T00:00:00.000Z' } },
      ],
      rectifications: [],
      reports: [],
    };
    const unsigned = { ...meeting, status: 'closed', signedAt: undefined } as Meeting;
    const steps = matterTimeline(
      events,
      { items: [{ item, meeting: unsigned }], decisions: [decision] },
      {
        ...trail,
        evaluations: [withdrawn],
      },
    );
    expect(steps.map((s) => s.kind)).not.toContain('evaluated');
    expect(steps.map((s) => s.kind)).not.toContain('meetingSigned');
  });

  it('dates a day-only step at the start of that day in China Standard Time', () => {
    expect(dayStart('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
  });
});
