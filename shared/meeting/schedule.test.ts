import { describe, expect, it } from 'vitest';
import { MEETING_TYPES, meetingTemplateSchema, type AgendaItem, type Meeting } from '../domain/meeting';
import { MEETING_TYPE_LABELS } from '../documents/wording';
import { STANDING_ROLES } from '../domain/roles';
import {
  agendaFromDrafts,
  carryForward,
  defaultTemplates,
  issueLabel,
  meetingOnOccasion,
  nextIssueNo,
  nextMonthlyMeetingDate,
  plannedLength,
  templateItemDrafts,
} from './schedule';
import { sampleRedBenchRecord } from '../fixtures/testRecord';

describe('nextMonthlyMeetingDate', () => {
  it('is the 10th of this month up to and including the 10th', () => {
    expect(nextMonthlyMeetingDate('2026-07-01')).toBe('2026-07-10');
    expect(nextMonthlyMeetingDate('2026-07-09')).toBe('2026-07-10');
    expect(nextMonthlyMeetingDate('2026-07-10')).toBe('2026-07-10');
  });
  it('moves to next month after the 10th, across the year end', () => {
    expect(nextMonthlyMeetingDate('2026-07-11')).toBe('2026-08-10');
    expect(nextMonthlyMeetingDate('2026-12-11')).toBe('2027-01-10');
    expect(nextMonthlyMeetingDate('2028-02-29')).toBe('2028-03-10');
  });
  it('refuses what is not a date', () => {
    expect(() => nextMonthlyMeetingDate('2026-7-1')).toThrow(RangeError);
    expect(() => nextMonthlyMeetingDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('期数', () => {
  const existing = [
    { orgUnitId: 'a', issueYear: 2026, issueNo: 1 },
    { orgUnitId: 'a', issueYear: 2026, issueNo: 6 },
    { orgUnitId: 'a', issueYear: 2025, issueNo: 12 },
    { orgUnitId: 'b', issueYear: 2026, issueNo: 9 },
  ];
  it('numbers per compound and year', () => {
    expect(nextIssueNo(existing, 'a', 2026)).toBe(7);
    expect(nextIssueNo(existing, 'a', 2027)).toBe(1);
    expect(nextIssueNo(existing, 'b', 2026)).toBe(10);
    expect(nextIssueNo([], 'c', 2026)).toBe(1);
  });
  it('labels the issue', () => expect(issueLabel(2026, 7)).toBe('2026年第7期'));
});

describe('carryForward', () => {
  const base = sampleRedBenchRecord().agendaItems[0] as AgendaItem;
  const items: AgendaItem[] = [
    { ...base, id: 'i3', order: 3, title: '楼道堆物清理', state: 'carriedOver', resolution: undefined },
    { ...base, id: 'i1', order: 1, title: '分类垃圾桶改造', state: 'resolved' },
    {
      ...base,
      id: 'i2',
      order: 2,
      title: '停车位重新施划',
      state: 'discussed',
      resolution: '待测算',
      matterId: 'matter-7',
    },
    { ...base, id: 'i4', order: 4, title: '其他事项', state: 'pending', background: undefined },
  ];
  const none = { decisions: [], votes: [], householdConsultations: [] };
  const previous = { ...none, agendaItems: items };

  it('carries the unresolved items in order, with their origin and without their outcome', () => {
    const drafts = carryForward(previous);
    expect(drafts.map((d) => [d.title, d.carriedFromItemId, d.state])).toEqual([
      ['停车位重新施划', 'i2', 'pending'],
      ['楼道堆物清理', 'i3', 'pending'],
      ['其他事项', 'i4', 'pending'],
    ]);
    expect(drafts[0]).not.toHaveProperty('resolution');
    expect(drafts[0]).not.toHaveProperty('startedAt');
    expect(drafts[0]).toMatchObject({
      matterId: 'matter-7',
      concerns: base.concerns,
      plannedMinutes: base.plannedMinutes,
    });
    expect(drafts[2]).not.toHaveProperty('background');
  });
  it('does not carry an item that came to a decision, a vote or a household consultation, toggle or not', () => {
    const on = (agendaItemId: string) => [{ agendaItemId }];
    expect(carryForward({ ...previous, decisions: on('i2') }).map((d) => d.carriedFromItemId)).toEqual(['i3', 'i4']);
    expect(carryForward({ ...previous, votes: on('i4') }).map((d) => d.carriedFromItemId)).toEqual(['i2', 'i3']);
    expect(carryForward({ ...previous, householdConsultations: on('i2') }).map((d) => d.carriedFromItemId)).toEqual([
      'i3',
      'i4',
    ]);
  });
  it('carries an item the chair carried over (转下次会议) even when it decided a step on the way', () => {
    // i3 is carriedOver: "先逐户征求意见，下月再议" comes back however many decisions it has.
    expect(carryForward({ ...previous, decisions: [{ agendaItemId: 'i3' }] }).map((d) => d.carriedFromItemId)).toEqual([
      'i2',
      'i3',
      'i4',
    ]);
  });
  it("leaves out the template's standing items, which the new meeting gets from its template", () => {
    const standing =
      defaultTemplates()
        .find((t) => t.type === 'monthlyDay')
        ?.defaultItems.map((i) => i.title) ?? [];
    expect(standing).toContain('其他事项');
    expect(carryForward(previous, standing).map((d) => d.title)).toEqual(['停车位重新施划', '楼道堆物清理']);
  });
  it('never carries an item twice: not one a later meeting already carries, nor one whose matter was closed', () => {
    expect(carryForward(previous, [], { alreadyCarried: new Set(['i3']) }).map((d) => d.carriedFromItemId)).toEqual([
      'i2',
      'i4',
    ]);
    expect(
      carryForward(previous, [], { closedMatters: new Set(['matter-7']) }).map((d) => d.carriedFromItemId),
    ).toEqual(['i3', 'i4']);
    expect(carryForward(previous, [], { closedMatters: new Set(['matter-other']) })).toHaveLength(3);
  });

  it('turns drafts into agenda items of the new meeting', () => {
    let n = 0;
    const agenda = agendaFromDrafts(carryForward(previous), 'm2', () => `new-${++n}`);
    expect(agenda.map((a) => [a.id, a.meetingId, a.order, a.carriedFromItemId])).toEqual([
      ['new-1', 'm2', 1, 'i2'],
      ['new-2', 'm2', 2, 'i3'],
      ['new-3', 'm2', 3, 'i4'],
    ]);
  });
});

describe('defaultTemplates', () => {
  const templates = defaultTemplates();
  it('has every meeting type with fixed ids, all valid', () => {
    expect(templates.map((t) => [t.id, t.name])).toEqual([
      ['template-monthlyDay', '党群议事日'],
      ['template-redBench', '红板凳议事会'],
      ['template-general', '议事协商会议'],
      ['template-twoCommitteesJoint', '两委联席会议'],
      ['template-partyMembers', '党员大会'],
      ['template-residentReps', '居民代表会议'],
      ['template-streetJoint', '街道专题联席会议'],
    ]);
    expect(templates.map((t) => t.type)).toEqual([...MEETING_TYPES]);
    // Every type is named the same way by the documents and by its template.
    for (const t of templates) expect(MEETING_TYPE_LABELS[t.type]).toBe(t.name);
    for (const t of templates) expect(meetingTemplateSchema.parse(t)).toEqual(t);
    expect(templates.every((t) => t.passThreshold === 0.5)).toBe(true);
  });
  it('党群议事日 invites all six standing roles for 90 minutes', () => {
    const monthly = templates[0]!;
    expect(monthly.invitedRoles).toEqual([...STANDING_ROLES]);
    expect(monthly.plannedMinutes).toBe(90);
    expect(monthly.defaultItems.map((i) => i.title)).toEqual([
      '上月决定事项落实情况通报',
      '本月居民说事事项议定',
      '其他事项',
    ]);
  });
  it('红板凳议事会 invites the parties concerned for 60 minutes with one item', () => {
    const redBench = templates[1]!;
    expect(redBench.invitedRoles).toEqual(['secretary', 'ownersCommittee', 'property', 'resident', 'stakeholder']);
    expect(redBench.plannedMinutes).toBe(60);
    expect(redBench.defaultItems).toHaveLength(1);
  });
  it('gives item drafts and fresh values on every call', () => {
    expect(templateItemDrafts(templates[0]!)[0]).toEqual({
      title: '上月决定事项落实情况通报',
      plannedMinutes: 15,
      concerns: [],
      state: 'pending',
    });
    templates[0]!.defaultItems.pop();
    expect(defaultTemplates()[0]!.defaultItems).toHaveLength(3);
  });
});

describe('planning a new meeting', () => {
  it('keeps the length asked for when the agenda fits, else rounds the agenda up to half hours', () => {
    expect(plannedLength(90, 90)).toBe(90);
    expect(plannedLength(90, 60)).toBe(90);
    expect(plannedLength(90, 91)).toBe(120);
    expect(plannedLength(90, 150)).toBe(150);
    expect(plannedLength(60, 155)).toBe(180);
  });

  const meeting = (id: string, over: Partial<Meeting> = {}) =>
    ({
      id,
      orgUnitId: 'u1',
      type: 'monthlyDay',
      status: 'signed',
      startAt: '2026-12-10T09:00:00+08:00',
      ...over,
    }) as Pick<Meeting, 'id' | 'orgUnitId' | 'type' | 'status' | 'startAt'>;
  const occasion = { orgUnitId: 'u1', type: 'monthlyDay', day: '2026-12-10' } as const;

  it('finds the meeting of the same compound, kind and day, a draft first, never a cancelled one', () => {
    expect(meetingOnOccasion([meeting('a')], occasion)?.id).toBe('a');
    expect(meetingOnOccasion([meeting('a'), meeting('b', { status: 'draft' })], occasion)?.id).toBe('b');
    expect(meetingOnOccasion([meeting('a', { status: 'cancelled' })], occasion)).toBeUndefined();
    expect(meetingOnOccasion([meeting('a', { orgUnitId: 'u2' })], occasion)).toBeUndefined();
    expect(meetingOnOccasion([meeting('a', { type: 'redBench' })], occasion)).toBeUndefined();
    expect(meetingOnOccasion([meeting('a', { startAt: '2026-11-10T09:00:00+08:00' })], occasion)).toBeUndefined();
  });

  it('reads the day on the wall clock: 07:30 on the 10th in Beijing is the 10th', () =>
    expect(meetingOnOccasion([meeting('a', { startAt: '2026-12-10T07:30:00+08:00' })], occasion)?.id).toBe('a'));
});
