import { describe, expect, it } from 'vitest';
import type { Decision } from '../domain/decision';
import { briefingSchema } from '../domain/briefing';
import type { ProgressEvent } from '../followup/state';
import { buildBriefing, type BriefingMeeting } from './briefing';

const meeting = (id: string, startAt: string, status: BriefingMeeting['status'] = 'signed'): BriefingMeeting => ({
  id,
  title: '帝纱富仕城小区党群议事日',
  orgUnitId: 'c1',
  issueYear: 2026,
  issueNo: Number(id.slice(1)),
  startAt,
  status,
});
const meetings = [
  meeting('m9', '2026-09-10T09:00:00+08:00'),
  meeting('m10', '2026-10-10T09:00:00+08:00'),
  meeting('m11', '2026-11-10T09:00:00+08:00', 'closed'),
  meeting('m12', '2026-12-10T09:00:00+08:00'),
];

function decision(id: string, meetingId: string, over: Partial<Decision> = {}): Decision {
  return {
    id,
    meetingId,
    agendaItemId: 'i',
    title: `决定${id}`,
    responsible: { kind: 'text', name: ' 物业公司 ' },
    standard: '按标准',
    deadline: '2026-11-30',
    supervisor: { kind: 'text', name: '业委会' },
    status: 'inProgress',
    createdAt: '2026-10-10T01:00:00.000Z',
    ...over,
  };
}

const step: ProgressEvent = {
  id: 's1',
  decisionId: 'b',
  meetingId: 'm10',
  at: '2026-11-15T02:00:00.000Z',
  by: '王师傅',
  kind: 'note',
  text: '已进场施工',
};

describe('上月决定事项落实情况通报', () => {
  const briefing = buildBriefing({
    decisions: [
      decision('b', 'm10', { deadline: '2026-12-20' }),
      decision('a', 'm9', { deadline: '2026-10-31', status: 'notStarted' }),
      decision('done', 'm9', { status: 'done' }),
      // Not signed yet: not followed, so not reported.
      decision('unsigned', 'm11'),
      // The meeting itself and later ones are not "previous".
      decision('later', 'm12'),
    ],
    meetings,
    latest: new Map([['b', step]]),
    before: '2026-12-10T09:00:00+08:00',
    asOf: '2026-12-01',
  });

  it('lists every open decision of the earlier signed meetings, oldest meeting first', () => {
    expect(briefing.lines.map((l) => l.decisionId)).toEqual(['a', 'b']);
  });

  it('with its state, whether it is overdue on the day, and the latest progress with its day', () => {
    expect(briefing.lines[0]).toMatchObject({
      meeting: '帝纱富仕城小区党群议事日（2026年第9期）',
      responsible: '物业公司',
      state: 'notStarted',
      overdue: true,
    });
    expect(briefing.lines[0]?.latest).toBeUndefined();
    expect(briefing.lines[1]).toMatchObject({
      state: 'inProgress',
      overdue: false,
      latest: '王师傅：已进场施工（2026-11-15）',
    });
    expect(briefingSchema.parse(briefing)).toEqual(briefing);
  });

  it('keeps the overdue first when there are more than it can hold, in meeting order', () => {
    const many = Array.from({ length: 305 }, (_, i) =>
      decision(`d${String(i).padStart(3, '0')}`, 'm10', { deadline: i < 5 ? '2026-10-20' : '2027-01-31' }),
    );
    const big = buildBriefing({
      decisions: many,
      meetings,
      latest: new Map(),
      before: '2026-12-10',
      asOf: '2026-12-01',
    });
    expect(big.lines).toHaveLength(300);
    expect(big.lines.filter((l) => l.overdue)).toHaveLength(5);
    expect(briefingSchema.safeParse(big).success).toBe(true);
  });
});
