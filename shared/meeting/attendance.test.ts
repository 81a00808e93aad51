import { describe, expect, it } from 'vitest';
import type { Attendance, AttendanceState } from '../domain/meeting';
import type { RosterRole } from '../domain/roles';
import { attendanceCounts, categoryCoverage, concernWarnings, votersPresent } from './attendance';
import { sampleRedBenchRecord } from '../fixtures/testRecord';

let n = 0;
function person(category: RosterRole, state: AttendanceState): Attendance {
  n += 1;
  return { id: `a${n}`, meetingId: 'm', name: `参会人${n}`, category, order: n, state };
}

describe('the sample red-bench meeting (12 listed, 1 列席, 1 请假)', () => {
  const { attendance } = sampleRedBenchRecord();
  it('counts 应到 11, 实到 10', () => {
    expect(attendanceCounts(attendance)).toEqual({
      expected: 11,
      present: 10,
      excused: 1,
      absent: 0,
      nonVoting: 1,
      notMarked: 0,
    });
  });
  it('has 10 voters: 列席 do not vote', () => expect(votersPresent(attendance)).toBe(10));
  it('covers all six standing categories', () => {
    expect(categoryCoverage(attendance)).toEqual({
      present: ['secretary', 'twoCommittees', 'ownersCommittee', 'property', 'resident', 'coBuilding'],
      invitedAbsent: [],
      notInvited: [],
    });
  });
});

describe('counts', () => {
  it('keeps unmarked people in 应到 but not in 实到', () => {
    const list = [
      person('resident', 'invited'),
      person('resident', 'absent'),
      person('property', 'present'),
      person('coBuilding', 'nonVoting'),
    ];
    expect(attendanceCounts(list)).toEqual({
      expected: 3,
      present: 1,
      excused: 0,
      absent: 1,
      nonVoting: 1,
      notMarked: 1,
    });
    expect(votersPresent(list)).toBe(1);
  });
  it('is all zero for an empty list', () => {
    expect(attendanceCounts([])).toEqual({
      expected: 0,
      present: 0,
      excused: 0,
      absent: 0,
      nonVoting: 0,
      notMarked: 0,
    });
  });
});

describe('categoryCoverage', () => {
  it('tells present, invited but absent, and not invited apart', () => {
    const list = [
      person('secretary', 'present'),
      person('property', 'excused'),
      person('property', 'absent'),
      person('resident', 'invited'),
      person('resident', 'present'),
      person('coBuilding', 'nonVoting'),
      person('stakeholder', 'present'),
    ];
    expect(categoryCoverage(list)).toEqual({
      present: ['secretary', 'resident', 'coBuilding'],
      invitedAbsent: ['property'],
      notInvited: ['twoCommittees', 'ownersCommittee'],
    });
  });
});

describe('concernWarnings', () => {
  const list = [person('secretary', 'present'), person('property', 'excused'), person('coBuilding', 'nonVoting')];
  it('names the concerned categories nobody in the room speaks for', () => {
    expect(concernWarnings({ concerns: ['property', 'resident', 'coBuilding', 'secretary'] }, list)).toEqual([
      'property',
      'resident',
    ]);
  });
  it('names each category once and nothing when the item concerns nobody', () => {
    expect(concernWarnings({ concerns: ['stakeholder', 'stakeholder'] }, list)).toEqual(['stakeholder']);
    expect(concernWarnings({ concerns: [] }, list)).toEqual([]);
  });
  it('the sample items are covered', () => {
    const r = sampleRedBenchRecord();
    for (const item of r.agendaItems) expect(concernWarnings(item, r.attendance)).toEqual([]);
  });
});
