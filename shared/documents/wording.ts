import {
  addDays as addCalendarDays,
  dayOf,
  formatChineseDate,
  wallClock,
  weekdayOf,
  type CalendarDate,
} from '../dates';
import type { AgendaItem, Attendance, MeetingType } from '../domain/meeting';
import type { PartyRef } from '../domain/party';
import type { MeetingRecord } from '../meeting/record';
import { issueLabel as issueLabelOf } from '../meeting/schedule';

/** The words documents print for a meeting: names, dates, counts, the fingerprint. */

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  monthlyDay: '党群议事日',
  redBench: '红板凳议事会',
  general: '议事协商会议',
  twoCommitteesJoint: '两委联席会议',
  partyMembers: '党员大会',
  residentReps: '居民代表会议',
  streetJoint: '街道专题联席会议',
};

export const VOTE_METHOD_LABELS = { showOfHands: '举手', secretBallot: '无记名投票' } as const;

/** Names that are already an administrative unit, not a compound: no 小区 after them. */
const NOT_A_COMPOUND = /(小区|社区|居委会|村委会|村|街道|镇|乡|区|县|市|网格)$/;

/**
 * The compound (or community) a meeting belongs to, as documents name it: 帝纱富仕城 → 帝纱富仕城小区.
 * A grid meeting keeps its compound in front: 帝纱富仕城小区第一网格.
 */
export function unitName(record: Pick<MeetingRecord, 'orgPath' | 'documentOrgName'>): string {
  const path = record.orgPath.map((p) => p.trim()).filter((p) => p !== '');
  const last = path.at(-1);
  if (!last) return record.documentOrgName.trim();
  const withCompound = (name: string) => (NOT_A_COMPOUND.test(name) ? name : `${name}小区`);
  const parent = path.at(-2);
  if (/网格$/.test(last) && parent) return `${withCompound(parent)}${last}`;
  return withCompound(last);
}

/** 帝纱富仕城小区红板凳议事会 */
export function meetingBodyName(record: MeetingRecord): string {
  return `${unitName(record)}${MEETING_TYPE_LABELS[record.meeting.type]}`;
}

/**
 * 帝纱富仕城小区2026年第7期红板凳议事会会议纪要 — the title real 纪要 carry: the compound, the 期数
 * and the meeting.
 */
export function defaultMinutesTitle(record: Pick<MeetingRecord, 'meeting' | 'orgPath' | 'documentOrgName'>): string {
  const kind = MEETING_TYPE_LABELS[record.meeting.type];
  return `${unitName(record)}${issueLabel(record)}${kind}${kind.endsWith('会议') ? '' : '会议'}纪要`;
}

/** The title under the red line: the secretary's own when given, else the usual one. */
export function minutesTitle(record: Pick<MeetingRecord, 'meeting' | 'orgPath' | 'documentOrgName'>): string {
  return record.meeting.minutesTitle?.trim() || defaultMinutesTitle(record);
}

/** 2026年第7期, as the schedule numbers meetings. */
export function issueLabel(record: Pick<MeetingRecord, 'meeting'>): string {
  return issueLabelOf(record.meeting.issueYear, record.meeting.issueNo);
}

/** 2026年11月10日, of a date or of a moment's wall-clock day (the rule is in shared/dates.ts). */
export function chineseDate(iso: string): string {
  return formatChineseDate(iso);
}

/** 19时30分 (official documents write the hour in 24-hour form, minutes only when not on the hour). */
export function chineseTime(iso: string): string {
  const w = wallClock(iso);
  if (!w) return '';
  return w.minute === 0 ? `${w.hour}时` : `${w.hour}时${w.minute}分`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 星期二 — of the calendar date as written, never shifted by the machine's zone. */
export function chineseWeekday(iso: string): string {
  const day = dayOf(iso);
  return day ? `星期${WEEKDAYS[weekdayOf(day)]}` : '';
}

/** A calendar date (YYYY-MM-DD, or the day of a moment) plus n days. */
export function addDays(date: string, n: number): string {
  return addCalendarDays(calendarDay(date), n);
}

/** The calendar day of a moment as written (see shared/dates.ts). */
export function calendarDay(iso: string): CalendarDate {
  const day = dayOf(iso);
  if (!day) throw new RangeError(`不是有效的日期：${iso}`);
  return day;
}

export function partyName(party: PartyRef | undefined): string {
  return party?.name.trim() ?? '';
}

/** 单位 + 姓名, as §10.3 lists attendees: 富仕城物业公司张三. */
export function attendeeLabel(a: Pick<Attendance, 'name' | 'unit'>): string {
  const unit = a.unit?.trim() ?? '';
  return unit && !a.name.startsWith(unit) ? `${unit}${a.name}` : a.name;
}

/** 一 … 九十九: Chinese counting for headings (一、二、…). */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] as string;
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
  return String(n);
}

/** 议程所列“停车位重新施划”议题本次会议未及协商，转下次会议。— the items the meeting did not reach, in one line. */
export function carriedOverSentence(items: readonly AgendaItem[]): string {
  if (items.length === 0) return '';
  const titles = items.map((i) => `“${i.title.trim()}”`).join('');
  return `议程所列${titles}${items.length > 1 ? `${items.length}项` : ''}议题本次会议未及协商，转下次会议。`;
}
