import { describe, expect, it } from 'vitest';
import type { Matter } from '../domain/matter';
import type { MatterStage } from '../domain/matterStage';
import type { Meeting } from '../domain/meeting';
import { meetingsOnDay, nextMeetingDay, proposedMatters, startAtRange } from './nextMeeting';

describe('the next 党群议事日', () => {
  it('is this month’s 10th until it has passed, the 10th itself included', () => {
    expect(nextMeetingDay('2026-11-01')).toBe('2026-11-10');
    expect(nextMeetingDay('2026-11-10')).toBe('2026-11-10');
    expect(nextMeetingDay('2026-11-11')).toBe('2026-12-10');
  });

  it('rolls over month ends and the year end', () => {
    expect(nextMeetingDay('2026-01-31')).toBe('2026-02-10');
    expect(nextMeetingDay('2028-02-29')).toBe('2028-03-10');
    expect(nextMeetingDay('2026-12-31')).toBe('2027-01-10');
    expect(nextMeetingDay('2026-12-11')).toBe('2027-01-10');
  });

  type M = Pick<Meeting, 'type' | 'status' | 'startAt' | 'orgUnitId'> & { id: string };
  const m = (id: string, startAt: string, over: Partial<M> = {}): M => ({
    id,
    type: 'monthlyDay',
    status: 'draft',
    startAt,
    orgUnitId: 'c1',
    ...over,
  });

  it('finds the meetings of that day by their wall-clock day, not their UTC characters', () => {
    const [from, to] = startAtRange('2026-12-10');
    expect(from < '2026-12-10T07:30:00+08:00' && '2026-12-10T07:30:00+08:00' < to).toBe(true);
    const list = [
      m('early', '2026-12-10T07:30:00+08:00'),
      m('nineth', '2026-12-09T09:00:00+08:00'),
      m('red', '2026-12-10T09:00:00+08:00', { type: 'redBench' }),
      m('cancelled', '2026-12-10T09:00:00+08:00', { status: 'cancelled' }),
      m('other', '2026-12-10T09:00:00+08:00', { orgUnitId: 'c2' }),
    ];
    expect(meetingsOnDay(list, '2026-12-10', null).map((x) => x.id)).toEqual(['early', 'other']);
    expect(meetingsOnDay(list, '2026-12-10', new Set(['c1'])).map((x) => x.id)).toEqual(['early']);
  });
});

describe('待办件 proposed to a 党群议事日', () => {
  const entry = (id: string, stage: MatterStage, path: Matter['path'] = 'pending') => ({
    matter: { id, path } as Matter,
    stage,
  });
  const list = [
    entry('waiting', 'awaitingMeeting'),
    entry('carried', 'carriedOver'),
    entry('elsewhere', 'onAgenda'),
    entry('decided', 'implementing'),
    entry('closed', 'closed'),
    entry('triage', 'untriaged', 'untriaged'),
    entry('here', 'awaitingMeeting'),
  ];

  it('every open 待办件 not on another agenda and not already on this one', () => {
    expect(proposedMatters(list, new Set(['here'])).map((e) => e.matter.id)).toEqual(['waiting', 'carried']);
  });
});
