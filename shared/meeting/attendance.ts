import type { AgendaItem, Attendance } from '../domain/meeting';
import { STANDING_ROLES, type RosterRole, type StandingRole } from '../domain/roles';

/**
 * The figures of a 签到表 / 纪要 header. 应到 counts everyone expected to take part, i.e. the
 * list without 列席 (who attend without a vote and are not "due"); 实到 counts those present.
 */
// A type alias rather than an interface, so the counts can be passed as i18next interpolation values.
export type AttendanceCounts = {
  /** 应到 */
  expected: number;
  /** 实到 */
  present: number;
  /** 请假 */
  excused: number;
  /** 缺席 */
  absent: number;
  /** 列席 */
  nonVoting: number;
  /** Still 'invited': not marked present, excused or absent yet. */
  notMarked: number;
};

export function attendanceCounts(attendance: readonly Attendance[]): AttendanceCounts {
  const counts: AttendanceCounts = { expected: 0, present: 0, excused: 0, absent: 0, nonVoting: 0, notMarked: 0 };
  for (const a of attendance) {
    if (a.state === 'nonVoting') {
      counts.nonVoting += 1;
      continue;
    }
    counts.expected += 1;
    if (a.state === 'present') counts.present += 1;
    else if (a.state === 'excused') counts.excused += 1;
    else if (a.state === 'absent') counts.absent += 1;
    else counts.notMarked += 1;
  }
  return counts;
}

/** The number of voters in the room: those present; 列席 do not vote. */
export function votersPresent(attendance: readonly Attendance[]): number {
  return attendance.filter((a) => a.state === 'present').length;
}

/**
 * Whether someone speaks for a category in the room. 列席 count here: they cannot vote but they
 * are heard, and being heard is what the 6+N rule is about.
 */
function inRoom(a: Attendance): boolean {
  return a.state === 'present' || a.state === 'nonVoting';
}

export interface CategoryCoverage {
  /** Someone of the category is in the room. */
  present: StandingRole[];
  /** On the list, but nobody of the category is in the room (excused, absent or not signed in yet). */
  invitedAbsent: StandingRole[];
  /** Nobody of the category was on the list at all. */
  notInvited: StandingRole[];
}

/** The six standing categories by presence, each list in the standard 6+N order. */
export function categoryCoverage(attendance: readonly Attendance[]): CategoryCoverage {
  const coverage: CategoryCoverage = { present: [], invitedAbsent: [], notInvited: [] };
  for (const role of STANDING_ROLES) {
    const ofRole = attendance.filter((a) => a.category === role);
    if (ofRole.some(inRoom)) coverage.present.push(role);
    else if (ofRole.length > 0) coverage.invitedAbsent.push(role);
    else coverage.notInvited.push(role);
  }
  return coverage;
}

/**
 * The categories an agenda item concerns with nobody of them in the room: shown to the chair
 * before a vote, so that e.g. a property matter is not decided without the property company.
 */
export function concernWarnings(item: Pick<AgendaItem, 'concerns'>, attendance: readonly Attendance[]): RosterRole[] {
  const heard = new Set(attendance.filter(inRoom).map((a) => a.category));
  return [...new Set(item.concerns)].filter((role) => !heard.has(role));
}
